package attackkb.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
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

    /** A result and, once the API has asked for it, its JSON body. */
    private static final class Answer {
        final SearchResult result;
        private volatile byte[] body;

        Answer(SearchResult result) {
            this.result = result;
        }

        byte[] body() {
            byte[] b = body;
            if (b == null) body = b = SearchResultJson.body(result);
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
        byte[] prefix = ("{\"took_ms\":" + twoDecimals(tookMs) + (body.length > 2 ? "," : ""))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + body.length - 1];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 1, out, prefix.length, body.length - 1); // the body without its opening brace
        return out;
    }

    /** {@code value} with two decimals, as {@code %.2f} writes a non-negative number, without the formatter's cost. */
    static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
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

}
