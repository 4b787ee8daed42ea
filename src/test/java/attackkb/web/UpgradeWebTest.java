package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.Fixtures;
import attackkb.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/layers/upgrade} and the {@code /upgrade} page over the release pair "18.1" → "19.0", through a real
 * server; and the API over an index that holds one release only.
 */
class UpgradeWebTest {
    @RegisterExtension
    static final FixtureServer releases = new FixtureServer(FixtureIndex.RELEASES);

    @RegisterExtension
    static final FixtureServer oneRelease = new FixtureServer(FixtureIndex.BUNDLES);

    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

    private static String layer;
    private static String ids;

    record Answer(int status, Headers headers, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(body, e);
            }
        }
    }

    @BeforeAll
    static void read() throws IOException {
        layer = Files.readString(Fixtures.layers().resolve("enterprise-18.json"));
        ids = Files.readString(Fixtures.layers().resolve("ids-18.txt"));
    }

    static Answer post(HttpClient client, String path, RequestBody body) {
        Request request = new Request.Builder().url(client.getOrigin() + path).post(body).build();
        try (Response r = client.getOkHttp().newCall(request).execute()) {
            return new Answer(r.code(), r.headers(), r.body().string());
        } catch (IOException e) {
            throw new AssertionError(path, e);
        }
    }

    static MultipartBody.Builder form() {
        return new MultipartBody.Builder().setType(MultipartBody.FORM);
    }

    static List<String> techniqueIds(JsonNode layer) {
        List<String> out = new ArrayList<>();
        layer.get("techniques").forEach(t -> out.add(t.get("techniqueID").asText() + "/" + t.path("tactic").asText()));
        return out;
    }

    @Test
    void aLayerPostedAsJsonComesBackUpgradedWithItsReport() {
        releases.test((server, client) -> {
            Answer a = post(client, "/api/layers/upgrade", RequestBody.create(layer, JSON));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.headers().get("Content-Type")).startsWith("application/json");
            JsonNode body = a.json();
            assertThat(body.fieldNames()).toIterable().containsExactly("layer", "report");
            assertThat(techniqueIds(body.get("layer")))
                    .containsExactly("T1004/stealth", "T1001/defense-impairment", "T1000/stealth", "T1002/execution", "T1999/");
            assertThat(body.get("layer").get("versions").toString()).isEqualTo("{\"attack\":\"19\",\"navigator\":\"5.1.0\",\"layer\":\"4.5\"}");
            JsonNode report = body.get("report");
            assertThat(report.get("from").asText()).isEqualTo("18.1");
            assertThat(report.get("to").asText()).isEqualTo("19.0");
            assertThat(report.get("release_held").asBoolean()).isTrue();
            assertThat(report.get("counts").toString()).isEqualTo("{\"replaced\":2,\"merged\":1,\"tactic_moved\":1,"
                    + "\"tactic_renamed\":3,\"unknown\":1,\"renamed\":1,\"platform_unknown\":1}");
            JsonNode replaced = report.get("changes").get(1);
            assertThat(replaced.toString()).isEqualTo("{\"id\":\"T1009\",\"action\":\"replaced\",\"successor\":\"T1004\","
                    + "\"old_name\":\"Old Injection\",\"new_name\":\"Process Injection\","
                    + "\"note\":\"already revoked in ATT&CK 18.1; T1004 replaces it\"}");
        });
    }

    @Test
    void anIdListPostedAsTextWithItsReleaseComesBackAsALayerOrAsIds() {
        releases.test((server, client) -> {
            Answer a = post(client, "/api/layers/upgrade?from=18.1", RequestBody.create(ids, TEXT));
            assertThat(a.status()).isEqualTo(200);
            assertThat(techniqueIds(a.json().get("layer"))).containsExactly("T1004/", "T1002/", "T1001.000/", "T1000/");
            assertThat(a.json().get("report").get("input").asText()).isEqualTo("id_list");
            assertThat(a.json().get("report").get("counts").toString())
                    .isEqualTo("{\"replaced\":2,\"merged\":1,\"unknown\":2,\"renamed\":1}");

            Answer text = post(client, "/api/layers/upgrade?from=18.1&format=text", RequestBody.create(ids, TEXT));
            assertThat(text.status()).isEqualTo(200);
            assertThat(text.headers().get("Content-Type")).isEqualTo("text/plain;charset=utf-8");
            assertThat(text.headers().get("Content-Disposition")).isEqualTo("attachment; filename=\"techniques-for-attack-19.txt\"");
            assertThat(text.body()).isEqualTo("T1004\nT1002\nT1001.000\nT1000\n");
        });
    }

    @Test
    void aMultipartFormWithALayerFileAndAReleaseFieldIsUpgradedTheSameWay() {
        releases.test((server, client) -> {
            RequestBody file = RequestBody.create(layer, JSON);
            Answer json = post(client, "/api/layers/upgrade", form().addFormDataPart("layer", "layer.json", file).build());
            Answer plain = post(client, "/api/layers/upgrade", RequestBody.create(layer, JSON));
            assertThat(json.status()).isEqualTo(200);
            assertThat(json.body()).isEqualTo(plain.body());

            Answer download = post(client, "/api/layers/upgrade", form().addFormDataPart("layer", "layer.json", file)
                    .addFormDataPart("format", "layer").build());
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.headers().get("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"detections-attack-18-for-attack-19.json\"");
            assertThat(download.json()).isEqualTo(plain.json().get("layer"));

            // "from" as a form field, the ID list pasted in the "layer" field rather than attached as a file
            Answer fields = post(client, "/api/layers/upgrade", form().addFormDataPart("layer", ids)
                    .addFormDataPart("from", "18.1").build());
            assertThat(fields.json().get("report").get("release_source").asText()).isEqualTo("from");
            assertThat(techniqueIds(fields.json().get("layer"))).containsExactly("T1004/", "T1002/", "T1001.000/", "T1000/");
        });
    }

    @Test
    void badInputIsAJsonErrorNeverAServerError() {
        releases.test((server, client) -> {
            record Case(String path, RequestBody body, int status, String error, String detail) {}
            List<Case> cases = List.of(
                    new Case("/api/layers/upgrade", RequestBody.create("T1003", JSON), 400, "bad_request",
                            "not valid JSON at line 1, column 1: Unrecognized token 'T1003': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                    new Case("/api/layers/upgrade", RequestBody.create("", TEXT), 400, "bad_request", "nothing to upgrade: the input is empty"),
                    new Case("/api/layers/upgrade", RequestBody.create("{\"name\": \"x\"}", JSON), 400, "bad_request",
                            "not an ATT&CK Navigator layer: it has no \"techniques\", \"domain\" or \"versions\""),
                    new Case("/api/layers/upgrade?from=latest", RequestBody.create("T1003", TEXT), 400, "bad_request",
                            "from must be an ATT&CK release such as 16 or 16.1, got \"latest\""),
                    new Case("/api/layers/upgrade?format=xml", RequestBody.create("T1003", TEXT), 400, "bad_request",
                            "format must be json, layer or text, got \"xml\""),
                    new Case("/api/layers/upgrade", RequestBody.create(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}, TEXT), 400,
                            "bad_request", "the request body is not UTF-8 text: give a layer (.json) or a list of IDs (.txt)"),
                    new Case("/api/layers/upgrade", RequestBody.create("T1003\n".repeat(400_000), TEXT), 413,
                            "payload_too_large", "the input is larger than 2 MiB, the most this server upgrades at once"),
                    new Case("/api/layers/upgrade", form().addFormDataPart("layer", "big.txt",
                            RequestBody.create("T1003\n".repeat(400_000), TEXT)).build(), 413,
                            "payload_too_large", "the input is larger than 2 MiB, the most this server upgrades at once"));
            for (Case c : cases) {
                Answer a = post(client, c.path(), c.body());
                assertThat(a.status()).as(c.detail()).isEqualTo(c.status());
                assertThat(a.headers().get("Content-Type")).as(c.detail()).startsWith("application/json");
                assertThat(a.json().get("error").asText()).as(c.detail()).isEqualTo(c.error());
                assertThat(a.json().get("detail").asText()).isEqualTo(c.detail());
            }
        });
    }

    @Test
    void aBodySentInChunksWithoutALengthIsStillHeldToTheLimit() {
        releases.test((server, client) -> {
            RequestBody chunked = new RequestBody() {
                @Override
                public MediaType contentType() {
                    return TEXT;
                }

                @Override
                public long contentLength() {
                    return -1;
                }

                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                    for (int i = 0; i < 300; i++) sink.writeUtf8("T1003\n".repeat(2_000));
                }
            };
            Answer a = post(client, "/api/layers/upgrade", chunked);
            assertThat(a.status()).isEqualTo(413);
            assertThat(a.json().get("error").asText()).isEqualTo("payload_too_large");
        });
    }

    @Test
    void theApiTakesOnlyPost() {
        releases.test((server, client) -> {
            try (Response r = client.get("/api/layers/upgrade")) {
                assertThat(r.code()).isEqualTo(405);
                assertThat(r.header("Allow")).isEqualTo("POST");
                assertThat(Json.MAPPER.readTree(r.body().string()).toString())
                        .isEqualTo("{\"error\":\"method_not_allowed\",\"detail\":\"GET is not allowed here; only POST is\"}");
            }
            Request put = new Request.Builder().url(client.getOrigin() + "/upgrade").put(RequestBody.create("x", TEXT)).build();
            try (Response r = client.getOkHttp().newCall(put).execute()) {
                assertThat(r.code()).isEqualTo(405);
                assertThat(r.header("Allow")).isEqualTo("GET, HEAD, POST");
            }
            // Elsewhere POST is refused as before.
            Answer search = post(client, "/api/search?q=x", RequestBody.create("{}", JSON));
            assertThat(search.status()).isEqualTo(405);
            assertThat(search.headers().get("Allow")).isEqualTo("GET, HEAD");
        });
    }

    @Test
    void withOneReleaseHeldRevocationsStillResolveAndTheReportSaysWhatCannotBeTold() {
        oneRelease.test((server, client) -> {
            String old = """
                    {"name": "old", "versions": {"attack": "16"}, "domain": "enterprise-attack",
                     "techniques": [{"techniqueID": "T9999", "score": 3}, {"techniqueID": "T1000", "score": 1}]}""";
            Answer a = post(client, "/api/layers/upgrade", RequestBody.create(old, JSON));
            assertThat(a.status()).isEqualTo(200);
            assertThat(techniqueIds(a.json().get("layer"))).containsExactly("T1525/", "T1000/");
            JsonNode report = a.json().get("report");
            assertThat(report.has("from")).isFalse();
            assertThat(report.get("release_held").asBoolean()).isFalse();
            assertThat(report.get("counts").toString()).isEqualTo("{\"replaced\":1,\"flagged_deprecated\":1}");
            assertThat(report.get("notes").get(0).asText()).isEqualTo("ATT&CK 16 is not held here (releases held: 18.1): "
                    + "revocations are resolved from 18.1, but renames and tactic changes since 16 cannot be told.");
        });
    }

    // The page, as a browser without JavaScript uses it: a multipart form posted to /upgrade.

    @Test
    void theFormWorksWithoutJavaScriptAndIsLinkedFromTheNavigationAndTheChanges() {
        releases.test((server, client) -> {
            try (Response r = client.get("/upgrade")) {
                String page = r.body().string();
                assertThat(r.code()).isEqualTo(200);
                assertThat(page).contains("<a href=\"/upgrade\">Upgrade a layer</a>")
                        .contains("<form class=\"upgrade-form\" method=\"post\" action=\"/upgrade\" enctype=\"multipart/form-data\">")
                        .contains("<label for=\"upgrade-file\">").contains("<input type=\"file\" id=\"upgrade-file\" name=\"layer\"")
                        .contains("<label for=\"upgrade-text\">").contains("<textarea id=\"upgrade-text\" name=\"text\"")
                        .contains("<label for=\"upgrade-from\">").contains("Releases held here: 18.1, 19.0.")
                        .contains("<button type=\"submit\">Upgrade to ATT&amp;CK 19.0</button>")
                        .doesNotContain("<table");
            }
            try (Response r = client.get("/changes/18.1...19.0")) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).contains("<a href=\"/upgrade\">Upgrade it</a> to the current release");
            }
        });
    }

    @Test
    void postingPastedIdsShowsTheReportWithLinksAndButtonsThatDownloadTheResult() {
        releases.test((server, client) -> {
            Answer a = post(client, "/upgrade", form().addFormDataPart("text", ids).addFormDataPart("from", "18.1").build());
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.headers().get("Content-Type")).startsWith("text/html");
            String page = a.body();
            assertThat(page).contains("<h1>Upgraded layer</h1>")
                    .contains("A list of 6 technique IDs for ATT&amp;CK 18.1 (as you said)")
                    .contains("<li><span class=\"count-value\">2</span> replaced by its successor</li>")
                    .contains("<a href=\"/techniques/T1003\">T1003</a> <span aria-hidden=\"true\">&rarr;</span>"
                            + "<span class=\"visually-hidden\">now</span> <a href=\"/techniques/T1004\">T1004</a>")
                    .contains("<code>PowerShell</code>").contains("&ldquo;Command Shell&rdquo; is now &ldquo;Command and Scripting Shell&rdquo;.")
                    .contains("<button type=\"submit\" name=\"format\" value=\"layer\">Download the upgraded layer (.json)</button>")
                    .contains("<input type=\"hidden\" name=\"from\" value=\"18.1\">");
            assertThat(rows(page)).containsExactly("Replaced by its successor", "Replaced by its successor", "Merged",
                    "Unknown ID", "Unknown ID", "Renamed");

            // The download button posts the same input again, hidden in the form.
            Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"text\" value=\"([^\"]*)\">").matcher(page);
            assertThat(hidden.find()).isTrue();
            String input = hidden.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&");
            assertThat(input).isEqualTo(ids);
            Answer download = post(client, "/upgrade", form().addFormDataPart("text", input).addFormDataPart("from", "18.1")
                    .addFormDataPart("format", "layer").build());
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.headers().get("Content-Disposition")).isEqualTo("attachment; filename=\"techniques-for-attack-19.json\"");
            assertThat(techniqueIds(download.json())).containsExactly("T1004/", "T1002/", "T1001.000/", "T1000/");
        });
    }

    @Test
    void postingALayerFileShowsItsReport() {
        releases.test((server, client) -> {
            Answer a = post(client, "/upgrade", form().addFormDataPart("layer", "enterprise-18.json", RequestBody.create(layer, JSON))
                    .addFormDataPart("text", "").addFormDataPart("from", "").build());
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body()).contains("The layer (Enterprise, 6 technique entries) for ATT&amp;CK 18,")
                    .contains("upgraded to ATT&amp;CK 19.0 by comparing it with 18.1:")
                    .contains("Tactics: Defense Evasion (defense-evasion) <span aria-hidden=\"true\">&rarr;</span>"
                            + "<span class=\"visually-hidden\">now</span> Defense Impairment (defense-impairment)");
            assertThat(rows(a.body())).containsExactly("Replaced by its successor", "Replaced by its successor", "Merged",
                    "Moved to its new tactic", "Tactic renamed", "Tactic renamed", "Tactic renamed", "Unknown ID", "Renamed",
                    "Unknown platform");
        });
    }

    @Test
    void badInputShowsTheFormAgainWithTheReasonAndWhatWasPasted() {
        releases.test((server, client) -> {
            Answer a = post(client, "/upgrade", form().addFormDataPart("text", "{\"name\": \"x\"}").build());
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body()).contains("<p class=\"form-error\" role=\"alert\" id=\"upgrade-error\"><strong>Not upgraded:</strong> "
                            + "not an ATT&amp;CK Navigator layer: it has no &quot;techniques&quot;, &quot;domain&quot; or &quot;versions&quot;</p>")
                    .contains(">{&quot;name&quot;: &quot;x&quot;}</textarea>").doesNotContain("<table");

            Answer empty = post(client, "/upgrade", form().addFormDataPart("text", "").build());
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.body()).contains("nothing to upgrade: the input is empty");

            Answer large = post(client, "/upgrade", form().addFormDataPart("layer", "big.txt",
                    RequestBody.create("T1003\n".repeat(400_000), TEXT)).build());
            assertThat(large.status()).isEqualTo(413);
            assertThat(large.body()).contains("the input is larger than 2 MiB, the most this server upgrades at once");
        });
    }

    /** The first cell of each row of the report table. */
    private static List<String> rows(String page) {
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<tr class=\"upgrade-[a-z_]+\">\\s*<td>([^<]*)</td>").matcher(page);
        while (m.find()) cells.add(m.group(1));
        return cells;
    }
}
