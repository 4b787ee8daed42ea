package attackkb.web.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Large answers that are the same for every request within one generation (a changes page, the changes as JSON),
 * kept gzipped for the clients that accept it: compressing half a megabyte of HTML takes longer than making it, and
 * every browser asks for it compressed. The most recently used are kept, up to {@link #MAX_BYTES} compressed; others
 * are made again. Clients that do not accept gzip get the answer made afresh, uncompressed.
 */
public final class GzippedAnswers {
    /** Compressed bytes kept at most: a dozen of the largest changes pages, many more filtered ones. */
    static final long MAX_BYTES = 2L << 20;

    private final Cache<String, byte[]> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES).weigher((String key, byte[] body) -> body.length).build();

    /**
     * Sends the answer {@code key} names: its kept gzipped bytes when the client accepts gzip (made by {@code body}
     * the first time), else {@code body}'s bytes as they are. {@code key} must name everything the body depends on.
     */
    public void send(Context ctx, String key, String contentType, Supplier<byte[]> body) {
        ctx.header("Vary", "Accept-Encoding");
        if (!acceptsGzip(ctx.header("Accept-Encoding"))) {
            Body.send(ctx, contentType, body.get());
            return;
        }
        byte[] gzipped = kept.get(key, k -> gzip(body.get()));
        // Set before the first write: Javalin then leaves the body as it is rather than compressing it again.
        ctx.header("Content-Encoding", "gzip");
        Body.send(ctx, contentType, gzipped);
    }

    /** Whether an Accept-Encoding header accepts gzip: named, or "*" when gzip is not, and not with q=0. */
    static boolean acceptsGzip(String header) {
        if (header == null) return false;
        Boolean any = null;
        for (String coding : header.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].replace(" ", "").matches("[qQ]=0(\\.0{0,3})?")) refused = true;
            }
            if (name.equalsIgnoreCase("gzip")) return !refused;
            if (name.equals("*")) any = !refused;
        }
        return any != null && any;
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 6 + 64);
        try (var gzip = new GZIPOutputStream(out, 1 << 16)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not throw
        }
        return out.toByteArray();
    }
}
