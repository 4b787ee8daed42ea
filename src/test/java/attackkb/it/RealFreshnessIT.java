package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Json;
import attackkb.RealData;
import attackkb.RealIndex;
import attackkb.mapping.ControlId;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Mapping freshness over the real data: SP 800-53 mapped for ATT&CK 16.1, judged against 18.1 with 16.1 and 17.1
 * held. SA-10 names T1574.002 "DLL Side-Loading", which 17.0 revoked for T1574.001.
 */
class RealFreshnessIT {
    static void test(TestCase c) {
        RealIndex.all().server().test(c);
    }

    static String body(HttpClient client, String path) throws IOException {
        try (Response r = client.get(path)) {
            return r.code() + " " + r.body().string();
        }
    }

    static JsonNode json(HttpClient client, String path) throws IOException {
        String b = body(client, path);
        assertThat(b).as(path).startsWith("200 ");
        return Json.MAPPER.readTree(b.substring(4));
    }

    private static final String SA10_T1574_002 = "{\"status\":\"revoked\",\"mapped_release\":\"16.1\",\"mapped_id\":\"T1574.002\","
            + "\"mapped_name\":\"DLL Side-Loading\",\"successor\":\"T1574.001\",\"categories\":[]}";

    @Test
    void sa10sRowForTheRevokedDllSideLoadingShowsUnderItsSuccessorAsRevokedEverywhere() {
        test((server, client) -> {
            JsonNode technique = json(client, "/api/techniques/T1574.001");
            JsonNode sa10 = null;
            int revoked = 0;
            for (JsonNode c : technique.get("controls")) {
                if (c.at("/freshness/mapped_id").asText().equals("T1574.002")) revoked++;
                if (c.get("id").asText().equals("SA-10")) sa10 = c;
            }
            assertThat(sa10).isNotNull();
            assertThat(sa10.get("freshness").toString()).isEqualTo(SA10_T1574_002);
            assertThat(revoked).as("the nine SP 800-53 rows and those of CRI Profile and VERIS").isEqualTo(9 + 3 + 4);

            JsonNode entry = json(client, "/api/frameworks/nist_800_53/SA-10");
            JsonNode row = null;
            for (JsonNode t : entry.get("techniques")) if (t.get("technique_id").asText().equals("T1574.001")) row = t;
            assertThat(row).isNotNull();
            assertThat(row.get("freshness").toString()).isEqualTo(SA10_T1574_002);
            assertThat(json(client, "/api/controls/SA-10")).isEqualTo(entry);

            assertThat(body(client, "/techniques/T1574.001")).contains("<a href=\"/frameworks/nist_800_53/SA-10\"><span class=\"id\">SA-10</span> "
                    + "Developer Configuration Management</a> <span class=\"freshness freshness-revoked\"><strong>Revoked:</strong> "
                    + "mapped to T1574.002 DLL Side-Loading in ATT&amp;CK 16.1</span>");
            assertThat(body(client, "/frameworks/nist_800_53/SA-10")).contains("<a href=\"/techniques/T1574.001\"><span class=\"id\">"
                    + "T1574.001</span> DLL</a> <span class=\"freshness freshness-revoked\"><strong>Revoked:</strong> mapped to "
                    + "T1574.002 DLL Side-Loading in ATT&amp;CK 16.1</span>");
            assertThat(body(client, "/api/frameworks/nist_800_53/SA-10/techniques.csv")).contains("\r\nnist_800_53,SA-10,T1574.001,DLL,"
                    + "persistence;privilege-escalation;defense-evasion,mitigates,,,,,revoked,16.1,T1574.002,T1574.001,\r\n");
            assertThat(body(client, "/api/techniques/T1574.001/controls.csv")).contains("\r\nT1574.001,nist_800_53,SA-10,"
                    + "Developer Configuration Management,SA System and Services Acquisition,mitigates,,,,,nist_800_53 rev5 (ATT&CK 16.1),"
                    + "revoked,16.1,T1574.002,T1574.001,\r\n");
        });
    }

