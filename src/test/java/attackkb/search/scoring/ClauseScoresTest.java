package attackkb.search.scoring;

import static attackkb.index.IndexSchema.STATEMENT;
import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.generation.IndexGeneration;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kept clause scores are Lucene's own, the second time from memory. */
class ClauseScoresTest {
    static IndexGeneration index;

    @BeforeAll
    static void build() throws Exception {
        index = FixtureIndex.BUNDLES.generation();
    }

    static final Query PHRASE = new BoostQuery(new PhraseQuery(1, STATEMENT, "malici", "imag"), 0.45f);
    static final Query CORRECTION = new BoostQuery(new SynonymQuery.Builder(STATEMENT)
            .addTerm(new Term(STATEMENT, "contain"), 0.9f).addTerm(new Term(STATEMENT, "imag"), 0.4f).build(), 0.3f);

    @Test
    void keepsPhrasesAndCorrectionsOnly() {
        assertThat(ClauseScores.keeps(PHRASE)).isTrue();
        assertThat(ClauseScores.keeps(CORRECTION)).isTrue();
        assertThat(ClauseScores.keeps(new PhraseQuery(STATEMENT, "malici", "imag"))).isTrue();
        assertThat(ClauseScores.keeps(new TermQuery(new Term(STATEMENT, "imag")))).isFalse();
    }

    @Test
    void addsLucenesScoresOfEachClauseEveryTime() throws Exception {
        var kept = new ClauseScores(index.searcher());
        int maxDoc = index.searcher().getIndexReader().maxDoc();
        for (Query clause : List.of(PHRASE, CORRECTION)) {
            ScoreDoc[] lucene = index.searcher().search(clause, maxDoc).scoreDocs;
            assertThat(lucene).as(clause.toString()).isNotEmpty();
            for (int time = 0; time < 2; time++) { // computed, then kept
                double[] sums = new double[maxDoc];
                boolean[] matched = new boolean[maxDoc];
                kept.add(clause, sums, matched);
                boolean[] luceneMatched = new boolean[maxDoc];
                for (ScoreDoc hit : lucene) {
                    luceneMatched[hit.doc] = true;
                    assertThat((float) sums[hit.doc]).as(clause + " in doc " + hit.doc).isEqualTo(hit.score);
                }
                assertThat(matched).isEqualTo(luceneMatched);
            }
        }
        assertThat(kept.size()).isEqualTo(2);
    }
}
