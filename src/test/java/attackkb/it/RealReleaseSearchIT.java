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
 * Searching ATT&CK 16.1 and 17.1 beside the current 18.1, on the real index of the three releases: each older
 * release answers with its own names, and each hit leads to the object as 18.1 has it.
 */
class RealReleaseSearchIT {
    static void test(TestCase c) {
        RealIndex.all().server().test(c);
    }

    static JsonNode get(HttpClient client, String path) throws IOException {
        try (Response r = client.get(path)) {
            assertThat(r.code()).as(path).isEqualTo(200);
            return Json.MAPPER.readTree(r.body().string());
        }
    }

    static List<String> hits(JsonNode result) {
        List<String> hits = new ArrayList<>();
        result.get("hits").forEach(h -> hits.add(h.get("id").asText() + " " + h.get("name").asText()));
        return hits;
    }

    @Test
    void browserExtensionsIsT1176In16AndASubTechniqueOfSoftwareExtensionsNow() {
        test((server, client) -> {
            JsonNode old = get(client, "/api/search?q=browser+extensions&release=16.1");
            assertThat(old.get("release").asText()).isEqualTo("16.1");
            assertThat(hits(old).get(0)).isEqualTo("T1176 Browser Extensions");
            JsonNode hit = old.at("/hits/0");
            assertThat(hit.get("url").asText()).isEqualTo("/techniques/T1176");
            assertThat(hit.get("current").toString())
                    .isEqualTo("{\"status\":\"active\",\"id\":\"T1176\",\"name\":\"Software Extensions\"}");

            assertThat(hits(get(client, "/api/search?q=browser+extensions")).subList(0, 2))
                    .containsExactly("T1176.001 Browser Extensions", "T1176 Software Extensions");
            assertThat(hits(get(client, "/api/search?q=browser+extensions&release=17.1")).get(0))
                    .isEqualTo("T1176.001 Browser Extensions");
        });
    }

    @Test
    void aTechniqueRevokedSinceLeadsToItsSuccessorAndARenamedOneToItsNewName() {
        test((server, client) -> {
            JsonNode dll = get(client, "/api/search?q=dll+side-loading&release=16.1");
            assertThat(hits(dll).subList(0, 2)).containsExactly("T1574.002 DLL Side-Loading",
                    "T1574.001 DLL Search Order Hijacking");
            assertThat(dll.at("/hits/0/url").asText()).isEqualTo("/techniques/T1574.001");
            assertThat(dll.at("/hits/0/current").toString()).isEqualTo("{\"status\":\"revoked\",\"id\":\"T1574.002\","
                    + "\"name\":\"DLL Side-Loading\",\"successor\":\"T1574.001\",\"successor_name\":\"DLL\"}");
            JsonNode bash = get(client, "/api/search?q=bash+history&release=16.1");
            assertThat(hits(bash).get(0)).isEqualTo("T1552.003 Bash History");
            assertThat(bash.at("/hits/0/current/name").asText()).isEqualTo("Shell History");
        });
    }

    @Test
    void theSearchPageOffersEachReleaseAndMarksAnOlderOne() {
        test((server, client) -> {
            try (Response r = client.get("/search?q=browser+extensions&release=16.1")) {
                String html = r.body().string();
                assertThat(html).contains("<option value=\"\">ATT&amp;CK 18.1 (current)</option>"
                                + "<option value=\"17.1\">ATT&amp;CK 17.1</option>"
                                + "<option value=\"16.1\" selected>ATT&amp;CK 16.1</option>")
                        .contains("<strong>Searching ATT&amp;CK 16.1</strong>")
                        .contains("<p class=\"hit-now\">Now <a href=\"/techniques/T1176\"><span class=\"id\">T1176</span> "
                                + "Software Extensions</a> in ATT&amp;CK 18.1.</p>");
            }
        });
    }
}
