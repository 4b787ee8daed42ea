package attackkb.search.scoring;

import attackkb.generation.TermDocs;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Scores a query into {@link Matches}, each clause where it is cheapest: the words of a query (term clauses in the
 * prose fields) summed from the in-memory postings of {@link TermDocs}; synonym phrases and typo corrections from
 * {@link ClauseScores}; the rest (names, IDs, the user's syntax) by Lucene, its scores added to theirs.
 */
public final class QueryScores {
    private final IndexSearcher searcher;
    private final ClauseScores clauseScores;
    private final boolean[] activeDocs;

    /** @param activeDocs the documents that may match (revoked and deprecated ones may not) */
    public QueryScores(IndexSearcher searcher, boolean[] activeDocs) {
        this.searcher = searcher;
        this.clauseScores = new ClauseScores(searcher);
        this.activeDocs = activeDocs;
    }

    /** Scores {@code query} into {@code matches}, leaving them listing the active documents it matched. */
    public void score(Query query, Matches matches) throws IOException {
        List<BooleanClause> clauses = isDisjunction(query) ? ((BooleanQuery) query).clauses()
                : List.of(new BooleanClause(query, Occur.SHOULD));
        var rest = new BooleanQuery.Builder();
        int restClauses = 0;
        matches.startScoring();
        for (BooleanClause clause : clauses) {
            Query q = clause.getQuery();
            float boost = 1f;
            if (q instanceof BoostQuery boosted) {
                boost = boosted.getBoost();
                q = boosted.getQuery();
            }
            if (q instanceof TermDocs.HeldTermQuery term) {
                TermDocs.score(term.postings(), boost, matches.sums, matches.matched);
            } else if (ClauseScores.keeps(clause.getQuery())) {
                clauseScores.add(clause.getQuery(), matches.sums, matches.matched);
            } else {
                rest.add(clause);
                restClauses++;
            }
        }
        if (restClauses > 0) matches.search(searcher, rest.build());
        matches.gather(activeDocs);
    }

    /** A rewritten query's top: a disjunction of optional clauses, whose scores add up. */
    public static boolean isDisjunction(Query query) {
        if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() != 0) return false;
        for (BooleanClause clause : bool.clauses()) if (clause.getOccur() != Occur.SHOULD) return false;
        return true;
    }
}
