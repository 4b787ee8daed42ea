package attackkb.serving;

import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.search.SearchService;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Search results for every caller (the API, the search page and its htmx fragment, the exports), with the most
 * recent of those asked for more than once kept: analysts repeat searches, page back and forth and reload. For the
 * API a result's JSON is kept beside it, written once and sent as bytes. The index under a {@link ServedGeneration} never
 * changes, so nothing kept here goes stale.
 */
public final class SearchResponses {
    /**
     * Searches computed at once, process-wide: one per processor. A search is pure CPU, so more at once only share
     * the processors and every one finishes later. Not fair: a fair semaphore hands a freed permit to the longest
     * waiter, and the processor idles until that thread wakes; letting a running thread take it gives more searches
     * a second for a slightly higher p99.
     */
    private static final Semaphore RUNNING = new Semaphore(Runtime.getRuntime().availableProcessors());

    /** A result and, once the API has asked for it, its JSON body. */
    private final class Answer {
        final SearchResult result;
        /** The documents of the result's hits, for their kept JSON heads. */
        private final int[] docs;
        private volatile byte[] body;

        Answer(SearchService.Found found) {
            this.result = found.result();
            this.docs = found.docs();
        }

        byte[] body() {
            byte[] b = body;
            if (b == null) body = b = SearchResultJson.body(result, docs, hitHeads);
            return b;
        }
    }

    private final SearchService search;
    /** The JSON heads of this generation's hits, by document ({@link SearchResultJson.Head}), made as they are first written. */
    private final SearchResultJson.Head[] hitHeads;
    private final Cache<SearchRequest, Answer> cache;
    /**
     * Hashes of recent requests, one slot each: an answer is kept from its request's second time on. Live search
     * sends a long tail nobody repeats, and keeping each of those answers sends them all through the old generation,
     * whose full collections then set the long tail's p99. Slots are written
     * without locks: a lost or colliding write only keeps one answer more, or one later.
     */
    private final int[] seen;

    /** @param size how many results to keep; 0 keeps none */
    SearchResponses(SearchService search, int size) {
        this.search = search;
        this.hitHeads = new SearchResultJson.Head[search.index().table().maxDoc()];
        this.cache = size > 0 ? Caffeine.newBuilder().maximumSize(size).build() : null;
        int slots = (int) Math.min(1 << 16, Math.max(1024, 16L * size)); // a power of two below 2^16 rounds up
        this.seen = new int[size > 0 ? Integer.highestOneBit(slots - 1) << 1 : 0];
    }

    /** The result of {@code request}, kept or computed. */
    public SearchResult result(SearchRequest request) {
        Answer kept = kept(request);
        return kept != null ? kept.result : compute(request, answer -> answer.result);
    }

    /** The result of {@code request} as the API's JSON; {@code took_ms} is the time this call took, cached or not. */
    public byte[] json(SearchRequest request) {
        var out = new ByteArrayOutputStream();
        try {
            sendJson(request, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not throw
        }
        return out.toByteArray();
    }

    /**
     * Sends {@link #json} to {@code to} in one write, so that a compressing stream sees the whole answer's size. An
     * answer computed here is sent from the buffer it was written in, not copied out first.
     */
    public void sendJson(SearchRequest request, OutputStream to) throws IOException {
        long started = System.nanoTime();
        Answer kept = kept(request);
        if (kept != null) {
            byte[] body = kept.body();
            byte[] opening = opening(started);
            byte[] out = new byte[opening.length + body.length - 1];
            System.arraycopy(opening, 0, out, 0, opening.length);
            System.arraycopy(body, 1, out, opening.length, body.length - 1); // the body without its opening brace
            to.write(out);
            return;
        }
        // Sent from this thread's buffer; a kept answer's JSON is written again, once, when the cache first serves it.
        SearchResultJson.Written written = compute(request,
                answer -> SearchResultJson.written(answer.result, answer.docs, hitHeads));
        written.send(opening(started), to);
    }

    /** What goes before a body's first field: {@code {"took_ms":…,}, the time since {@code started}. */
    private static byte[] opening(long started) {
        double tookMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
        return ("{\"took_ms\":" + twoDecimals(tookMs) + ",").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code value} with two decimals, as {@code %.2f} writes a non-negative number, without the formatter's cost. */
    static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /** The kept answer to {@code request}, or null. */
    private Answer kept(SearchRequest request) {
        return cache == null ? null : cache.getIfPresent(request);
    }

    /** Whether {@code request} (its hash) came recently; marks it as come. */
    private boolean seenBefore(SearchRequest request) {
        int hash = request.hashCode() * 0x9e3779b9; // spread the record's hash over the slots
        if (hash == 0) hash = 1; // 0 marks an empty slot
        int slot = (hash >>> 16 ^ hash) & (seen.length - 1);
        if (seen[slot] == hash) return true;
        seen[slot] = hash;
        return false;
    }

    /**
     * A new answer to {@code request}, kept if the request came before, and what {@code then} makes of it, both in
     * one of the {@link #RUNNING} turns. Computed outside the cache's own locking, which would hold up other keys
     * while waiting for a turn.
     */
    private <T> T compute(SearchRequest request, Function<Answer, T> then) {
        boolean keep = cache != null && seenBefore(request);
        RUNNING.acquireUninterruptibly();
        try {
            Answer answer = new Answer(search.find(request));
            if (keep) cache.put(request, answer);
            return then.apply(answer);
        } finally {
            RUNNING.release();
        }
    }

}
