package attackkb.search.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;

/**
 * Lucene's scores of the clauses that are not single words, computed once per index generation and then added from
 * memory: the phrases of curated synonyms and the blends of typo corrections. The same clause, boost included,
 * always scores the same documents the same way in one generation.
 *
 * <p>Lucene scores such a clause from scratch on every search: term lookups, weights and positions for a phrase per
 * synonym and prose field, more than the rest of the search costs. The synonyms are a
 * fixed list and corrections repeat with the words they correct, so nearly every such clause is kept after its
 * first search. What is kept is bounded by {@link #MAX_POSTINGS}.
 */
public final class ClauseScores {
    /** How many (document, score) pairs are kept at most: about 2 MB. */
    static final int MAX_POSTINGS = 250_000;

    /** One clause's matching documents, in increasing order, and its score in each. */
    private record Scored(int[] docs, float[] scores) {}

    private final IndexSearcher searcher;
    private final Cache<Query, Scored> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_POSTINGS)
            .<Query, Scored>weigher((query, scored) -> scored.docs.length + 1)
            .build();

    public ClauseScores(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** Whether {@code clause} (boosted or not) is one whose scores are kept. */
    public static boolean keeps(Query clause) {
        Query q = clause instanceof BoostQuery boosted ? boosted.getQuery() : clause;
        return q instanceof PhraseQuery || q instanceof SynonymQuery;
    }

    /** Adds {@code clause}'s score to each document it matches, and marks them matched. */
    public void add(Query clause, double[] sums, boolean[] matched) {
        Scored scored = kept.get(clause, this::score);
        int[] docs = scored.docs;
        float[] scores = scored.scores;
        for (int i = 0; i < docs.length; i++) {
            sums[docs[i]] += scores[i];
            matched[docs[i]] = true;
        }
    }

    /** How many clauses are kept (for tests). */
    long size() {
        kept.cleanUp();
        return kept.estimatedSize();
    }

    private Scored score(Query clause) {
        var collected = new Collected();
        try {
            collected.search(searcher, clause);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scored(Arrays.copyOf(collected.docs, collected.size), Arrays.copyOf(collected.scores, collected.size));
    }

    private static final class Collected extends ScoreCollector {
        int[] docs = new int[64];
        float[] scores = new float[64];
        int size;

        @Override
        void collect(int doc, float score) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            docs[size] = doc;
            scores[size++] = score;
        }
    }
}
