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
 * Histories and former names over the real releases held (ATT&CK 16.1, 17.1 and 18.1): T1176 "Browser Extensions"
 * renamed "Software Extensions" in 17.1, T1574.002 "DLL Side-Loading" revoked by T1574.001 in 17.1, T1552.003 "Bash
 * History" renamed "Shell History" in 18.1.
 */
class HistoryIT {

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

    static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    /** The History section of a page, from its heading to the end of the section. */
    static String historyOf(String page) {
        int start = page.indexOf("<h2 id=\"history\">History</h2>");
        assertThat(start).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void softwareExtensionsWasBrowserExtensionsUntil171() {
        test((server, client) -> {
            JsonNode history = json(client, "/api/techniques/T1176").get("history");
            assertThat(history.get("releases")).extracting(r -> r.get("release").asText()).containsExactly("16.1", "17.1", "18.1");
            assertThat(history.get("releases")).extracting(r -> r.get("name").asText())
                    .containsExactly("Browser Extensions", "Software Extensions", "Software Extensions");
            JsonNode renamed = history.at("/releases/1");
            assertThat(renamed.get("old_name").asText()).isEqualTo("Browser Extensions");
            assertThat(renamed.get("categories").toString()).startsWith("[\"renamed\",\"major_version\"");
            assertThat(renamed.get("old_version").asText()).isEqualTo("1.3");
            assertThat(renamed.get("version").asText()).isEqualTo("2.0");
            assertThat(history.get("former_names").toString()).isEqualTo("[\"Browser Extensions\"]");
            assertThat(history.has("revoked_in")).isFalse();

            String section = historyOf(body(client, "/techniques/T1176"));
            assertThat(section).contains("<p>In ATT&amp;CK 16.1, 17.1, 18.1.</p>")
                    .contains("<p class=\"former\">Formerly: Browser Extensions</p>");
            String in171 = section.substring(section.indexOf("<h3>ATT&amp;CK 17.1</h3>"), section.indexOf("<h3>ATT&amp;CK 18.1</h3>"));
            assertThat(in171).contains("<li>Renamed from \u201cBrowser Extensions\u201d to \u201cSoftware Extensions\u201d.</li>")
                    .contains("<li>Version 1.3 <span aria-hidden=\"true\">&rarr;</span><span class=\"visually-hidden\">to</span>"
                            + " 2.0 (major change).</li>")
                    .contains("<details class=\"word-diff\">").contains("<del>").contains("<ins>");
        });
    }

    @Test
    void dllSideLoadingSaysItWasRevokedIn171ByDll() {
        test((server, client) -> {
            String page = body(client, "/techniques/T1574.002");
            assertThat(page).contains("<p class=\"retired\"><strong>Revoked in ATT&amp;CK 17.1</strong>: replaced by "
                    + "<a href=\"/techniques/T1574.001\">T1574.001 DLL</a>.</p>");
            assertThat(historyOf(page)).contains("<li>In the oldest release held, as \u201cDLL Side-Loading\u201d, version 2.0.</li>")
                    .contains("<li>Revoked: replaced by <a href=\"/techniques/T1574.001\">T1574.001 DLL</a>.</li>");
            JsonNode history = json(client, "/api/techniques/T1574.002").get("history");
            assertThat(history.get("revoked_in").asText()).isEqualTo("17.1");
            assertThat(history.get("successor").asText()).isEqualTo("T1574.001");
            assertThat(history.get("successor_name").asText()).isEqualTo("DLL");

            // Its successor names it among what it replaces, and its own former name.
            String successor = historyOf(body(client, "/techniques/T1574.001"));
            assertThat(successor).contains("<p class=\"former\">Formerly: DLL Search Order Hijacking</p>")
                    .contains("<a href=\"/techniques/T1574.002\">T1574.002 DLL Side-Loading</a>, revoked in ATT&amp;CK 17.1");
            assertThat(json(client, "/api/techniques/T1574.001").at("/history/replaces").toString())
                    .contains("{\"id\":\"T1574.002\",\"name\":\"DLL Side-Loading\",\"revoked_in\":\"17.1\"}");
        });
    }

    @Test
    void shellHistoryWasBashHistoryUntil181() {
        test((server, client) -> {
            JsonNode history = json(client, "/api/techniques/T1552.003").get("history");
            assertThat(history.get("former_names").toString()).isEqualTo("[\"Bash History\"]");
            assertThat(history.at("/releases/2/old_name").asText()).isEqualTo("Bash History");
            assertThat(history.at("/releases/2/platforms_added").toString()).isEqualTo("[\"Windows\"]");
            assertThat(history.at("/releases/1/categories").toString()).isEqualTo("[]");
        });
    }

    @Test
    void oldNamesStayFindableAndSaySo() {
        test((server, client) -> {
            // "Browser Extensions" is today the name of the sub-technique T1176.001: the current name comes first,
            // then the technique that had it.
            JsonNode browser = json(client, "/api/search?q=browser+extensions");
            assertThat(ids(browser).subList(0, 2)).containsExactly("T1176.001", "T1176");
            assertThat(browser.at("/hits/1/former_names").toString()).isEqualTo("[\"Browser Extensions\"]");
            assertThat(browser.at("/hits/1/matched").toString()).contains("\"former_names\"");
            assertThat(browser.at("/hits/0/matched").toString()).doesNotContain("former_names");

            JsonNode bash = json(client, "/api/search?q=bash+history");
            assertThat(ids(bash).get(0)).isEqualTo("T1552.003");
            assertThat(bash.at("/hits/0/matched").toString()).contains("\"former_names\"");
            // While the old name is being typed, its last word is completed among former names too.
            assertThat(ids(json(client, "/api/search?q=bash+hist")).subList(0, 3)).contains("T1552.003");

            // T1574.002 DLL Side-Loading is revoked, so hidden from search; the technique that replaced it is found.
            JsonNode dll = json(client, "/api/search?q=dll+side-loading");
            assertThat(ids(dll).get(0)).isEqualTo("T1574.001");
            assertThat(ids(dll)).doesNotContain("T1574.002");
            assertThat(dll.at("/hits/0/former_names").toString()).contains("\"DLL Side-Loading\"");

            String results = body(client, "/search?q=bash+history");
            String first = results.substring(results.indexOf("data-id=\"T1552.003\""));
            assertThat(first.substring(0, first.indexOf("</li>"))).contains("<p class=\"former\">Formerly Bash History</p>");
        });
    }
}
