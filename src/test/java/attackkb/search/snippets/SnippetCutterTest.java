package attackkb.search.snippets;

import static attackkb.index.IndexSchema.SNIPPET_FIELDS;
import static attackkb.index.IndexSchema.STATEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.FixtureIndex;
import attackkb.generation.IndexGeneration;
import attackkb.generation.TermDocs;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A cutter is one use of its thread's buffers: it cuts on that thread, until the thread makes another. */
class SnippetCutterTest {
    static final int FIELD = SNIPPET_FIELDS.indexOf(STATEMENT);
    static final String SNIPPET = "A deprecated technique about <mark>images</mark>.";
    static IndexGeneration index;
    static Sentences sentences;
    static TermDocs.Postings images;

    @BeforeAll
    static void open() throws Exception {
        index = FixtureIndex.BUNDLES.generation();
        sentences = Sentences.of(index.snippetTexts(), index.table().maxDoc());
        images = TermDocs.of(index.searcher().getIndexReader()).postings(new Term(STATEMENT, "imag"));
    }

    static SnippetCutter cutter() {
        return new SnippetCutter(sentences, index.snippetOffsets(), index.snippetTexts());
    }

    /** The snippet of the statement of the term's first document. */
    static String cut(SnippetCutter cutter) {
        return cutter.cut(FIELD, images.docs()[0], new int[] {0}, new long[] {images.first()});
    }

    @Test
    void cutsTheSentenceOfItsMatches() {
        assertThat(cut(cutter())).isEqualTo(SNIPPET);
    }

    @Test
    void aCutterIsDoneOnceItsThreadMakesAnother() {
        SnippetCutter earlier = cutter();
        SnippetCutter later = cutter();

        assertThatThrownBy(() -> cut(earlier)).isInstanceOf(IllegalStateException.class);
        assertThat(cut(later)).isEqualTo(SNIPPET);
    }

    @Test
    void aCutterCutsOnItsOwnThreadOnly() throws Exception {
        SnippetCutter cutter = cutter();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> other.submit(() -> cut(cutter)).get()).cause()
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            other.shutdownNow();
        }
        assertThat(cut(cutter)).as("still its own thread's").isEqualTo(SNIPPET);
    }
}
