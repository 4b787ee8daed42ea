package attackkb.search.query;

import static attackkb.index.IndexSchema.*;

import attackkb.generation.DocTable;
import attackkb.generation.TermDocs;
import attackkb.search.scoring.ClauseScores;
import attackkb.search.scoring.QueryScores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Reads the text a user typed into the query one generation scores ({@link ReadQuery}): the last word, still being
 * typed, completed from the index's words; words found nowhere corrected to their closest; the query built by
 * {@link QueryFactory} and rewritten where it holds the user's syntax. Thread-safe.
 */
public final class QueryReader {
    private final QueryFactory queries;
    private final Vocabulary vocabulary;
    private final TermDocs termDocs;
    private final DocTable table;
    private final IndexSearcher searcher;
    /**
     * Whether each term checked for typos is in some prose field ({@link #inProse}), as found before: the same words
     * come back query after query, and each check looks the term up in several fields.
     */
    private final WordCache<Boolean> knownTerms = new WordCache<>(10_000);
    /** Made on the first typo of this generation. */
    private volatile SurfaceWords surfaces;

    public QueryReader(QueryFactory queries, Vocabulary vocabulary, TermDocs termDocs, DocTable table, IndexSearcher searcher) {
        this.queries = queries;
        this.vocabulary = vocabulary;
        this.termDocs = termDocs;
        this.table = table;
        this.searcher = searcher;
    }

    /** The query {@code text} asks for, unfiltered: inactive documents are left out when the matches are gathered. */
    public ReadQuery read(String text) throws IOException {
        List<Vocabulary.WeightedTerm> completions = text.isBlank() ? List.of()
                : vocabulary.completions(queries.lastWord(text).orElse(null));
        // The last word, still being typed, is not a typo when it starts words of the index.
        List<String> misspelled = misspelled(completions.isEmpty() ? text : QueryFactory.withoutLastWord(text));
        List<Vocabulary.WeightedTerm> corrections = new ArrayList<>();
        Map<String, String> best = new LinkedHashMap<>();
        for (String word : misspelled) {
            List<Vocabulary.WeightedTerm> closest = vocabulary.corrections(word);
            corrections.addAll(closest);
            if (!closest.isEmpty()) best.put(word, closest.get(0).term());
        }
        Query query = queries.unfiltered(text, corrections, completions);
        return explain(isPlain(query) ? query : searcher.rewrite(query), text, best);
    }

    /**
     * Whether {@code query} is words, phrases and corrections only: scored as built, without Lucene's rewrite, which is
     * for the user's syntax (wildcards, fuzzy terms, ranges).
     */
    private static boolean isPlain(Query query) {
        if (!QueryScores.isDisjunction(query)) return false;
        for (BooleanClause clause : ((BooleanQuery) query).clauses()) {
            Query q = clause.getQuery() instanceof BoostQuery boosted ? boosted.getQuery() : clause.getQuery();
            if (!(q instanceof TermQuery) && !ClauseScores.keeps(q)) return false;
        }
        return true;
    }

    /** The words of {@code text} whose term is misspelled, as typed, and the text with each replaced by a closest word. */
    private ReadQuery explain(Query query, String text, Map<String, String> bestCorrection) {
        if (bestCorrection.isEmpty()) return new ReadQuery(query, List.of(), null);
        List<String> typos = new ArrayList<>();
        StringBuilder suggestion = new StringBuilder();
        boolean changed = false;
        for (String word : text.strip().split("\\s+")) {
            List<String> terms = queries.proseTerms(word);
            String replacement = null;
            if (terms.size() == 1 && bestCorrection.containsKey(terms.get(0))) {
                typos.add(word);
                replacement = surfaces().of(bestCorrection.get(terms.get(0)), word).orElse(null);
            }
            if (suggestion.length() > 0) suggestion.append(' ');
            suggestion.append(replacement == null ? word : replacement);
            changed |= replacement != null;
        }
        return new ReadQuery(query, List.copyOf(typos), changed ? suggestion.toString() : null);
    }

    private SurfaceWords surfaces() {
        SurfaceWords s = surfaces;
        if (s == null) surfaces = s = SurfaceWords.of(table, queries);
        return s;
    }

    /** Query terms (of four letters or more) that no prose field of the index contains: likely typos. */
    private List<String> misspelled(String text) {
        if (text.isBlank() || QueryFactory.identifier(text).isPresent()) return List.of();
        List<String> unknown = new ArrayList<>();
        for (String term : queries.proseTerms(text)) {
            if (term.length() < 4 || unknown.contains(term)) continue;
            if (!knownTerms.get(term, this::inProse)) unknown.add(term);
        }
        return List.copyOf(unknown);
    }

    /** Whether some prose field holds {@code term}. */
    private boolean inProse(String term) {
        for (String field : PROSE_FIELDS) {
            if (termDocs.postings(new Term(field, term)).docs().length > 0) return true;
        }
        return false;
    }
}
