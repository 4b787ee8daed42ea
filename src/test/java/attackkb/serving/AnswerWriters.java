package attackkb.serving;

import attackkb.search.SearchResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The API's answer writers as JsonWriterBenchmark (in another package) runs them: each writes a result into its
 * thread's buffer and sends it behind an opening, as {@link SearchResponses#sendJson} does, with its own kept hit
 * heads (as a generation's) or none.
 */
public final class AnswerWriters {
    private static final byte[] OPENING = "{\"took_ms\":1.25,".getBytes(StandardCharsets.US_ASCII);

    /** Writes a result whose hits are documents {@code docs} and sends it, opening included, to {@code to}. */
    public interface Writer {
        void send(SearchResult result, int[] docs, OutputStream to) throws IOException;
    }

    private AnswerWriters() {}

    /** {@link SearchResultJson}; {@code maxDoc} 0 keeps no heads. */
    public static Writer handWritten(int maxDoc) {
        SearchResultJson.Head[] heads = maxDoc > 0 ? new SearchResultJson.Head[maxDoc] : null;
        return (result, docs, to) -> SearchResultJson.written(result, heads == null ? null : docs, heads).send(OPENING, to);
    }

    /** {@link JacksonResultJson}; {@code maxDoc} 0 keeps no heads. */
    public static Writer jackson(int maxDoc) {
        JacksonResultJson.Head[] heads = maxDoc > 0 ? new JacksonResultJson.Head[maxDoc] : null;
        return (result, docs, to) -> JacksonResultJson.written(result, heads == null ? null : docs, heads).send(OPENING, to);
    }
}
