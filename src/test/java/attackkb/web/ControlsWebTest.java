package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Controls in the API and the pages, over the fixture bundles with the control fixtures. */
public class ControlsWebTest {
    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.CONTROLS);

    static void test(TestCase c) {
        server.test(c);
    }

    static String body(HttpClient client, String path) throws IOException {
        try (Response r = client.getOkHttp().newBuilder().followRedirects(false).build()
                .newCall(new Request.Builder().url(client.getOrigin() + path).build()).execute()) {
            return r.code() + " " + r.body().string();
        }
    }

    static JsonNode json(HttpClient client, String path) throws IOException {
        String b = body(client, path);
        assertThat(b).startsWith("200 ");
        return Json.MAPPER.readTree(b.substring(4));
    }

    @Test
    void aTechniqueListsItsControlsWithRationaleAndSource() {
        test((server, client) -> {
            JsonNode t = json(client, "/api/techniques/T1204.003");
            assertThat(t.at("/controls/0/id").asText()).isEqualTo("AC-4");
            assertThat(t.at("/controls/0/title").asText()).isEqualTo("Information Flow Enforcement");
            assertThat(t.at("/controls/0/family").asText()).isEqualTo("AC Access Control");
            assertThat(t.at("/controls/0/mapping_type").asText()).isEqualTo("mitigates");
            assertThat(t.at("/controls/0/comments").asText()).startsWith("Restricting flows");
            assertThat(t.at("/controls/0/source/framework").asText()).isEqualTo("nist_800_53");
            assertThat(t.at("/controls/0/source/attack_version").asText()).isEqualTo("16.1");
            assertThat(t.at("/controls/1/id").asText()).isEqualTo("CM-2");
            String page = body(client, "/techniques/T1204.003");
            assertThat(page).contains("Mapped controls and capabilities").contains("NIST SP 800-53")
                    .contains("href=\"/frameworks/nist_800_53/AC-4\"")
                    .contains("Restricting flows to untrusted registries")
                    .contains("NIST SP 800-53 rev5, mapped to ATT&amp;CK 16.1 by the Center for Threat-Informed Defense");
            assertThat(body(client, "/techniques/T1053")).contains("No SP 800-53 mapping");
        });
    }

    @Test
    void aControlAnswersToEverySpellingOfItsId() {
        test((server, client) -> {
            JsonNode byCanonical = json(client, "/api/controls/AC-4");
            assertThat(json(client, "/api/controls/ac-04")).isEqualTo(byCanonical);
            assertThat(byCanonical.get("statement").asText()).contains("[Assignment: information flow control policies]");
            assertThat(byCanonical.at("/techniques/0/technique_id").asText()).isEqualTo("T1204.003");
            String page = body(client, "/controls/AC-4");
            assertThat(body(client, "/controls/ac-04")).isEqualTo(page);
            assertThat(page).startsWith("200 ").contains("Information Flow Enforcement").contains("<h3>Execution</h3>")
                    .contains("href=\"/techniques/T1204.003\"").contains("Restricting flows");
            assertThat(body(client, "/controls/XX-1")).startsWith("404 ");
            assertThat(body(client, "/api/controls/XX-1")).startsWith("404 ").contains("not_found");
        });
    }

    @Test
    void controlsAreSearchableAndTechniquesFilterableByControlAndFamily() {
        test((server, client) -> {
            JsonNode boundary = json(client, "/api/search?q=boundary+protection");
            assertThat(boundary.at("/hits/0/id").asText()).isEqualTo("SC-7");
            assertThat(boundary.at("/hits/0/url").asText()).isEqualTo("/frameworks/nist_800_53/SC-7");
            assertThat(json(client, "/api/search?q=ac-04").at("/hits/0/id").asText()).isEqualTo("AC-4");
            JsonNode byControl = json(client, "/api/search?type=technique&control=CM-2");
            assertThat(byControl.get("total").asInt()).isEqualTo(1);
            assertThat(byControl.at("/hits/0/id").asText()).isEqualTo("T1204.003");
            // Any spelling of the ID selects the control, as the CLI's --control does.
            assertThat(json(client, "/api/search?type=technique&control=cm-02").get("total").asInt()).isEqualTo(1);
            JsonNode byFamily = json(client, "/api/search?type=technique&family=" + java.net.URLEncoder.encode(
                    "SI System and Information Integrity", java.nio.charset.StandardCharsets.UTF_8));
            assertThat(byFamily.at("/hits/0/id").asText()).isEqualTo("T1525");
            assertThat(body(client, "/search?q=AC-4")).startsWith("302 ");
        });
    }

    @Test
    void controlsListAndCsvDownloads() {
        test((server, client) -> {
            JsonNode families = json(client, "/api/controls").get("families");
            assertThat(families.get(0).get("id").asText()).isEqualTo("AC");
            assertThat(families.get(0).at("/controls/0/id").asText()).isEqualTo("AC-4");
            assertThat(families.get(0).at("/controls/0/technique_count").asInt()).isEqualTo(1);
            assertThat(body(client, "/controls")).contains("href=\"/frameworks/nist_800_53/AC-4(4)\"")
                    .contains("CM Configuration Management");
            assertThat(body(client, "/frameworks/nist_800_53")).isEqualTo(body(client, "/controls"));
            String csv = "200 framework,entry_id,technique_id,technique_name,tactics,mapping_type,score_category,score_value,comments,references,"
                    + "freshness,mapped_release,mapped_technique,successor,changes\r\n"
                    + "nist_800_53,AC-4,T1204.003,Malicious Image,execution,mitigates,,,Restricting flows";
            assertThat(body(client, "/api/controls/AC-4/techniques.csv")).startsWith(csv);
            assertThat(body(client, "/api/frameworks/nist_800_53/AC-4/techniques.csv")).startsWith(csv);
            assertThat(body(client, "/api/techniques/T1204.003/controls.csv")).contains(
                    "T1204.003,nist_800_53,CM-2,Baseline Configuration,CM Configuration Management,mitigates,,,,,nist_800_53 rev5 (ATT&CK 16.1),"
                            + "unknown,16.1,T1204.003,,\r\n");
        });
    }

    @Test
    void entriesMappedToNoTechniqueCanBeHidden() {
        test((server, client) -> {
            String all = body(client, "/frameworks/nist_800_53");
            assertThat(all).contains("entries are mapped to no technique · <a href=\"/frameworks/nist_800_53?mapped=true\">hide them</a>")
                    .contains("href=\"/frameworks/nist_800_53/AC-4(4)\"");
            String mapped = body(client, "/frameworks/nist_800_53?mapped=true");
            assertThat(mapped).contains("href=\"/frameworks/nist_800_53/AC-4\"").contains("href=\"/frameworks/nist_800_53/CM-2\"")
                    .doesNotContain("href=\"/frameworks/nist_800_53/AC-4(4)\"").contains("show all 5</a>");
        });
    }
}
