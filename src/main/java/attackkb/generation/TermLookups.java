package attackkb.generation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Where each term lives in one index generation's terms dictionaries, remembered: a term query built with its
 * states needs no dictionary seek, and neither does reading a hit's offsets for its snippet. Queries share most of
 * their words ("file", "windows", "process"), and every seek built a new terms enum. (Terms that {@link TermDocs}
 * keeps are scored from memory and never looked up for a query.)
 */
public final class TermLookups {
    /** Terms remembered: the index has about 60,000 prose terms; the ones searched are far fewer. */
    private static final int REMEMBERED = 10_000;

    private final IndexSearcher searcher;
    private final Cache<Term, TermStates> states = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    TermLookups(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** The term's states in every segment, with its statistics; an absent term has none (document frequency 0). */
    public TermStates states(Term term) {
        return states.get(term, t -> {
            try {
                return TermStates.build(searcher, t, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A term query that will not look its term up again. */
    public TermQuery query(Term term) {
        return new TermQuery(term, states(term));
    }
}
