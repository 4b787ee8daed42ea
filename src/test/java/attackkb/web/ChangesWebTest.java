package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import attackkb.FixtureIndex;
import attackkb.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What changed between the two fixture releases shaped like ATT&CK 19.0's change ("18.1" → "19.0"), through a real
 * server: the API's JSON, its filters and refusals, the CSV, the Navigator layer and the page.
 */
class ChangesWebTest {
    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.RELEASES);
    /** An index of one release: nothing to compare. */
    @RegisterExtension
    static final FixtureServer oneRelease = new FixtureServer(FixtureIndex.BUNDLES);

    record Answer(int status, String contentType, String disposition, String location, String body) {
        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }
    }

    static void test(TestCase c) {
        server.test(c);
    }

    static Answer get(HttpClient client, String path) throws IOException {
        OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(false).build();
        try (Response r = http.newCall(new Request.Builder().url(client.getOrigin() + path).build()).execute()) {
            return new Answer(r.code(), r.header("Content-Type"), r.header("Content-Disposition"), r.header("Location"),
                    r.body().string());
        }
    }

    /** The whole answer for the default pair, every field in its order: the change ATT&CK 19.0 makes, in small. */
    @Test
    void theChangesFrom181To190AreAnsweredInFull() {
        test((server, client) -> {
            Answer a = get(client, "/api/changes");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.contentType()).startsWith("application/json");
            assertThat(a.disposition()).isNull();
            String expected = """
                    {"from":"18.1","to":"19.0","releases":["18.1","19.0"],
                     "counts":{"added":2,"revoked":1,"successor_changed":1,"deprecated":0,"removed":0,"renamed":2,"moved":0,
                       "tactics_changed":1,"platforms_changed":0,"major_version":2,"minor_version":1,"description_changed":2,
                       "mitigations_changed":0,"detections_changed":0},
                     "count":7,
                     "changes":[
                      {"id":"T1004","name":"Process Injection","type":"technique","domains":["enterprise-attack"],
                       "categories":["added"],
                       "tactics_after":[{"id":"TA0005","name":"Stealth"},{"id":"TA0112","name":"Defense Impairment"}],
                       "platforms_after":["Windows"],"replaces":["T1003"],
                       "summary":"Replaces T1003 Process Injection, revoked in ATT&CK 19.0; Tactics: Stealth, Defense Impairment; Platforms: Windows",
                       "url":"/techniques/T1004"},
                      {"id":"T1003","name":"Process Injection","type":"technique","domains":["enterprise-attack"],
                       "categories":["revoked"],"successor":"T1004","successor_name":"Process Injection",
                       "summary":"Revoked by T1004 Process Injection","url":"/techniques/T1003"},
                      {"id":"T1009","name":"Old Injection","type":"technique","domains":["enterprise-attack"],
                       "categories":["successor_changed"],"successor":"T1004","successor_name":"Process Injection",
                       "successor_before":"T1003",
                       "summary":"Revoked earlier; now replaced by T1004 Process Injection (was T1003 Process Injection)",
                       "url":"/techniques/T1009"},
                      {"id":"T1002","name":"Command and Scripting Shell","type":"technique","domains":["enterprise-attack"],
                       "categories":["renamed","minor_version","description_changed"],"old_name":"Command Shell",
                       "version_before":"1.0","version_after":"1.1",
                       "summary":"Renamed from Command Shell; Version 1.0 → 1.1; Description changed","url":"/techniques/T1002"},
                      {"id":"T1001","name":"Impair Logging","type":"technique","domains":["enterprise-attack"],
                       "categories":["tactics_changed","major_version"],
                       "tactics_before":[{"id":"TA0005","name":"Defense Evasion"}],
                       "tactics_after":[{"id":"TA0112","name":"Defense Impairment"}],
                       "version_before":"1.0","version_after":"2.0",
                       "summary":"Tactics: Defense Evasion → Defense Impairment; Version 1.0 → 2.0","url":"/techniques/T1001"},
                      {"id":"TA0112","name":"Defense Impairment","type":"tactic","domains":["enterprise-attack"],
                       "categories":["added"],"url":"/tactics/TA0112"},
                      {"id":"TA0005","name":"Stealth","type":"tactic","domains":["enterprise-attack"],
                       "categories":["renamed","major_version","description_changed"],"old_name":"Defense Evasion",
                       "version_before":"1.0","version_after":"2.0",
                       "summary":"Renamed from Defense Evasion; Version 1.0 → 2.0; Description changed","url":"/tactics/TA0005"}]}
                    """;
            // Compared as text: the fields' order is part of the answer.
            assertThat(a.body()).isEqualTo(Json.MAPPER.readTree(expected).toString());
            assertThat(get(client, "/api/changes?from=18.1&to=19.0").body()).isEqualTo(a.body());
        });
    }

    @Test
    void filtersByDomainTypeAndCategoryInShortFormsRepeatedOrAsCommaLists() {
        test((server, client) -> {
            assertThat(ids(get(client, "/api/changes?type=tactic").json())).containsExactly("TA0112", "TA0005");
            assertThat(ids(get(client, "/api/changes?category=revoked,successor_changed").json())).containsExactly("T1003", "T1009");
            assertThat(ids(get(client, "/api/changes?category=renamed&type=technique&type=tactic").json()))
                    .containsExactly("T1002", "TA0005");
            JsonNode enterprise = get(client, "/api/changes?domain=enterprise&category=tactics_changed,added").json();
            assertThat(ids(enterprise)).containsExactly("T1004", "T1001", "TA0112");
            assertThat(enterprise.get("count").asInt()).isEqualTo(3);
            assertThat(enterprise.at("/counts/added").asInt()).isEqualTo(2);
            assertThat(enterprise.at("/counts/major_version").asInt()).isEqualTo(1);
            assertThat(get(client, "/api/changes?domain=mobile,ics").json().get("count").asInt()).isZero();
            assertThat(get(client, "/api/changes?domain=ENTERPRISE-attack&type=Technique&category=ADDED").json().get("count").asInt())
                    .isEqualTo(1);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "from=17.1|ATT&CK 17.1 is not held; releases held: 18.1, 19.0",
            "to=20.0|ATT&CK 20.0 is not held; releases held: 18.1, 19.0",
            "from=19.0&to=18.1|from must be an older release than to: ATT&CK 19.0 is not older than 18.1; releases held: 18.1, 19.0",
            "from=19.0|from must be an older release than to: ATT&CK 19.0 is not older than 19.0",
            "to=18.1|no release older than ATT&CK 18.1 is held to compare it with; releases held: 18.1, 19.0",
            "domain=pre|domain must be one of enterprise-attack, mobile-attack, ics-attack (or enterprise, mobile, ics), got \"pre\"",
            "type=subtechnique|type must be one of technique, tactic, mitigation, detection, group, software, campaign, got \"subtechnique\"",
            "category=moved,shuffled|category must be one of added, revoked, successor_changed, deprecated, removed, renamed, moved, "
                    + "tactics_changed, platforms_changed, major_version, minor_version, description_changed, "
                    + "mitigations_changed, detections_changed, got \"shuffled\"",
            "format=xml|format must be json, csv or layer, got \"xml\"",
            "format=layer&domain=enterprise,mobile|a Navigator layer holds one domain; name one of enterprise-attack, mobile-attack"})
    void badParametersAre400sThatNameWhatIsHeldOrAllowed(String parameters, String detail) {
        test((server, client) -> {
            Answer a = get(client, "/api/changes?" + parameters);
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/json");
            assertThat(a.json().get("error").asText()).isEqualTo("bad_request");
            assertThat(a.json().get("detail").asText()).startsWith(detail);
        });
    }

    @Test
    void noParameterValueEverAnswersA500OrAnythingButJson() {
        List<String> names = List.of("from", "to", "domain", "type", "category", "format");
        List<String> values = List.of("18.1", "19.0", "17.1", "", ",", ",,", "enterprise", "ics", "technique", "added",
                "revoked,renamed", "layer", "csv", "json", "%00", "%e2%82", "..", "18.1...19.0", "a".repeat(300), "%C3%A9");
        Random random = new Random(22);
        test((server, client) -> {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                StringBuilder query = new StringBuilder();
                for (int p = random.nextInt(5); p >= 0; p--) {
                    query.append(names.get(random.nextInt(names.size()))).append('=')
                            .append(values.get(random.nextInt(values.size()))).append('&');
                }
                String path = (random.nextBoolean() ? "/api/changes?" : "/api/changes/layer.json?") + query;
                Answer a = get(client, path);
                if (a.status() != 200 && a.status() != 400) problems.add(path + " -> " + a.status());
                if (a.status() == 400 && !a.contentType().startsWith("application/json")) problems.add(path + " -> not JSON");
            }
            assertThat(problems).isEmpty();
        });
    }

    @Test
    void theCsvHasOneRowPerChangeUnderStableColumns() {
        test((server, client) -> {
            Answer a = get(client, "/api/changes?format=csv&type=technique");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.contentType()).isEqualTo("text/csv; charset=utf-8");
            assertThat(a.disposition()).isEqualTo("attachment; filename=\"attack-changes-18.1-19.0-technique.csv\"");
            List<String> lines = a.body().lines().toList();
            assertThat(lines).containsExactly(
                    "id,name,type,domains,categories,summary,old_id,old_name,successor,successor_name,successor_before,"
                            + "tactics_before,tactics_after,platforms_before,platforms_after,version_before,version_after,"
                            + "parent_before,parent_after,mitigations_added,mitigations_dropped,detections_added,"
                            + "detections_dropped,url",
                    "T1004,Process Injection,technique,enterprise-attack,added,\"Replaces T1003 Process Injection, revoked in "
                            + "ATT&CK 19.0; Tactics: Stealth, Defense Impairment; Platforms: Windows\",,,,,,,"
                            + "TA0005 Stealth;TA0112 Defense Impairment,,Windows,,,,,,,,,/techniques/T1004",
                    "T1003,Process Injection,technique,enterprise-attack,revoked,Revoked by T1004 Process Injection,,,T1004,"
                            + "Process Injection,,,,,,,,,,,,,,/techniques/T1003",
                    "T1009,Old Injection,technique,enterprise-attack,successor_changed,Revoked earlier; now replaced by T1004 "
                            + "Process Injection (was T1003 Process Injection),,,T1004,Process Injection,T1003,,,,,,,,,,,,,"
                            + "/techniques/T1009",
                    "T1002,Command and Scripting Shell,technique,enterprise-attack,renamed;minor_version;description_changed,"
                            + "Renamed from Command Shell; Version 1.0 → 1.1; Description changed,,Command Shell,,,,,,,,1.0,1.1,"
                            + ",,,,,,/techniques/T1002",
                    "T1001,Impair Logging,technique,enterprise-attack,tactics_changed;major_version,"
                            + "Tactics: Defense Evasion → Defense Impairment; Version 1.0 → 2.0,,,,,,TA0005 Defense Evasion,"
                            + "TA0112 Defense Impairment,,,1.0,2.0,,,,,,,/techniques/T1001");
        });
    }

    /** The layer colours each technique by its first change, tells the revoked on their successor, and says so in a legend. */
    @Test
    void theNavigatorLayerColoursTechniquesByTheirChangeWithALegend() {
        test((server, client) -> {
            Answer a = get(client, "/api/changes/layer.json");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.contentType()).startsWith("application/json");
            assertThat(a.disposition()).isEqualTo("attachment; filename=\"attack-changes-18.1-19.0-enterprise-layer.json\"");
            JsonNode layer = a.json();
            assertThat(layer.get("name").asText()).isEqualTo("ATT&CK Enterprise changes 18.1 → 19.0");
            assertThat(layer.get("domain").asText()).isEqualTo("enterprise-attack");
            assertThat(layer.at("/versions/attack").asText()).isEqualTo("19");
            assertThat(layer.at("/versions/layer").asText()).isEqualTo("4.5");
            assertThat(layer.get("legendItems").toString()).isEqualTo("[{\"label\":\"Added\",\"color\":\"#2e7d32\"},"
                    + "{\"label\":\"Renamed\",\"color\":\"#6a1b9a\"},{\"label\":\"Tactics changed\",\"color\":\"#ef6c00\"}]");
            List<JsonNode> cells = new ArrayList<>();
            layer.get("techniques").forEach(cells::add);
            assertThat(cells).extracting(c -> c.get("techniqueID").asText(), c -> c.get("tactic").asText(), c -> c.get("color").asText())
                    .containsExactly(tuple("T1004", "stealth", "#2e7d32"), tuple("T1004", "defense-impairment", "#2e7d32"),
                            tuple("T1002", "execution", "#6a1b9a"), tuple("T1001", "defense-impairment", "#ef6c00"));
            assertThat(cells.get(0).get("comment").asText()).isEqualTo("New in ATT&CK 19.0\n"
                    + "Replaces T1003 Process Injection, revoked in ATT&CK 19.0\nTactics: Stealth, Defense Impairment\n"
                    + "Platforms: Windows\nNow also replaces T1009 Old Injection, revoked earlier (it led to T1003 in ATT&CK 18.1)");
            assertThat(cells.get(3).get("comment").asText()).isEqualTo("Tactics: Defense Evasion → Defense Impairment\nVersion 1.0 → 2.0");
            assertThat(cells.get(3).at("/metadata/0/value").asText()).isEqualTo("Tactics changed; Major version change");
            // The same layer as format=layer of the API, and with a filter: only the revoked one, told on its successor.
            assertThat(get(client, "/api/changes?format=layer").body()).isEqualTo(a.body());
            JsonNode revoked = get(client, "/api/changes/layer.json?category=revoked").json();
            assertThat(revoked.get("techniques")).hasSize(2);
            assertThat(revoked.at("/techniques/0/techniqueID").asText()).isEqualTo("T1004");
            assertThat(revoked.at("/techniques/0/color").asText()).isEqualTo("#c62828");
            assertThat(revoked.at("/techniques/0/comment").asText()).isEqualTo("Replaces T1003 Process Injection, revoked in ATT&CK 19.0");
            assertThat(revoked.get("legendItems").toString()).isEqualTo("[{\"label\":\"Successor of a revoked technique\",\"color\":\"#c62828\"}]");
            assertThat(revoked.get("description").asText()).contains("Filters: category=revoked.");
            assertThat(get(client, "/api/changes/layer.json?domain=mobile").json().get("techniques")).isEmpty();
        });
    }

    @Test
    void theChangesPageRedirectsToTheLatestPairAndTheFormToThePairItNames() {
        test((server, client) -> {
            Answer latest = get(client, "/changes");
            assertThat(latest.status()).isEqualTo(302);
            assertThat(latest.location()).isEqualTo("/changes/18.1...19.0");
            Answer form = get(client, "/changes?from=18.1&to=19.0&domain=enterprise&type=&category=renamed,added");
            assertThat(form.status()).isEqualTo(303);
            assertThat(form.location()).isEqualTo("/changes/18.1...19.0?domain=enterprise-attack&category=added,renamed");
            Answer bad = get(client, "/changes?from=18.1&to=18.1");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("text/html");
            assertThat(bad.body()).contains("from must be an older release than to");
        });
    }

    @Test
    void theChangesPageSaysWhatHappenedToEachObjectInWordsAndLinksIt() {
        test((server, client) -> {
            Answer page = get(client, "/changes/18.1...19.0");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            String html = page.body();
            assertThat(html).contains("<title>Changes in ATT&amp;CK 18.1 &rarr; 19.0 &middot; attack-kb</title>")
                    .contains("<h1>Changes in ATT&amp;CK 18.1 &rarr; 19.0</h1>")
                    .contains("<a href=\"/changes\">Changes</a>")
                    // summary: counts per category (each a link narrowing the page) and per domain and type
                    .contains("<a href=\"/changes/18.1...19.0?category=revoked\">", "Revoked</a> <span class=\"count\">1</span>")
                    .contains("<a href=\"/changes/18.1...19.0?domain=enterprise-attack&amp;type=technique\">5</a>")
                    // what happened, in words, each object linked
                    .contains("<a href=\"/techniques/T1003\"><span class=\"id\">T1003</span> Process Injection</a>"
                            + "<ul class=\"change-facts\"><li>Revoked by <a href=\"/techniques/T1004\">T1004 Process Injection</a></li></ul>")
                    .contains("<li>Tactics: Defense Evasion &#8594; Defense Impairment</li>")
                    .contains("<a href=\"/tactics/TA0005\"><span class=\"id\">TA0005</span> Stealth</a>"
                            + "<ul class=\"change-facts\"><li>Renamed from Defense Evasion</li>")
                    .contains("Revoked earlier; now replaced by <a href=\"/techniques/T1004\">T1004 Process Injection</a> (was T1003 Process Injection)")
                    .contains("<li>Replaces T1003 Process Injection, revoked in ATT&amp;CK 19.0</li>")
                    // techniques before tactics, sections with counts in their headings
                    .contains("<h3 id=\"enterprise-attack-technique\">Techniques and sub-techniques <span class=\"count\">5</span></h3>")
                    .contains("<h3 id=\"enterprise-attack-tactic\">Tactics <span class=\"count\">2</span></h3>")
                    // the downloads
                    .contains("href=\"/api/changes?from=18.1&amp;to=19.0&amp;format=csv\"")
                    .contains("href=\"/api/changes/layer.json?from=18.1&amp;to=19.0&amp;domain=enterprise-attack\"")
                    // the form, a plain GET with the pair chosen
                    .contains("<form class=\"matrix-filter\" action=\"/changes\" method=\"get\">")
                    .contains("<option value=\"19.0\" selected>ATT&amp;CK 19.0</option>");
            assertThat(html.indexOf("enterprise-attack-technique")).isLessThan(html.indexOf("enterprise-attack-tactic\""));
            assertThat(html).doesNotContain(" style=").doesNotContain("<script>");
            assertThat(html.chars().allMatch(c -> c < 0x80)).as("an ASCII page").isTrue();
        });
    }

    @Test
    void filtersOnThePageKeepTheirDownloadsAndAreShownInTheForm() {
        test((server, client) -> {
            String html = get(client, "/changes/18.1...19.0?type=technique&category=revoked,successor_changed").body();
            assertThat(html).contains("2 of the 7 changes from ATT&amp;CK 18.1 to 19.0")
                    .contains("href=\"/api/changes?from=18.1&amp;to=19.0&amp;type=technique&amp;category=revoked,successor_changed&amp;format=csv\"")
                    .contains("<option value=\"revoked,successor_changed\" selected>Revoked, Successor changed</option>")
                    .contains("<option value=\"technique\" selected>Techniques and sub-techniques</option>")
                    .contains("Clear filters")
                    .doesNotContain("Process Injection</a><ul class=\"change-facts\"><li>Replaces");
            String none = get(client, "/changes/18.1...19.0?type=campaign").body();
            assertThat(none).contains("No change between ATT&amp;CK 18.1 and 19.0 matches these filters.");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/changes/18.1|name two releases as /changes/16.1...18.1 (older first); releases held: 18.1, 19.0",
            "/changes/19.0...18.1|from must be an older release than to",
            "/changes/17.1...19.0|ATT&amp;CK 17.1 is not held; releases held: 18.1, 19.0",
            "/changes/18.1...19.0?domain=pre|domain must be one of"})
    void aBadPairOrFilterOnThePageIsAClear400(String path, String message) {
        test((server, client) -> {
            Answer a = get(client, path);
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.contentType()).startsWith("text/html");
            assertThat(a.body()).contains(message);
        });
    }

    /** The page and the JSON are kept gzipped for the clients that ask for gzip, and made afresh for the others. */
    @Test
    void thePageAndTheJsonAreTheSameCompressedOrNot() {
        test((server, client) -> {
            for (String path : List.of("/changes/18.1...19.0?type=technique", "/api/changes?category=renamed")) {
                String plain = fetch(client, path, "identity");
                for (int i = 0; i < 2; i++) { // made, then kept
                    OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(false).build();
                    Request request = new Request.Builder().url(client.getOrigin() + path).header("Accept-Encoding", "gzip").build();
                    try (Response r = http.newCall(request).execute()) {
                        assertThat(r.code()).isEqualTo(200);
                        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
                        assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
                        byte[] body = new java.util.zip.GZIPInputStream(r.body().byteStream()).readAllBytes();
                        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain);
                    }
                }
            }
        });
    }

    private static String fetch(HttpClient client, String path, String encoding) throws IOException {
        Request request = new Request.Builder().url(client.getOrigin() + path).header("Accept-Encoding", encoding).build();
        try (Response r = client.getOkHttp().newCall(request).execute()) {
            assertThat(r.header("Content-Encoding")).isNull();
            return r.body().string();
        }
    }

    @Test
    void anIndexOfOneReleaseSaysThereIsNothingToCompareItWith() {
        oneRelease.test((server, client) -> {
            Answer page = get(client, "/changes");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("This index holds one ATT&amp;CK release, 18.1, so there is nothing to compare it with.");
            Answer api = get(client, "/api/changes");
            assertThat(api.status()).isEqualTo(400);
            assertThat(api.json().get("detail").asText())
                    .isEqualTo("no release older than ATT&CK 18.1 is held to compare it with; releases held: 18.1");
        });
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("changes").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }
}
