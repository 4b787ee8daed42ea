package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.Json;
import attackkb.serving.ServedGeneration;
import attackkb.web.http.ApiError;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input against a real server: methods, sizes, traversal, and a seeded fuzz of thousands of generated
 * queries and parameters. Nothing may answer 5xx, every API error must be JSON, and every answer must be quick.
 */
class HardeningIT {
    @TempDir
    static Path root;

    static ServedGeneration live;
    static Javalin app;
    static String base;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        live = ServedGeneration.open(Fixtures.indexWithControls(root));
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
        return rawRequest(requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /** Sends these bytes as they are (request line, headers and the blank line) and reads the whole answer. */
    static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    /** An answer read off the socket: status, headers by lower-case name, and the body (de-chunked). */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer of(String response) {
            int end = response.indexOf("\r\n\r\n");
            assertThat(end).as("end of headers in %s", response).isPositive();
            Map<String, String> headers = new HashMap<>();
            for (String line : response.substring(0, end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            String body = response.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
            return new Answer(HardeningIT.status(response), headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        private static String dechunk(String chunked) {
            var body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
                if (size == 0) return body.toString();
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        boolean isJson() {
            String type = headers.getOrDefault("content-type", "");
            if (!type.startsWith("application/json")) return false;
            try {
                return Json.MAPPER.readTree(body).isObject();
            } catch (IOException e) {
                return false;
            }
        }

        /** The {@code error} code of a JSON error body, or null when the body is not one. */
        String errorCode() {
            try {
                JsonNode json = Json.MAPPER.readTree(body);
                return json.hasNonNull("error") && json.path("detail").isTextual() ? json.get("error").asText() : null;
            } catch (IOException e) {
                return null;
            }
        }
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

    static Stream<Arguments> requestsJettyRefuses() {
        String end = "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        return Stream.of(
                Arguments.of("a 9000-character URI", "GET /api/search?q=" + "a".repeat(9_000) + " HTTP/1.1" + end,
                        414, "uri_too_long"),
                Arguments.of("a header larger than Jetty's 8 KiB", "GET /api/search?q=x HTTP/1.1\r\nX-Padding: "
                        + "p".repeat(9_000) + end, 431, "headers_too_large"),
                Arguments.of("a bad percent-encoding", "GET /api/techniques/%zz HTTP/1.1" + end, 400, "bad_request"),
                Arguments.of("an encoded path escape", "GET /api/%2e%2e%2f%2e%2e/etc/passwd HTTP/1.1" + end, 400, "bad_request"),
                Arguments.of("a bad request line", "GARBAGE" + end, 400, "bad_request"),
                Arguments.of("no Host header", "GET /api/search?q=x HTTP/1.1\r\nConnection: close\r\n\r\n", 400, "bad_request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsJettyRefuses")
    void jettysOwnRefusalsAreJsonErrorsWithTheSecurityHeaders(String what, String request, int status, String code)
            throws Exception {
        Answer answer = Answer.of(rawRequest(request));
        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.isJson()).as("%s: %s", what, answer.body()).isTrue();
        assertThat(answer.errorCode()).as(what).isEqualTo(code);
        assertThat(answer.headers()).as(what)
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY")
                .containsKey("content-security-policy");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("<");
    }

    @Test
    void aRefusedMethodCarriesTheSecurityHeadersToo() throws Exception {
        Answer answer = Answer.of(raw("DELETE /api/search?q=x HTTP/1.1"));
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers()).containsEntry("x-content-type-options", "nosniff").containsKey("content-security-policy");
    }

    @Test
    void refusalsSayWhatWentWrongWithoutEchoingControlCharacters() {
        assertThat(ErrorAnswers.refusal(400, "Illegal character CNTL=0x0\u0000")).isEqualTo(new ApiError("bad_request",
                "the request could not be read (malformed request line, URI encoding or header): Illegal character CNTL=0x0?"));
        assertThat(ErrorAnswers.refusal(414, "URI Too Long"))
                .isEqualTo(new ApiError("uri_too_long", "the request URI is longer than this server accepts"));
        assertThat(ErrorAnswers.refusal(413, null).error()).isEqualTo("payload_too_large");
        assertThat(ErrorAnswers.refusal(500, "java.lang.IllegalStateException: /secret/path").detail())
                .isEqualTo("the server could not answer this request");
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

    /**
     * Seeded, so a failure reproduces and every run sends the same requests and gets the same answers; bounded in time,
     * and a run the deadline cut short fails rather than passing on fewer requests.
     */
    @Test
    void fuzzedQueriesAndParametersNeverBreakTheServer() throws Exception {
        Random random = new Random(20261127L);
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long slowest = 0;
        int planned = 2_000;
        int sent = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (; sent < planned && System.nanoTime() < deadline; sent++) {
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
            Answer answer = Answer.of(response);
            int status = answer.status();
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) problems.add(path + " -> " + status);
            if (millis > 2_000) problems.add(path + " -> took " + millis + " ms");
            if (path.startsWith("/api/") && !answer.isJson()) problems.add(path + " -> " + status + " not JSON");
            if (path.startsWith("/api/") && status >= 400 && answer.errorCode() == null) {
                problems.add(path + " -> " + status + " without a JSON error");
            }
            if (response.contains("at org.") || response.contains("at attackkb.")) problems.add(path + " -> stack trace");
        }
        System.out.println("fuzz: " + sent + " of " + planned + " requests sent, answers by status " + statuses
                + ", slowest " + slowest + " ms");
        assertThat(problems).isEmpty();
        assertThat(sent).as("requests sent before the deadline").isEqualTo(planned);
        assertThat(statuses).isEqualTo(Map.of(200, 1_485, 302, 3, 400, 512));
    }
}
