package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Searching an older release over the fixture pair: "18.1", older, in which T1002 is "Command Shell" and T1003 is
 * active, and "19.0", the current release, in which T1002 is "Command and Scripting Shell" and T1003 is revoked by
 * T1004.
 */
class ReleaseSearchWebTest {
    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.RELEASES);

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(body, e);
            }
        }
    }

    static Answer get(HttpClient client, String path, String... headers) {
        Request.Builder request = new Request.Builder().url(client.getOrigin() + path);
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try (Response r = client.getOkHttp().newCall(request.build()).execute()) {
            return new Answer(r.code(), r.header("Content-Type"), r.body().string());
        } catch (IOException e) {
            throw new AssertionError(path, e);
        }
    }

    static List<String> hits(JsonNode result) {
        List<String> hits = new ArrayList<>();
        result.get("hits").forEach(h -> hits.add(h.get("id").asText() + " " + h.get("name").asText()));
        return hits;
    }

    @Test
    void anOlderReleaseAnswersWithItsOwnNamesAndLeadsToTheCurrentObject() {
        server.test((app, client) -> {
            JsonNode r = get(client, "/api/search?q=Command+Shell&release=18.1").json();
            assertThat(r.get("release").asText()).isEqualTo("18.1");
            assertThat(hits(r).get(0)).isEqualTo("T1002 Command Shell");
            JsonNode hit = r.get("hits").get(0);
            assertThat(hit.get("url").asText()).isEqualTo("/techniques/T1002");
            assertThat(hit.get("current").toString())
                    .isEqualTo("{\"status\":\"active\",\"id\":\"T1002\",\"name\":\"Command and Scripting Shell\"}");
            assertThat(hit.get("tactics").toString()).isEqualTo("[\"execution\"]");
        });
    }

    @Test
    void theCurrentReleaseIsTheDefaultAndFindsTheRenamedObjectByItsFormerNameToo() {
        server.test((app, client) -> {
            JsonNode r = get(client, "/api/search?q=Command+Shell").json();
            assertThat(r.has("release")).isFalse();
            assertThat(hits(r).get(0)).isEqualTo("T1002 Command and Scripting Shell");
            assertThat(r.get("hits").get(0).has("current")).isFalse();
            assertThat(r.get("hits").get(0).get("matched").toString()).contains("\"former_names\"");
            JsonNode former = get(client, "/api/search?q=%22Command+Shell%22").json();
            assertThat(hits(former)).containsExactly("T1002 Command and Scripting Shell");
            assertThat(get(client, "/api/search?q=Command+Shell&release=19.0").json().get("hits"))
                    .isEqualTo(r.get("hits"));
        });
    }

    @Test
    void aRevokedObjectLeadsToWhatReplacedIt() {
        server.test((app, client) -> {
            JsonNode r = get(client, "/api/search?q=Process+Injection&release=18.1").json();
            assertThat(hits(r)).startsWith("T1003 Process Injection");
            JsonNode hit = r.get("hits").get(0);
            assertThat(hit.get("url").asText()).isEqualTo("/techniques/T1004");
            assertThat(hit.get("current").toString()).isEqualTo("{\"status\":\"revoked\",\"id\":\"T1003\","
                    + "\"name\":\"Process Injection\",\"successor\":\"T1004\",\"successor_name\":\"Process Injection\"}");
            assertThat(hits(get(client, "/api/search?q=Process+Injection").json())).startsWith("T1004 Process Injection");
        });
    }

    @Test
    void facetsSortAndPagingWorkInAnOlderRelease() {
        server.test((app, client) -> {
            JsonNode all = get(client, "/api/search?type=technique&release=18.1&sort=name").json();
            assertThat(hits(all)).containsExactly("T1002 Command Shell", "T1001 Impair Logging", "T1000 Masquerading",
                    "T1003 Process Injection");
            JsonNode tactics = get(client, "/api/search?type=technique&release=18.1").json().get("facets").get("tactic");
            assertThat(tactics.toString()).isEqualTo("[{\"value\":\"defense-evasion\",\"label\":\"Defense Evasion\","
                    + "\"count\":3,\"selected\":false},{\"value\":\"execution\",\"label\":\"Execution\",\"count\":1,"
                    + "\"selected\":false}]");
            JsonNode page2 = get(client, "/api/search?type=technique&release=18.1&sort=name&limit=2&offset=2").json();
            assertThat(page2.get("total").asInt()).isEqualTo(4);
            assertThat(hits(page2)).containsExactly("T1000 Masquerading", "T1003 Process Injection");
            JsonNode evasion = get(client, "/api/search?release=18.1&tactic=defense-evasion&sort=id").json();
            assertThat(hits(evasion)).containsExactly("T1000 Masquerading", "T1001 Impair Logging",
                    "T1003 Process Injection", "TA0005 Defense Evasion");
        });
    }

    @Test
    void anUnknownOrMalformedReleaseIsA400() {
        server.test((app, client) -> {
            Answer unknown = get(client, "/api/search?q=shell&release=17.0");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.contentType()).startsWith("application/json");
            assertThat(unknown.body()).isEqualTo("{\"error\":\"bad_request\",\"detail\":\"release 17.0 is not held by "
                    + "this index; it can search ATT&CK 18.1 and 19.0 (the current release)\"}");
            Answer malformed = get(client, "/api/search?q=shell&release=..%2F18.1");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.body()).isEqualTo("{\"error\":\"bad_request\",\"detail\":\"release must be an ATT&CK "
                    + "release such as 16.1, got \\\"../18.1\\\"\"}");
            assertThat(get(client, "/api/export?format=csv&q=shell&release=17.0").status()).isEqualTo(400);

            Answer page = get(client, "/search?q=shell&release=17.0");
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("release 17.0 is not held by this index; it can search ATT&amp;CK 18.1 "
                    + "and 19.0 (the current release)");
        });
    }

    @Test
    void theSearchPageOffersTheReleasesAndSaysWhichOneItSearches() {
        server.test((app, client) -> {
            String current = get(client, "/search?q=Command+Shell").body();
            assertThat(current).contains("<select id=\"release\" name=\"release\">")
                    .contains("<option value=\"\" selected>ATT&amp;CK 19.0 (current)</option>"
                            + "<option value=\"18.1\">ATT&amp;CK 18.1</option>")
                    .doesNotContain("Searching ATT&amp;CK")
                    .contains("<a class=\"hit-title\" href=\"/techniques/T1002\"><span class=\"id\">T1002</span> "
                            + "Command and Scripting Shell</a>");

            String older = get(client, "/search?q=Command+Shell&release=18.1").body();
            assertThat(older).contains("<option value=\"\">ATT&amp;CK 19.0 (current)</option>"
                            + "<option value=\"18.1\" selected>ATT&amp;CK 18.1</option>")
                    .contains("<strong>Searching ATT&amp;CK 18.1</strong>")
                    .contains("<a href=\"/search?q=Command+Shell\" hx-get=\"/search?q=Command+Shell\" hx-target=\"#results\" "
                            + "hx-push-url=\"true\">Search ATT&amp;CK 19.0 instead</a>")
                    .contains("<a class=\"hit-title\" href=\"/techniques/T1002\"><span class=\"id\">T1002</span> Command Shell</a>")
                    .contains("<p class=\"hit-now\">Now <a href=\"/techniques/T1002\"><span class=\"id\">T1002</span> "
                            + "Command and Scripting Shell</a> in ATT&amp;CK 19.0.</p>")
                    .contains("href=\"/search?q=Command+Shell&amp;release=18.1&amp;sort=id\"")
                    .contains("href=\"/api/export?format=csv&amp;q=Command+Shell&amp;release=18.1\"");
            assertThat(older).as("an older release's tactics are named, not linked to the current release's pages")
                    .contains("<span class=\"tag tactic\">Execution</span>").doesNotContain("href=\"/tactics/execution");

            String revoked = get(client, "/search?q=Process+Injection&release=18.1").body();
            assertThat(revoked).contains("<p class=\"hit-now gone\">Revoked in ATT&amp;CK 19.0: replaced by "
                    + "<a href=\"/techniques/T1004\"><span class=\"id\">T1004</span> Process Injection</a>.</p>");

            String fragment = get(client, "/search?q=Command+Shell&release=18.1", "HX-Request", "true").body();
            assertThat(fragment).startsWith("<p class=\"release-banner\">").doesNotContain("<select");
        });
    }

    @Test
    void anIdIsSearchedInAnOlderReleaseRatherThanOpened() {
        server.test((app, client) -> {
            var noRedirects = client.getOkHttp().newBuilder().followRedirects(false).build();
            try (Response jump = noRedirects.newCall(new Request.Builder().url(client.getOrigin() + "/search?q=T1002").build()).execute()) {
                assertThat(jump.code()).isEqualTo(302);
            }
            try (Response older = noRedirects.newCall(new Request.Builder()
                    .url(client.getOrigin() + "/search?q=T1002&release=18.1").build()).execute()) {
                assertThat(older.code()).isEqualTo(200);
                assertThat(older.body().string()).contains("<span class=\"id\">T1002</span> Command Shell</a>");
            }
        });
    }

    @Test
    void exportsOfAnOlderReleaseHoldItsHits() {
        server.test((app, client) -> {
            Answer csv = get(client, "/api/export?format=csv&q=Command+Shell&release=18.1");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body().lines().skip(1).findFirst().orElseThrow())
                    .isEqualTo("T1002,technique,Command Shell,enterprise-attack,execution,Windows,,/techniques/T1002");
            JsonNode layer = get(client, "/api/export?format=navigator&type=technique&release=18.1").json();
            assertThat(layer.at("/versions/attack").asText()).isEqualTo("18");
        });
    }
}
