package attackkb.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.BadInputException;
import attackkb.Fixtures;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a server on 127.0.0.1 that this test runs, so no real network is needed. */
class DownloaderTest {
    @TempDir
    Path cache;

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    byte[] bundle;

    @BeforeEach
    void start() throws IOException {
        bundle = Files.readAllBytes(Fixtures.enterprise());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/releases/enterprise-attack-18.1.json", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, bundle.length);
            exchange.getResponseBody().write(bundle);
            exchange.close();
        });
        server.createContext("/missing.json", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Downloader downloader() {
        return new Downloader(cache, new PrintStream(progress, true));
    }

    @Test
    void downloadsIntoTheCacheWithProgressAndReusesItNextTime() throws IOException {
        String url = url("/releases/enterprise-attack-18.1.json");
        SourceFile first = downloader().fetch(url);
        assertThat(first.origin()).isEqualTo(url);
        assertThat(first.path().getParent()).isEqualTo(cache);
        assertThat(first.path().getFileName().toString()).endsWith("-enterprise-attack-18.1.json");
        assertThat(Files.readAllBytes(first.path())).isEqualTo(bundle);
        assertThat(progress.toString()).contains("download enterprise-attack-18.1.json [").contains("100%");

        SourceFile second = downloader().fetch(url);
        assertThat(second.path()).isEqualTo(first.path());
        assertThat(requests).hasValue(1);
        try (var files = Files.list(cache)) {
            assertThat(files).as("no partial files are left behind").hasSize(1);
        }
    }

    @Test
    void refusesADownloadWithoutItsPinnedDigestAndCachesNothing() throws IOException {
        String url = url("/releases/enterprise-attack-18.1.json");
        Digest wrong = Digest.sha256("00".repeat(32));
        assertThatThrownBy(() -> downloader().fetch(url, Optional.of(wrong)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(url + ": the download's SHA-256 is ")
                .hasMessageEndingWith(", not the pinned " + "00".repeat(32) + "; it was not used");
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void downloadsAgainWhenTheCachedCopyDoesNotMatchItsDigest() throws IOException {
        String url = url("/releases/enterprise-attack-18.1.json");
        Path cached = downloader().fetch(url).path();
        Files.writeString(cached, "{\"tampered\": true}");
        Digest pinned = Digest.sha256(java.util.HexFormat.of().formatHex(SourceInput.sha256().digest(bundle)));

        assertThat(downloader().fetch(url, Optional.of(pinned)).path()).isEqualTo(cached);
        assertThat(Files.readAllBytes(cached)).isEqualTo(bundle);
        assertThat(requests).hasValue(2);
        downloader().fetch(url, Optional.of(pinned));
        assertThat(requests).as("a matching cached copy is used").hasValue(2);
    }

    @Test
    void namesTheUrlAndStatusOfAFailedDownloadAndCachesNothing() throws IOException {
        assertThatThrownBy(() -> downloader().fetch(url("/missing.json")))
                .isInstanceOf(BadInputException.class)
                .hasMessage(url("/missing.json") + ": download failed (HTTP 404)");
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void namesAnUnreachableUrl() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/enterprise-attack-18.1.json";
        assertThatThrownBy(() -> downloader().fetch(url))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(url + ": unreachable (");
    }
}
