package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Json;
import attackkb.RealIndex;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * What changed from ATT&CK 16.1 to 18.1, on the real releases: the facts an analyst checks a change list by, through
 * the API, the CSV, the layer and the page.
 */
class RealChangesIT {
    /**
     * The Enterprise techniques and sub-techniques of 18.1 whose STIX IDs 16.1 does not have and that are neither
     * revoked nor deprecated, counted from the two bundles with Python: 13 techniques and 23 sub-techniques.
     */
    private static final List<String> ADDED_TECHNIQUES = List.of("T1667", "T1668", "T1669", "T1671", "T1672", "T1673",
            "T1674", "T1675", "T1677", "T1678", "T1679", "T1680", "T1681");
    private static final List<String> ADDED_SUBTECHNIQUES = List.of("T1027.015", "T1027.016", "T1027.017", "T1036.011",
            "T1036.012", "T1059.012", "T1059.013", "T1127.003", "T1176.001", "T1176.002", "T1204.004", "T1204.005",
            "T1213.006", "T1219.001", "T1219.002", "T1219.003", "T1505.006", "T1518.002", "T1546.018", "T1562.013",
            "T1564.013", "T1564.014", "T1569.003");

    static void test(TestCase c) {
        RealIndex.all().server().test(c);
    }

    static String body(HttpClient client, String path) throws IOException {
        try (Response r = client.get(path)) {
            assertThat(r.code()).as(path).isEqualTo(200);
            return r.body().string();
        }
    }

    static JsonNode json(HttpClient client, String path) throws IOException {
        return Json.MAPPER.readTree(body(client, path));
    }

    static JsonNode change(JsonNode answer, String id) {
        for (JsonNode c : answer.get("changes")) if (c.get("id").asText().equals(id)) return c;
        throw new AssertionError("no change of " + id);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
        return out;
    }

    @Test
    void theRevocationsRenamesAndTacticChangesOf16To18AreNamed() {
        test((server, client) -> {
            JsonNode all = json(client, "/api/changes?from=16.1&to=18.1");
            assertThat(all.get("releases").toString()).isEqualTo("[\"16.1\",\"17.1\",\"18.1\"]");

            JsonNode sideLoading = change(all, "T1574.002");
            assertThat(texts(sideLoading.get("categories"), null)).containsExactly("revoked");
            assertThat(sideLoading.get("successor").asText()).isEqualTo("T1574.001");
            assertThat(sideLoading.get("successor_name").asText()).isEqualTo("DLL");
            assertThat(sideLoading.get("url").asText()).isEqualTo("/techniques/T1574.002");

            JsonNode dll = change(all, "T1574.001");
            assertThat(dll.get("old_name").asText()).isEqualTo("DLL Search Order Hijacking");
            assertThat(texts(dll.get("replaces"), null)).containsExactly("T1574.002");

            // ATT&CK 7 revoked T1073 "DLL Side-Loading" in favour of T1574.002: it now leads on to T1574.001.
            JsonNode older = change(all, "T1073");
            assertThat(texts(older.get("categories"), null)).containsExactly("successor_changed");
            assertThat(older.get("successor_before").asText()).isEqualTo("T1574.002");
            assertThat(older.get("successor").asText()).isEqualTo("T1574.001");

            JsonNode extensions = change(all, "T1176");
            assertThat(extensions.get("name").asText()).isEqualTo("Software Extensions");
            assertThat(extensions.get("old_name").asText()).isEqualTo("Browser Extensions");
            assertThat(texts(extensions.get("categories"), null)).startsWith("renamed");

            JsonNode registry = change(all, "T1112");
            assertThat(texts(registry.get("categories"), null)).contains("tactics_changed");
            assertThat(texts(registry.get("tactics_before"), "name")).containsExactly("Defense Evasion");
            assertThat(texts(registry.get("tactics_after"), "name")).containsExactly("Persistence", "Defense Evasion");
            assertThat(texts(registry.get("tactics_after"), "id")).containsExactly("TA0003", "TA0005");

            assertThat(change(all, "T1552.003").get("old_name").asText()).isEqualTo("Bash History");
        });
    }