    /** What 16.1 → 18.1 changed under SP 800-53's mappings, counted from the files alone, as the index must count it. */
    @Test
    void sp80053sFreshnessCountsMatchOnesCountedFromTheFilesThemselves() throws IOException {
        Map<String, Integer> expected = independentCounts();
        test((server, client) -> {
            JsonNode nist = null;
            for (JsonNode f : json(client, "/api/frameworks").get("frameworks")) if (f.get("key").asText().equals("nist_800_53")) nist = f;
            assertThat(nist).isNotNull();
            Map<String, Integer> counts = new LinkedHashMap<>();
            nist.get("freshness").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
            assertThat(counts).containsExactlyEntriesOf(expected);
            int stale = expected.get("changed") + expected.get("revoked") + expected.get("deprecated");
            assertThat(nist.get("stale").asInt()).isEqualTo(stale).isEqualTo(71);
            assertThat(nist.get("mappings").asInt()).isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum());
            // Intel vPro was mapped for 15.1, which is not held: nothing but a revocation could be told.
            for (JsonNode f : json(client, "/api/frameworks").get("frameworks")) {
                if (f.get("key").asText().equals("intel-vpro")) {
                    assertThat(f.at("/freshness/unknown").asInt()).isEqualTo(f.get("mappings").asInt()).isPositive();
                }
            }
        });
    }

    @Test
    void theStaleFilterListsTheStaleMappingsAndNothingElse() {
        test((server, client) -> {
            JsonNode stale = json(client, "/api/frameworks/nist_800_53?freshness=stale");
            int sum = 0;
            int entries = 0;
            for (JsonNode g : stale.get("groups")) {
                for (JsonNode c : g.get("controls")) {
                    entries++;
                    JsonNode f = c.get("freshness");
                    sum += f.path("changed").asInt() + f.path("revoked").asInt() + f.path("deprecated").asInt();
                }
            }
            assertThat(sum).isEqualTo(stale.at("/framework/stale").asInt());
            JsonNode sa10 = json(client, "/api/frameworks/nist_800_53/SA-10?freshness=stale");
            assertThat(sa10.get("techniques")).hasSize(1);
            assertThat(sa10.at("/techniques/0/freshness").toString()).isEqualTo(SA10_T1574_002);
            String page = body(client, "/frameworks/nist_800_53?freshness=stale");
            assertThat(page).startsWith("200 ").contains("href=\"/frameworks/nist_800_53/SA-10?freshness=stale\"")
                    .doesNotContain("href=\"/frameworks/nist_800_53/AC-1?freshness=stale\"");
            assertThat(page.split("<li><a href=\"/frameworks/nist_800_53/", -1)).hasSize(entries + 1);
            assertThat(body(client, "/frameworks/nist_800_53/SA-10?freshness=stale")).contains("Mapped techniques (1 stale of ")
                    .contains("aria-current=\"true\">stale");
            assertThat(body(client, "/api/frameworks/nist_800_53?freshness=old")).startsWith("400 ").contains("\"error\":\"bad_request\"");
        });
    }

    // ---- the independent count: the mapping file and the two Enterprise bundles, read here without the indexer ----

    /** A technique as one bundle has it: what a mapping's freshness depends on. */
    private record Technique(String id, String stixId, String name, boolean revoked, boolean deprecated, String majorVersion,
            Set<String> tacticIds) {
        boolean active() {
            return !revoked && !deprecated;
        }
    }

    /** One bundle's techniques by STIX ID and by ATT&CK ID (an active one before a revoked one of the same ID). */
    private record Bundle(Map<String, Technique> byStixId, Map<String, Technique> byId) {}

    private static Map<String, Integer> independentCounts() throws IOException {
        // Every domain: the SP 800-53 file maps a Mobile technique too (T1521.003).
        Path old = RealData.releases();
        Path current = RealData.attack();
        Bundle then = bundle(old.resolve("enterprise-attack-16.1.json.gz"), old.resolve("mobile-attack-16.1.json.gz"),
                old.resolve("ics-attack-16.1.json"));
        Bundle now = bundle(current.resolve("enterprise-attack-18.1.json"), current.resolve("mobile-attack-18.1.json"),
                current.resolve("ics-attack-18.1.json"));
        JsonNode file = Json.MAPPER.readTree(RealData.root().resolve("mappings/nist_800_53-rev5_attack-16.1-enterprise.json").toFile());
        Map<String, String> statusOf = new HashMap<>();
        for (JsonNode row : file.get("mapping_objects")) {
            String control = row.path("capability_id").asText(null);
            String technique = row.path("attack_object_id").asText(null);
            String type = row.path("mapping_type").asText("");
            if ("non_mappable".equals(row.path("status").asText()) || "non_mappable".equals(type)) continue;
            if (control == null || technique == null) continue;
            // Rows mapping one control to one named technique the same way are one mapping.
            String key = ControlId.normalize(control).orElse(control) + "|" + technique + "|" + type + "|"
                    + row.path("score_category").asText("");
            statusOf.put(key, judge(then, now, technique));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String status : new String[] {"current", "changed", "revoked", "deprecated", "unknown"}) counts.put(status, 0);
        statusOf.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    private static String judge(Bundle then, Bundle now, String id) {
        Technique before = then.byId().get(id);
        Technique after = before == null ? now.byId().get(id) : now.byStixId().get(before.stixId());
        if (after != null && after.revoked()) return "revoked";
        if (after != null && after.deprecated()) return "deprecated";
        if (before == null || after == null || before.revoked()) return "unknown";
        boolean material = !before.name().equals(after.name()) || !before.id().equals(after.id())
                || !before.tacticIds().equals(after.tacticIds()) || !Objects.equals(before.majorVersion(), after.majorVersion());
        return material ? "changed" : "current";
    }

    /** Reads a release's bundles one object at a time: a whole Enterprise bundle as one tree would take hundreds of megabytes. */
    private static Bundle bundle(Path... paths) throws IOException {
        Map<String, Technique> byStixId = new HashMap<>();
        Map<String, Technique> byId = new HashMap<>();
        for (Path path : paths) read(path, byStixId, byId);
        return new Bundle(byStixId, byId);
    }

    private static void read(Path path, Map<String, Technique> byStixId, Map<String, Technique> byId) throws IOException {
        Map<String, String> tacticByShortname = new HashMap<>();
        Map<String, JsonNode> patterns = new TreeMap<>();
        try (InputStream raw = Files.newInputStream(path);
                InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "objects".equals(parser.currentName())
                        && parser.getParsingContext().getParent().inRoot()) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode o = parser.readValueAsTree();
                        String type = o.path("type").asText();
                        if (type.equals("x-mitre-tactic")) tacticByShortname.put(o.path("x_mitre_shortname").asText(), attackId(o));
                        if (type.equals("attack-pattern")) patterns.put(o.path("id").asText(), lean(o));
                    }
                }
            }
        }
        for (JsonNode o : patterns.values()) {
            Set<String> tactics = new HashSet<>();
            o.path("kill_chain_phases").forEach(p -> tactics.add(tacticByShortname.get(p.path("phase_name").asText())));
            String version = o.path("x_mitre_version").asText("");
            var t = new Technique(attackId(o), o.path("id").asText(), o.path("name").asText(), o.path("revoked").asBoolean(false),
                    o.path("x_mitre_deprecated").asBoolean(false), version.replaceAll("\\..*", ""), tactics);
            byStixId.put(t.stixId(), t);
            if (t.id() != null) byId.merge(t.id(), t, (a, b) -> a.active() || !b.active() ? a : b);
        }
    }

    /** An attack-pattern with only the fields judged. */
    private static JsonNode lean(JsonNode o) {
        var lean = Json.MAPPER.createObjectNode();
        for (String field : new String[] {"id", "name", "revoked", "x_mitre_deprecated", "x_mitre_version", "kill_chain_phases",
                "external_references"}) {
            if (o.has(field)) lean.set(field, o.get(field));
        }
        return lean;
    }

    private static String attackId(JsonNode o) {
        for (JsonNode r : o.path("external_references")) {
            String source = r.path("source_name").asText();
            if (source.equals("mitre-attack") && r.has("external_id")) return r.get("external_id").asText();
        }
        return null;
    }
}
