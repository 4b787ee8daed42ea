package attackkb.source;

import attackkb.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Downloads sources into a cache folder and reuses them next time. A download is written to a temporary file
 * beside its final name and moved into place only when complete, so an interrupted download never leaves a
 * truncated file that a later run would trust.
 */
public final class Downloader {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final Path cacheDir;
    private final PrintStream progressOut;
    /** Created on first download: building one is slow, and wasted when every source is local. */
    private HttpClient client;

    public Downloader(Path cacheDir, PrintStream progressOut) {
        this.cacheDir = cacheDir;
        this.progressOut = progressOut;
    }

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    /** The cached copy of {@code url}, downloading it first if there is none. */
    public SourceFile fetch(String url) {
        return fetch(url, Optional.empty());
    }

    /**
     * The cached copy of {@code url}, downloading it first if there is none or if the cached copy does not have
     * the expected digest. A download without it is refused and never enters the cache.
     */
    public SourceFile fetch(String url, Optional<Digest> expected) {
        Path target = cacheDir.resolve(cacheName(url));
        if (Files.isRegularFile(target) && (expected.isEmpty() || matches(target, expected.get()))) {
            return new SourceFile(target, url);
        }
        Path partial = null;
        try {
            Files.createDirectories(cacheDir);
            partial = Files.createTempFile(cacheDir, target.getFileName().toString(), ".part");
            HttpResponse<InputStream> response = client().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new BadInputException(url + ": download failed (HTTP " + response.statusCode() + ")");
                }
                long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                try (OutputStream out = Files.newOutputStream(partial)) {
                    copyWithProgress(body, out, length, url);
                }
            }
            if (expected.isPresent()) check(partial, expected.get(), url);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new SourceFile(target, url);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(url + ": not a valid URL (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BadInputException(url + ": unreachable (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException(url + ": download interrupted", e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static boolean matches(Path file, Digest expected) {
        try {
            return expected.matches(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static void check(Path file, Digest expected, String url) throws IOException {
        String actual = expected.of(file);
        if (!actual.equals(expected.hex())) {
            throw new BadInputException(url + ": the download's " + expected.label() + " is " + actual
                    + ", not the pinned " + expected.hex() + "; it was not used");
        }
    }

    private void copyWithProgress(InputStream in, OutputStream out, long length, String url) throws IOException {
        var bar = new ProgressBar(progressOut, "download " + fileName(url), length);
        byte[] buffer = new byte[1 << 16];
        long done = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            done += n;
            bar.update(done);
        }
        if (length >= 0 && done != length) {
            throw new IOException("connection closed after " + done + " of " + length + " bytes");
        }
        bar.finish(done);
    }

    /** A readable file name that is unique per URL: the last path segment, prefixed by a hash of the URL. */
    static String cacheName(String url) {
        byte[] hash = SourceInput.sha256().digest(url.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 6) + "-" + fileName(url);
    }

    private static String fileName(String url) {
        String path = URI.create(url).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "download.json" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A short reason a person understands: the JDK's exceptions often carry no message at all. */
    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) return "connection refused";
        if (e instanceof java.net.UnknownHostException) return "unknown host " + e.getMessage();
        if (e instanceof java.net.http.HttpTimeoutException) return "timed out";
        String message = e.getMessage();
        return message == null || message.isBlank() ? "I/O error" : message;
    }

    private static void deleteQuietly(Path path) {
        if (path == null) return;
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stray .part file in the cache is harmless: it is never taken for a finished download
        }
    }
}
