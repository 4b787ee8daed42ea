package attackkb.web;

import static attackkb.web.ControlsWebTest.body;
import static attackkb.web.ControlsWebTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An entity's neighbourhood as a graph, over the fixture bundle with SP 800-53, AWS and KEV mappings. */
class GraphWebTest {
    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.FRAMEWORKS);

    private static List<String> nodes(JsonNode graph) {
        List<String> out = new ArrayList<>();
        graph.get("nodes").forEach(n -> out.add(n.get("id").asText() + " " + n.get("kind").asText()));
        return out;
    }

    private static List<String> edges(JsonNode graph) {
        List<String> out = new ArrayList<>();
        graph.get("edges").forEach(e -> out.add(e.get("source").asText() + " " + e.get("kind").asText() + " "
                + e.get("target").asText() + (e.hasNonNull("label") ? " (" + e.get("label").asText() + ")" : "")));
        return out;
    }

    @Test
    void aTechniqueIsDrawnWithEverythingLinkedToIt() {
        server.test((s, client) -> {
            JsonNode g = json(client, "/api/graph/T1204.003");
            assertThat(g.get("center").asText()).isEqualTo("T1204.003");
            assertThat(nodes(g)).containsExactly("T1204.003 technique", "TA0002 tactic", "T1204 technique",
                    "M1045 mitigation", "M1047 mitigation", "DET0248 detection", "AN0001 analytic", "DC0072 data_component",
                    "AN0002 analytic", "DC0032 data_component", "C0099 campaign", "G0139 group",
                    "nist_800_53:AC-4 control", "nist_800_53:CM-2 control", "aws:aws_config control", "kev:CVE-2099-0001 control");
            assertThat(edges(g)).containsExactly("T1204.003 tactic TA0002", "T1204.003 subtechnique T1204",
                    "M1045 mitigates T1204.003", "M1047 mitigates T1204.003", "DET0248 analytic AN0001",
                    "AN0001 log_source DC0072 (docker:daemon)", "DET0248 analytic AN0002", "AN0002 log_source DC0032 (aws:cloudtrail)",
                    "DET0248 detects T1204.003", "C0099 uses T1204.003", "G0139 uses T1204.003",
                    "nist_800_53:AC-4 mapped T1204.003 (mitigates)", "nist_800_53:CM-2 mapped T1204.003 (mitigates)",
                    "aws:aws_config mapped T1204.003 (detect · significant, protect · partial)",
                    "kev:CVE-2099-0001 mapped T1204.003 (exploitation technique)");
            assertThat(g.at("/nodes/12/url").asText()).isEqualTo("/frameworks/nist_800_53/AC-4");
            assertThat(g.at("/nodes/12/label").asText()).isEqualTo("AC-4");
            assertThat(g.at("/nodes/6/expandable").asBoolean()).isFalse();
            assertThat(g.at("/edges/2/detail").asText()).startsWith("Several cloud service providers support content trust")
                    .doesNotContain("(Citation:");
            assertThat(g.get("truncated")).isEmpty();
        });
    }

    @Test
    void otherEntitiesAndFrameworkEntriesAreDrawnWithTheirTechniques() {
        server.test((s, client) -> {
            assertThat(edges(json(client, "/api/graph/M1045"))).containsExactly("M1045 mitigates T1204.003");
            assertThat(edges(json(client, "/api/graph/G0139"))).contains("G0139 uses S0601", "C0099 attributed G0139",
                    "G0139 uses T1204.003");
            JsonNode config = json(client, "/api/graph/aws:aws_config");
            assertThat(nodes(config)).containsExactly("aws:aws_config control", "T1204.003 technique");
            JsonNode deep = json(client, "/api/graph/M1045?depth=2");
            assertThat(nodes(deep)).hasSize(16).startsWith("M1045 mitigation", "T1204.003 technique", "TA0002 tactic");
            assertThat(body(client, "/api/graph/M1045?depth=3")).startsWith("400 ").contains("depth must be 1 or 2");
            assertThat(body(client, "/api/graph/T9999999")).startsWith("404 ").contains("not_found");
        });
    }

    @Test
    void theGraphPageLoadsD3OnlyThereAndListsTheNeighboursWithoutJavaScript() {
        server.test((s, client) -> {
            String page = body(client, "/graph/T1204.003");
            assertThat(page).startsWith("200 ").contains("<h1>Graph of <span class=\"id\">T1204.003</span> Malicious Image</h1>")
                    .contains("/webjars/d3/7.9.0/dist/d3.min.js").contains("/static/graph.js?v=")
                    .contains("data-center=\"T1204.003\"")
                    .contains("<h3>Mitigation <span class=\"count\">2</span></h3>")
                    .contains("<a href=\"/frameworks/aws/aws_config\"><span class=\"id\">aws_config</span> AWS Config</a>")
                    .contains("href=\"/api/graph/T1204.003?depth=2\"");
            assertThat(body(client, "/techniques/T1204.003")).doesNotContain("d3.min.js")
                    .contains("<a class=\"button\" href=\"/graph/T1204.003\">View in graph</a>");
            assertThat(body(client, "/frameworks/aws/aws_config")).contains("href=\"/graph/aws:aws_config\">View in graph</a>");
            assertThat(body(client, "/mitigations/M1045")).contains("href=\"/graph/M1045\">View in graph</a>");
            assertThat(body(client, "/graph/nope")).startsWith("404 ");
            assertThat(body(client, "/webjars/d3/7.9.0/dist/d3.min.js")).startsWith("200 ");
        });
    }
}