    /** The 36 the issue counts are techniques and sub-techniques together: 13 and 23. */
    @Test
    void thirtySixEnterpriseTechniquesAndSubTechniquesWereAdded() {
        test((server, client) -> {
            JsonNode added = json(client, "/api/changes?from=16.1&to=18.1&domain=enterprise&type=technique&category=added");
            assertThat(added.get("count").asInt()).isEqualTo(36);
            List<String> ids = new ArrayList<>();
            added.get("changes").forEach(c -> ids.add(c.get("id").asText()));
            assertThat(ids.stream().filter(id -> !id.contains(".")).toList()).containsExactlyInAnyOrderElementsOf(ADDED_TECHNIQUES);
            assertThat(ids.stream().filter(id -> id.contains(".")).toList()).containsExactlyInAnyOrderElementsOf(ADDED_SUBTECHNIQUES);
            JsonNode revoked = json(client, "/api/changes?from=16.1&to=18.1&type=technique&category=revoked");
            assertThat(texts(revoked.get("changes"), "id")).containsExactly("T1574.002");
        });
    }

    @Test
    void theDefaultPairIsTheCurrentReleaseAndTheOneBeforeIt() {
        test((server, client) -> {
            JsonNode latest = json(client, "/api/changes");
            assertThat(latest.get("from").asText()).isEqualTo("17.1");
            assertThat(latest.get("to").asText()).isEqualTo("18.1");
            assertThat(latest.get("count").asInt()).isPositive();
        });
    }

    @Test
    void theCsvAndTheLayerCarryTheSameChanges() {
        test((server, client) -> {
            JsonNode enterprise = json(client, "/api/changes?from=16.1&to=18.1&domain=enterprise&type=technique");
            String csv = body(client, "/api/changes?from=16.1&to=18.1&domain=enterprise&type=technique&format=csv");
            // Summaries hold no line breaks: one line per change, and the header.
            assertThat(csv.lines().count()).isEqualTo(enterprise.get("count").asLong() + 1);
            assertThat(csv.lines().filter(l -> l.startsWith("T1574.002,")).findFirst().orElseThrow())
                    .startsWith("T1574.002,DLL Side-Loading,technique,enterprise-attack,revoked,Revoked by T1574.001 DLL,,,T1574.001,DLL,");

            JsonNode layer = json(client, "/api/changes/layer.json?from=16.1&to=18.1");
            assertThat(layer.get("domain").asText()).isEqualTo("enterprise-attack");
            assertThat(layer.at("/versions/attack").asText()).isEqualTo("18");
            List<JsonNode> dll = new ArrayList<>();
            layer.get("techniques").forEach(t -> {
                if (t.get("techniqueID").asText().equals("T1574.001")) dll.add(t);
            });
            assertThat(dll.stream().map(t -> t.get("tactic").asText()).toList()).containsExactly("persistence", "privilege-escalation", "defense-evasion");
            assertThat(dll.get(0).get("comment").asText())
                    .startsWith("Replaces T1574.002 DLL Side-Loading, revoked in ATT&CK 18.1\nRenamed from DLL Search Order Hijacking");
            assertThat(dll.get(0).get("color").asText()).isEqualTo("#6a1b9a");
            assertThat(texts(layer.get("legendItems"), "label")).contains("Added", "Renamed", "Tactics changed");
        });
    }

    @Test
    void thePageTellsTheseChangesInWords() {
        test((server, client) -> {
            String html = body(client, "/changes/16.1...18.1");
            assertThat(html).contains("<h1>Changes in ATT&amp;CK 16.1 &rarr; 18.1</h1>")
                    .contains("<a href=\"/techniques/T1574.002\"><span class=\"id\">T1574.002</span> DLL Side-Loading</a>"
                            + "<ul class=\"change-facts\"><li>Revoked by <a href=\"/techniques/T1574.001\">T1574.001 DLL</a></li></ul>")
                    .contains("<li>Renamed from Browser Extensions</li>")
                    .contains("<li>Tactics: Defense Evasion &#8594; Persistence, Defense Evasion (added Persistence)</li>")
                    .contains("<li>Replaces T1574.002 DLL Side-Loading, revoked in ATT&amp;CK 18.1</li>")
                    .contains("Revoked earlier; now replaced by <a href=\"/techniques/T1574.001\">T1574.001 DLL</a> (was T1574.002 DLL Side-Loading)")
                    .contains("<h2 id=\"enterprise-attack\">Enterprise", "<h2 id=\"mobile-attack\">Mobile", "<h2 id=\"ics-attack\">ICS");
            String added = body(client, "/changes/16.1...18.1?domain=enterprise&type=technique&category=added");
            assertThat(added).contains("36 of the ")
                    .contains("<h3 id=\"enterprise-attack-technique\">Techniques and sub-techniques <span class=\"count\">36</span></h3>");
        });
    }
}
