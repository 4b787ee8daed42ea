package attackkb.generation;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.index.IndexSchema;
import attackkb.index.SnippetOffsets;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-memory postings score every prose and exact-name term of the fixture index exactly as Lucene does, and
 * number their postings as the snippet offsets file does.
 */
class TermDocsTest {
    static IndexGeneration index;
    static TermDocs termDocs;

    @BeforeAll
    static void build() throws Exception {
        index = FixtureIndex.BUNDLES.generation();
        termDocs = TermDocs.of(index.searcher().getIndexReader());
    }

    @Test
    void everyKeptTermScoresAsLuceneScoresItsTermQuery() throws Exception {
        IndexReader reader = index.searcher().getIndexReader();
        int maxDoc = reader.maxDoc();
        int compared = 0;
        for (String field : TermDocs.FIELDS) {
            TermsEnum terms = org.apache.lucene.index.MultiTerms.getTerms(reader, field).iterator();
            for (BytesRef bytes = terms.next(); bytes != null; bytes = terms.next()) {
                Term term = new Term(field, BytesRef.deepCopyOf(bytes));
                double[] scores = new double[maxDoc];
                boolean[] matched = new boolean[maxDoc];
                TermDocs.score(termDocs.query(term).postings(), 0.75f, scores, matched);
                ScoreDoc[] lucene = index.searcher().search(new BoostQuery(new TermQuery(term), 0.75f), maxDoc).scoreDocs;
                boolean[] luceneMatched = new boolean[maxDoc];
                for (ScoreDoc hit : lucene) {
                    luceneMatched[hit.doc] = true;
                    assertThat((float) scores[hit.doc]).as(term + " in doc " + hit.doc).isEqualTo(hit.score);
                    compared++;
                }
                assertThat(matched).as(term.toString()).isEqualTo(luceneMatched);
                assertThat(termDocs.postings(term).docs()).hasSize(lucene.length);
            }
        }
        assertThat(compared).as("postings compared").isEqualTo(306); // with the names of revoked techniques, searchable under their successors
        assertThat(termDocs.postings(new Term(IndexSchema.STATEMENT, "nowher")).docs()).isEmpty();
        assertThat(termDocs.holds(IndexSchema.STATEMENT)).isTrue();
        assertThat(termDocs.holds(IndexSchema.ID)).isFalse();
    }

    /** The numbers held here and those the offsets file was written with are the same: build and serve agree. */
    @Test
    void eachHeldSnippetPostingReadsItsDocumentsOffsets() throws Exception {
        IndexReader reader = index.searcher().getIndexReader();
        SnippetOffsets.Reader offsets = index.snippetOffsets().reader();
        int[] read = new int[1 + 2 * SnippetOffsets.MAX_OCCURRENCES];
        int compared = 0;
        for (int f = 0; f < IndexSchema.SNIPPET_FIELDS.size(); f++) {
            String field = IndexSchema.SNIPPET_FIELDS.get(f);
            TermsEnum terms = MultiTerms.getTerms(reader, field).iterator();
            PostingsEnum lucene = null;
            for (BytesRef bytes = terms.next(); bytes != null; bytes = terms.next()) {
                TermDocs.Postings held = termDocs.postings(new Term(field, BytesRef.deepCopyOf(bytes)));
                lucene = terms.postings(lucene, PostingsEnum.OFFSETS);
                for (int i = 0; i < held.docs().length; i++) {
                    String posting = field + ":" + bytes.utf8ToString() + " in doc " + held.docs()[i];
                    assertThat(lucene.nextDoc()).as(posting).isEqualTo(held.docs()[i]);
                    lucene.nextPosition();
                    int count = offsets.read(f, held.first() + i, read);
                    assertThat(count).as(posting).isPositive();
                    assertThat(new int[] {read[0], read[1], read[2]}).as(posting)
                            .containsExactly(lucene.freq(), lucene.startOffset(), lucene.endOffset());
                    compared++;
                }
                assertThat(lucene.nextDoc()).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
            }
            assertThat(termDocs.postingCount(field)).isEqualTo(index.snippetOffsets().postings(f));
        }
        assertThat(compared).as("postings compared").isEqualTo(243);
    }
}
