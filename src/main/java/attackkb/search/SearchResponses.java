package attackkb.search;

import attackkb.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Search results as the JSON the API sends, with the most recent ones kept ready to send. Analysts repeat
 * searches and type-ahead repeats them keystroke by keystroke; a result is a few tens of kilobytes of JSON (the
 * facets are most of it) whose serialisation costs more than the HTTP exchange itself, so it is the serialised
 * form that is kept. The index under a {@link LiveIndex} never changes, so nothing kept here goes stale.
 */
public final class SearchResponses {
    private final SearchService search;
    private final Cache<SearchRequest, byte[]> cache;

    /** @param size how many results to keep; 0 keeps none */
    SearchResponses(SearchService search, int size) {
        this.search = search;
        this.cache = size > 0 ? Caffeine.newBuilder().maximumSize(size).build() : null;
    }

    /** The result of {@code request} as JSON; {@code took_ms} is the time this call took, cached or not. */
    public byte[] json(SearchRequest request) {
        long started = System.nanoTime();
        byte[] body = cache == null ? serialize(search.search(request)) : cache.get(request, r -> serialize(search.search(r)));
        double tookMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
        byte[] prefix = String.format(Locale.ROOT, "{\"took_ms\":%.2f%s", tookMs, body.length > 2 ? "," : "")
                .getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream(prefix.length + body.length);
        out.writeBytes(prefix);
        out.write(body, 1, body.length - 1); // the body without its opening brace
        return out.toByteArray();
    }

    /** The result as JSON without its {@code took_ms}, which each answer fills in afresh. */
    private static byte[] serialize(SearchResult result) {
        try {
            ObjectNode node = Json.MAPPER.valueToTree(result);
            node.remove("took_ms");
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
