package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.Json;
import attackkb.search.LiveIndex;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input against a real server: methods, sizes, traversal, and a seeded fuzz of thousands of generated
 * queries and parameters. Nothing may answer 5xx, every API error must be JSON, and every answer must be quick.
 */
class HardeningTest {
    @TempDir
    static Path root;

    static LiveIndex live;
    static Javalin app;
    static String base;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        live = LiveIndex.open(Fixtures.indexWithControls(root));
        app = WebApp.create(() -> live).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        live.close();
    }

    /** Sends a raw request line, so that malformed URLs reach the server exactly as written. */
    static String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void onlyGetAndHeadAreAllowed(String method) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=x"))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(Json.MAPPER.readTree(r.body()).get("error").asText()).isEqualTo("method_not_allowed");
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(405);
    }

    @Test
    void headIsAnsweredWithoutABody() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/healthz"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/../pom.xml", "/static/%2e%2e/pom.xml", "/static/..%2f..%2fpom.xml", "/static/",
            "/webjars/", "/static/../../../../etc/passwd", "/static//etc/passwd"})
    void staticFilesNeverListOrEscapeTheirFolder(String path) throws Exception {
        String response = raw("GET " + path + " HTTP/1.1");
        assertThat(status(response)).isIn(400, 404);
        assertThat(response).doesNotContain("<artifactId>").doesNotContain("root:x:").doesNotContain("Index of");
    }

    @Test
    void oversizedHeadersAndUrlsAreRefusedCleanly() throws Exception {
        String response = raw("GET /api/search?q=" + "a".repeat(20_000) + " HTTP/1.1");
        assertThat(status(response)).isIn(400, 414, 431);
        assertThat(response).doesNotContain("at org.").doesNotContain("Exception");
    }

    @Test
    void securityHeadersAreOnEveryKindOfAnswer() throws Exception {
        for (String path : List.of("/", "/api/search?q=x", "/api/nothing", "/techniques/T0000", "/healthz")) {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
        }
    }

    /** Seeded, so a failure reproduces; bounded in count and time. */
    @Test
    void fuzzedQueriesAndParametersNeverBreakTheServer() throws Exception {
        Random random = new Random(20261127L);
        List<String> problems = new ArrayList<>();
        long slowest = 0;
        int requests = 2_000;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (int i = 0; i < requests && System.nanoTime() < deadline; i++) {
            String path = (random.nextInt(4) == 0 ? "/search" : "/api/search") + "?" + FuzzInput.parameters(random);
            String response;
            long started = System.nanoTime();
            try {
                response = raw("GET " + path + " HTTP/1.1");
            } catch (IOException e) {
                problems.add(path + " -> " + e);
                continue;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            slowest = Math.max(slowest, millis);
            int status = status(response);
            if (status >= 500) problems.add(path + " -> " + status);
            if (millis > 2_000) problems.add(path + " -> took " + millis + " ms");
            if (path.startsWith("/api/") && status >= 400 && status < 500 && status != 414 && status != 431
                    && !response.contains("\"error\"")) {
                problems.add(path + " -> " + status + " without a JSON error");
            }
            if (response.contains("at org.") || response.contains("at attackkb.")) problems.add(path + " -> stack trace");
        }
        assertThat(problems).isEmpty();
        System.out.println("fuzz: " + requests + " requests, slowest " + slowest + " ms");
    }
}
