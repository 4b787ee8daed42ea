package attackkb.web;

import static attackkb.web.ControlsWebTest.body;
import static attackkb.web.ControlsWebTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.TestCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How fresh each mapping is, in the API, the downloads and the pages, over the release pair "18.1" → "19.0" with a
 * Google Cloud mapping made for 18.1 and a Microsoft 365 one made for 17.1 (not held); see fixtures-freshness.
 */
class FreshnessWebTest {
    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.FRESHNESS);

    static void test(TestCase c) {
        server.test(c);
    }

    private static List<String> column(JsonNode array, String pointer) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.at(pointer).asText()));
        return out;
    }

    @Test
    void theFrameworksListCountsEachStatusAndTheStaleInOneOrder() {
        test((server, client) -> {
            String frameworks = body(client, "/api/frameworks");
            assertThat(frameworks).contains("\"mappings\":5,\"freshness\":{\"current\":1,\"changed\":2,\"revoked\":2,"
                    + "\"deprecated\":0,\"unknown\":0},\"stale\":4}")
                    .contains("\"mappings\":2,\"freshness\":{\"current\":0,\"changed\":0,\"revoked\":1,"
                            + "\"deprecated\":0,\"unknown\":1},\"stale\":1}");
            String page = body(client, "/frameworks");
            assertThat(page).startsWith("200 ").contains("<th scope=\"col\">Stale</th>")
                    .contains("<a href=\"/frameworks/gcp?freshness=stale\">4<span class=\"visually-hidden\"> stale Google Cloud "
                            + "security capabilities mappings</span></a>")
                    .contains("<a href=\"/frameworks/m365?freshness=unknown\">1<span class=\"visually-hidden\"> Microsoft 365 "
                            + "security capabilities mappings of unknown freshness</span></a>");
        });
    }

    @Test
    void eachMappingOfATechniqueCarriesItsFreshnessWithItsFieldsInOneOrder() {
        test((server, client) -> {
            String t1004 = body(client, "/api/techniques/T1004");
            assertThat(t1004).contains("\"id\":\"cloud_logging\"")
                    .contains("\"freshness\":{\"status\":\"revoked\",\"mapped_release\":\"18.1\",\"mapped_id\":\"T1003\","
                            + "\"mapped_name\":\"Process Injection\",\"successor\":\"T1004\",\"categories\":[]}")
                    .contains("\"freshness\":{\"status\":\"revoked\",\"mapped_release\":\"18.1\",\"mapped_id\":\"T1009\","
                            + "\"mapped_name\":\"Old Injection\",\"successor\":\"T1004\",\"categories\":[]}")
                    .contains("\"freshness\":{\"status\":\"revoked\",\"mapped_release\":\"17.1\",\"mapped_id\":\"T1003\"");
            JsonNode t1001 = json(client, "/api/techniques/T1001");
            assertThat(t1001.at("/controls/0/freshness").toString()).isEqualTo("{\"status\":\"changed\",\"mapped_release\":\"18.1\","
                    + "\"mapped_id\":\"T1001\",\"mapped_name\":\"Impair Logging\",\"categories\":[\"tactics_changed\",\"major_version\"]}");
            JsonNode entry = json(client, "/api/frameworks/gcp/cloud_logging");
            assertThat(column(entry.get("techniques"), "/technique_id")).containsExactly("T1001", "T1004", "T1004");
            assertThat(column(entry.get("techniques"), "/freshness/mapped_id")).containsExactly("T1001", "T1003", "T1009");
            assertThat(json(client, "/api/controls/cloud_logging")).isEqualTo(entry);
        });
    }

    @Test
    void theEntryApiFiltersItsMappingsByFreshnessAndRefusesAnUnknownFilter() {
        test((server, client) -> {
            assertThat(column(json(client, "/api/frameworks/gcp/cloud_logging?freshness=revoked").get("techniques"),
                    "/freshness/mapped_id")).containsExactly("T1003", "T1009");
            assertThat(json(client, "/api/frameworks/gcp/cloud_logging?freshness=%20STALE").get("techniques")).hasSize(3);
            assertThat(json(client, "/api/frameworks/gcp/cloud_logging?freshness=current").get("techniques")).isEmpty();
            assertThat(column(json(client, "/api/controls/cloud_armor?freshness=changed").get("techniques"), "/technique_id"))
                    .containsExactly("T1002");
            JsonNode revoked = json(client, "/api/frameworks/gcp?freshness=revoked");
            assertThat(revoked.get("freshness").asText()).isEqualTo("revoked");
            assertThat(column(revoked.get("groups"), "/id")).containsExactly("cloud_logging");
            assertThat(revoked.at("/groups/0/controls/0/freshness").toString()).isEqualTo("{\"changed\":1,\"revoked\":2}");
            for (String path : List.of("/api/frameworks/gcp/cloud_logging?freshness=fresh", "/api/controls/cloud_logging?freshness=fresh",
                    "/api/frameworks/gcp?freshness=fresh", "/api/frameworks/gcp/cloud_logging/techniques.csv?freshness=fresh",
                    "/api/frameworks/gcp/cloud_logging/layer.json?freshness=fresh")) {
                assertThat(body(client, path)).as(path).isEqualTo("400 {\"error\":\"bad_request\",\"detail\":\"freshness must be one "
                        + "of stale, current, changed, revoked, deprecated, unknown, got \\\"fresh\\\"\"}");
            }
        });
    }

    @Test
    void csvDownloadsEndWithTheFreshnessColumns() {
        test((server, client) -> {
            assertThat(body(client, "/api/frameworks/gcp/cloud_logging/techniques.csv")).isEqualTo("200 "
                    + "framework,entry_id,technique_id,technique_name,tactics,mapping_type,score_category,score_value,comments,"
                    + "references,freshness,mapped_release,mapped_technique,successor,changes\r\n"
                    + "gcp,cloud_logging,T1001,Impair Logging,defense-impairment,technique_scores,detect,significant,"
                    + "Alerts when log sinks are deleted.,,changed,18.1,T1001,,tactics_changed;major_version\r\n"
                    + "gcp,cloud_logging,T1004,Process Injection,stealth;defense-impairment,technique_scores,detect,partial,"
                    + "Process audit logs show injection.,,revoked,18.1,T1003,T1004,\r\n"
                    + "gcp,cloud_logging,T1004,Process Injection,stealth;defense-impairment,technique_scores,detect,partial,"
                    + "Process audit logs show injection.,,revoked,18.1,T1009,T1004,\r\n");
            assertThat(body(client, "/api/controls/cloud_armor/techniques.csv?freshness=changed")).endsWith("\r\n"
                    + "gcp,cloud_armor,T1002,Command and Scripting Shell,execution,technique_scores,protect,minimal,,,"
                    + "changed,18.1,T1002,,renamed\r\n");
            try (var response = client.get("/api/frameworks/gcp/cloud_logging/techniques.csv?freshness=revoked")) {
                assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"cloud_logging-techniques-revoked.csv\"");
            }
            assertThat(body(client, "/api/techniques/T1004/controls.csv")).endsWith("\r\n"
                    + "T1004,m365,defender,Defender for Endpoint,defender Defender for Endpoint,technique_scores,detect,partial,,,"
                    + "m365 01/01/2025 (ATT&CK 17.1),revoked,17.1,T1003,T1004,\r\n");
        });
    }

    @Test
    void aLayerSaysHowFreshEachTechniquesMappingsAreStaleOnesFirstInTheComment() {
        test((server, client) -> {
            JsonNode layer = json(client, "/api/frameworks/gcp/cloud_logging/layer.json");
            JsonNode t1004 = layer.get("techniques").get(1);
            assertThat(t1004.get("techniqueID").asText()).isEqualTo("T1004");
            assertThat(t1004.get("comment").asText()).isEqualTo("Revoked: mapped to T1003 Process Injection in ATT&CK 18.1\n\n"
                    + "Revoked: mapped to T1009 Old Injection in ATT&CK 18.1\n\nProcess audit logs show injection.");
            assertThat(t1004.get("metadata").toString()).isEqualTo("[{\"name\":\"mapping\",\"value\":\"detect: partial\"},"
                    + "{\"name\":\"freshness\",\"value\":\"Revoked: mapped to T1003 Process Injection in ATT&CK 18.1; "
                    + "Revoked: mapped to T1009 Old Injection in ATT&CK 18.1\"}]");
            JsonNode armor = json(client, "/api/frameworks/gcp/cloud_armor/layer.json");
            assertThat(armor.at("/techniques/0/comment").asText()).as("a current mapping's comment is its rationale alone")
                    .isEqualTo("Blocks lookalike hosts.");
            assertThat(armor.at("/techniques/0/metadata/1/value").asText())
                    .isEqualTo("Current: the technique is as ATT&CK 18.1 had it");
            JsonNode changed = json(client, "/api/frameworks/gcp/cloud_armor/layer.json?freshness=changed");
            assertThat(column(changed.get("techniques"), "/techniqueID")).containsExactly("T1002");
            assertThat(changed.at("/techniques/0/comment").asText())
                    .isEqualTo("Changed since ATT&CK 18.1: renamed (was \u201cCommand Shell\u201d)");
            try (var response = client.get("/api/frameworks/gcp/cloud_armor/layer.json?freshness=changed")) {
                assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"gcp-cloud_armor-changed-layer.json\"");
            }
        });
    }

    @Test
    void aTechniquePageMarksEachMappingThatIsNotCurrentInWords() {
        test((server, client) -> {
            assertThat(body(client, "/techniques/T1004")).startsWith("200 ")
                    .contains("<span class=\"freshness freshness-revoked\"><strong>Revoked:</strong> mapped to T1003 Process "
                            + "Injection in ATT&amp;CK 18.1</span>")
                    .contains("<strong>Revoked:</strong> mapped to T1009 Old Injection in ATT&amp;CK 18.1</span>")
                    .contains("<strong>Revoked:</strong> mapped to T1003 Process Injection in ATT&amp;CK 17.1</span>")
                    .contains("· 2 of these 2 mappings stale: made for a technique since revoked, deprecated or changed");
            assertThat(body(client, "/techniques/T1001"))
                    .contains("<span class=\"freshness freshness-changed\"><strong>Changed since ATT&amp;CK 18.1:</strong> "
                            + "tactics changed, major version change</span>");
            assertThat(body(client, "/techniques/T1002"))
                    .contains("<strong>Changed since ATT&amp;CK 18.1:</strong> renamed (was \u201cCommand Shell\u201d)</span>");
            String t1000 = body(client, "/techniques/T1000");
            assertThat(t1000).as("a current mapping has no badge; a framework none of whose mappings could be judged says so once")
                    .doesNotContain("class=\"freshness ")
                    .contains("Microsoft 365 security capabilities 01/01/2025, mapped to ATT&amp;CK 17.1 by the Center for "
                            + "Threat-Informed Defense · not judged for freshness: ATT&amp;CK 17.1 is not held here</p>");
        });
    }

    @Test
    void anEntryPageFiltersItsMappingsWithPlainLinks() {
        test((server, client) -> {
            String all = body(client, "/frameworks/gcp/cloud_logging");
            assertThat(all).startsWith("200 ").contains("Mapped techniques (3)")
                    .contains("<a href=\"/frameworks/gcp/cloud_logging#techniques\" aria-current=\"true\">all <span class=\"count\">3</span></a>")
                    .contains("<a href=\"/frameworks/gcp/cloud_logging?freshness=stale#techniques\">stale <span class=\"count\">3</span></a>")
                    .contains("<a href=\"/frameworks/gcp/cloud_logging?freshness=revoked#techniques\">revoked <span class=\"count\">2</span></a>")
                    .doesNotContain("?freshness=current#techniques")
                    .contains("<strong>Revoked:</strong> mapped to T1009 Old Injection in ATT&amp;CK 18.1</span>");
            String revoked = body(client, "/frameworks/gcp/cloud_logging?freshness=revoked");
            assertThat(revoked).startsWith("200 ").contains("<title>cloud_logging Cloud Logging: revoked mappings ")
                    .contains("Mapped techniques (2 revoked of 3)")
                    .contains("<a href=\"/frameworks/gcp/cloud_logging?freshness=revoked#techniques\" aria-current=\"true\">revoked")
                    .contains("href=\"/api/frameworks/gcp/cloud_logging/techniques.csv?freshness=revoked\" download>")
                    .contains("href=\"/api/frameworks/gcp/cloud_logging/layer.json?freshness=revoked\" download>")
                    .doesNotContain("href=\"/techniques/T1001\"");
            assertThat(body(client, "/frameworks/gcp/cloud_armor?freshness=revoked")).startsWith("200 ")
                    .contains("No mapping of this entry is revoked. <a href=\"/frameworks/gcp/cloud_armor#techniques\">Show all 2</a>");
            assertThat(body(client, "/frameworks/gcp/cloud_logging?freshness=fresh")).startsWith("400 ")
                    .contains("<h1>Bad request</h1>")
                    .contains("freshness must be one of stale, current, changed, revoked, deprecated, unknown, got &quot;fresh&quot;");
        });
    }

    @Test
    void aFrameworkPageListsOnlyTheEntriesWithMappingsTheFilterKeeps() {
        test((server, client) -> {
            String all = body(client, "/frameworks/gcp");
            assertThat(all).contains("<a href=\"/frameworks/gcp?freshness=stale\">stale <span class=\"count\">4</span></a>")
                    .contains("href=\"/frameworks/gcp/cloud_armor\"");
            String changed = body(client, "/frameworks/gcp?freshness=changed");
            assertThat(changed).startsWith("200 ")
                    .contains("<span aria-current=\"page\">Changed mappings</span>")
                    .contains("<a href=\"/frameworks/gcp/cloud_armor?freshness=changed\">Cloud Armor <span class=\"id\">cloud_armor</span></a> "
                            + "<span class=\"count\">1 changed</span>")
                    .contains("<a href=\"/frameworks/gcp/cloud_logging?freshness=changed\">Cloud Logging <span class=\"id\">cloud_logging</span></a> "
                            + "<span class=\"count\">1 changed</span>");
            assertThat(body(client, "/frameworks/gcp?freshness=revoked")).doesNotContain("href=\"/frameworks/gcp/cloud_armor");
            assertThat(body(client, "/frameworks/gcp?freshness=deprecated")).startsWith("200 ")
                    .contains("No mapping of Google Cloud security capabilities is deprecated.");
            assertThat(body(client, "/frameworks/gcp?freshness=fresh")).startsWith("400 ").contains("got &quot;fresh&quot;");
        });
    }
}
