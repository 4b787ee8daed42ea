package attackkb.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.search.SearchResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** An answer written in its thread's buffer is read once, on that thread, before the thread writes another. */
class SearchResultJsonBufferTest {
    static final byte[] OPENING = "{\"took_ms\":1.25,".getBytes(StandardCharsets.US_ASCII);

    static SearchResult result(String query) {
        return new SearchResult(query, 0, 0, null, null, null, null);
    }

    static String sent(SearchResultJson.Written written) throws Exception {
        var out = new ByteArrayOutputStream();
        written.send(OPENING, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerIsSentOrReadFromItsBuffer() throws Exception {
        assertThat(sent(SearchResultJson.written(result("first"), null, null)))
                .isEqualTo("{\"took_ms\":1.25,\"query\":\"first\",\"total\":0}");
        assertThat(new String(SearchResultJson.written(result("second"), null, null).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"query\":\"second\",\"total\":0}");
    }

    @Test
    void anAnswerIsGoneOnceItsThreadWritesAnother() throws Exception {
        SearchResultJson.Written first = SearchResultJson.written(result("first"), null, null);
        SearchResultJson.Written second = SearchResultJson.written(result("second"), null, null);

        assertThatThrownBy(() -> sent(first)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(first::body).isInstanceOf(IllegalStateException.class);
        assertThat(sent(second)).isEqualTo("{\"took_ms\":1.25,\"query\":\"second\",\"total\":0}");
    }

    @Test
    void anAnswerIsReadOnce() throws Exception {
        SearchResultJson.Written written = SearchResultJson.written(result("once"), null, null);
        sent(written);

        assertThatThrownBy(() -> sent(written)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(written::body).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAnswerIsReadOnItsOwnThreadOnly() throws Exception {
        SearchResultJson.Written written = SearchResultJson.written(result("here"), null, null);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> other.submit(() -> sent(written)).get()).cause()
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> other.submit(written::body).get()).cause()
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            other.shutdownNow();
        }
        assertThat(sent(written)).as("still its own thread's")
                .isEqualTo("{\"took_ms\":1.25,\"query\":\"here\",\"total\":0}");
    }
}
