package attackkb.search.snippets;

import static attackkb.index.IndexSchema.MAX_SNIPPET_SOURCE;
import static attackkb.index.IndexSchema.SNIPPET_FIELDS;
import static attackkb.index.IndexSchema.STATEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.FixtureIndex;
import attackkb.generation.IndexGeneration;
import attackkb.index.SnippetTexts;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A text read into a thread's buffers is valid until the thread reads the next one, and on that thread only. */
class SentencesTest {
    static final int FIELD = SNIPPET_FIELDS.indexOf(STATEMENT);
    static SnippetTexts texts;
    static Sentences sentences;
    /** The first two documents with a statement. */
    static int first;
    static int second;

    @BeforeAll
    static void open() throws Exception {
        IndexGeneration index = FixtureIndex.BUNDLES.generation();
        texts = index.snippetTexts();
        sentences = Sentences.of(texts, index.table().maxDoc());
        first = nextWithStatement(0);
        second = nextWithStatement(first + 1);
    }

    static int nextWithStatement(int doc) {
        while (texts.length(FIELD, doc) == 0) doc++;
        return doc;
    }

    static Sentences.In read(int doc) {
        return sentences.in(texts.reader(), FIELD, doc, MAX_SNIPPET_SOURCE);
    }

    static String text(Sentences.In in) {
        in.check();
        char[] chars = new char[in.length];
        for (int i = 0; i < chars.length; i++) chars[i] = in.at(i);
        return new String(chars);
    }

    static String stored(int doc) {
        byte[] bytes = new byte[texts.length(FIELD, doc)];
        texts.reader().read(FIELD, doc, bytes, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aTextIsReadWithItsSentences() {
        Sentences.In in = read(first);
        assertThat(text(in)).isEqualTo(stored(first));
        assertThat(in.isStart(0)).isTrue();
        assertThat(stored(first).substring(in.start(1, 0), in.end(1)))
                .isEqualTo("A deprecated technique about images.");
    }

    @Test
    void aTextIsGoneOnceItsThreadReadsAnother() {
        Sentences.In earlier = read(first);
        Sentences.In later = read(second);

        assertThatThrownBy(() -> earlier.start(0, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> earlier.end(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> earlier.isStart(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(earlier::check).isInstanceOf(IllegalStateException.class);
        assertThat(text(later)).isEqualTo(stored(second));
    }

    @Test
    void aTextIsReadOnItsOwnThreadOnly() throws Exception {
        Sentences.In in = read(first);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> other.submit(() -> in.end(0)).get()).cause()
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> other.submit(in::check).get()).cause().isInstanceOf(IllegalStateException.class);
        } finally {
            other.shutdownNow();
        }
        assertThat(text(in)).as("still its own thread's").isEqualTo(stored(first));
    }

    @Test
    void aTextOfItsOwnIsNotConfined() throws Exception {
        Sentences.In own = Sentences.scan("One. Two.");
        read(first);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThat(other.submit(() -> own.isStart(5)).get()).isTrue();
        } finally {
            other.shutdownNow();
        }
    }
}
