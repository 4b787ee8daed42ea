package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON API over the fixture index, through a real HTTP server on a random port. */
class ApiTest {
    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.BUNDLES);

    record Answer(int status, String contentType, JsonNode json) {}

    static Answer get(HttpClient client, String path) {
        try (Response response = client.get(path)) {
            String body = response.body().string();
            return new Answer(response.code(), response.header("Content-Type"), Json.MAPPER.readTree(body));
        } catch (IOException e) {
            throw new AssertionError(path, e);
        }
    }

    static void test(TestCase... cases) {
        for (var c : cases) server.test(c);
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    @Test
    void searchAnswersAreCompressedForClientsThatAcceptIt() {
        test((server, client) -> {
            try (Response r = client.get("/api/search?q=" + q("container image"), req -> req.header("Accept-Encoding", "gzip"))) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
                byte[] body = new java.util.zip.GZIPInputStream(r.body().byteStream()).readAllBytes();
                assertThat(Json.MAPPER.readTree(body).get("query").asText()).isEqualTo("container image");
            }
        });
    }

    @Test
    void searchAnswersHitsFacetsAndTiming() {
        test((server, client) -> {
            Answer a = get(client, "/api/search?q=" + q("container image"));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.contentType()).startsWith("application/json");
            JsonNode r = a.json();
            assertThat(r.get("query").asText()).isEqualTo("container image");
            assertThat(ids(r).subList(0, 2)).containsExactlyInAnyOrder("T1204.003", "T1525");
            assertThat(r.get("total").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(r.get("took_ms").isNumber()).isTrue();
            JsonNode hit = r.get("hits").get(ids(r).indexOf("T1204.003"));
            assertThat(hit.get("url").asText()).isEqualTo("/techniques/T1204.003");
            assertThat(hit.get("parent").get("id").asText()).isEqualTo("T1204");
            assertThat(hit.get("snippet").asText()).contains("<mark>");
            assertThat(hit.get("matched")).isNotEmpty();
            assertThat(r.get("facets").fieldNames()).toIterable()
                    .containsExactly("type", "domain", "framework", "platform", "tactic", "data_component", "family");
            // Controls are counted and listed only once one is selected, as the search page shows them.
            JsonNode selected = get(client, "/api/search?q=container+image&control=ac-04").json();
            assertThat(selected.get("facets").fieldNames()).toIterable().contains("control");
            assertThat(selected.at("/facets/control/0/value").asText()).isEqualTo("AC-4");
            assertThat(selected.at("/facets/control/0/selected").asBoolean()).isTrue();
        });
    }

    @Test
    void platformFilterKeepsOtherPlatformCountsDrillSideways() {
        test((server, client) -> {
            JsonNode r = get(client, "/api/search?q=image&type=technique&platform=Containers").json();
            assertThat(r.get("hits")).allSatisfy(h ->
                    assertThat(h.get("platforms").toString()).contains("Containers"));
            List<String> platforms = new ArrayList<>();
            r.get("facets").get("platform").forEach(f -> platforms.add(f.get("value").asText() + "=" + f.get("count").asInt()
                    + (f.get("selected").asBoolean() ? "*" : "")));
            assertThat(platforms).contains("Containers=2*", "IaaS=2");
        });
    }

    @Test
    void repeatedParametersAreOredAndEmptyQueryListsByIdWithPaging() {
        test((server, client) -> {
            JsonNode r = get(client, "/api/search?type=technique&tactic=persistence&tactic=execution&limit=2&offset=1").json();
            assertThat(r.get("total").asInt()).isEqualTo(5);
            assertThat(ids(r)).containsExactly("T1204", "T1204.003");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=-1", "limit=0", "limit=100000", "limit=abc", "offset=abc", "offset=-5", "offset=99999999999"})
    void invalidParametersAre400WithAJsonReason(String params) {
        test((server, client) -> {
            Answer a = get(client, "/api/search?q=image&" + params);
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("error").asText()).isEqualTo("bad_request");
            assertThat(a.json().get("detail").asText()).containsAnyOf("limit", "offset");
        });
    }

    @Test
    void anOverlongQueryIs400() {
        test((server, client) -> {
            Answer a = get(client, "/api/search?q=" + "a".repeat(1001));
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("detail").asText()).contains("1000");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unclosed", "AND OR (", "field:", "*image", "/[a-z/", "image~~", "a AND (b OR", "\\"})
    void unparseableSyntaxIsSearchedAsTextNeverA500(String query) {
        test((server, client) -> {
            Answer a = get(client, "/api/search?q=" + q(query));
            assertThat(a.status()).as(query).isEqualTo(200);
            assertThat(a.json().has("hits")).isTrue();
        });
    }

    @Test
    void techniqueDetailIsCaseInsensitiveAndComplete() {
        test((server, client) -> {
            Answer a = get(client, "/api/techniques/t1204.003");
            assertThat(a.status()).isEqualTo(200);
            JsonNode t = a.json();
            assertThat(t.get("id").asText()).isEqualTo("T1204.003");
            assertThat(t.get("status").asText()).isEqualTo("active");
            assertThat(t.get("description").asText()).contains("(Citation: Summit Route Malicious AMIs)");
            assertThat(t.at("/tactics/0/shortname").asText()).isEqualTo("execution");
            assertThat(t.at("/parent/id").asText()).isEqualTo("T1204");
            assertThat(t.at("/mitigations/0/id").asText()).isEqualTo("M1045");
            assertThat(t.at("/mitigations/0/guidance").asText()).startsWith("Several cloud");
            assertThat(t.at("/mitigations/0/description").asText()).startsWith("Enforce binary");
            assertThat(t.at("/detections/0/id").asText()).isEqualTo("DET0248");
            assertThat(t.at("/detections/0/analytics/0/log_sources/0/name").asText()).isEqualTo("docker:daemon");
            assertThat(t.at("/procedures/1/source_name").asText()).isEqualTo("TeamTNT");
            assertThat(t.at("/attack_url").asText()).isEqualTo("https://attack.mitre.org/techniques/T1204/003");
            assertThat(t.at("/references/0/source_name").asText()).isEqualTo("Summit Route Malicious AMIs");
        });
    }

    @Test
    void aRevokedTechniqueAnswersWithItsReplacement() {
        test((server, client) -> {
            JsonNode t = get(client, "/api/techniques/T9999").json();
            assertThat(t.get("status").asText()).isEqualTo("revoked");
            assertThat(t.get("revoked_by").asText()).isEqualTo("T1525");
        });
    }

    @Test
    void unknownIdsAndPathsAre404WithAJsonReason() {
        test((server, client) -> {
            Answer technique = get(client, "/api/techniques/T0000");
            assertThat(technique.status()).isEqualTo(404);
            assertThat(technique.json().get("error").asText()).isEqualTo("not_found");
            assertThat(technique.json().get("detail").asText()).isEqualTo("no technique with ID \"T0000\"");
            Answer path = get(client, "/api/nothing-here");
            assertThat(path.status()).isEqualTo(404);
            assertThat(path.json().get("detail").asText()).isEqualTo("no such path: /api/nothing-here");
            assertThat(get(client, "/api/mitigations/T1204.003").status()).as("an ID of another type").isEqualTo(404);
        });
    }

    @Test
    void otherEntitiesHaveTheirOwnEndpoints() {
        test((server, client) -> {
            JsonNode m = get(client, "/api/mitigations/m1047").json();
            assertThat(m.get("name").asText()).isEqualTo("Audit");
            assertThat(m.at("/techniques/0/technique_id").asText()).isEqualTo("T1204.003");
            JsonNode d = get(client, "/api/detections/DET0248").json();
            assertThat(d.at("/analytics/1/platforms/0").asText()).isEqualTo("IaaS");
            assertThat(d.at("/technique_ids/0").asText()).isEqualTo("T1204.003");
            assertThat(get(client, "/api/groups/G0139").json().get("aliases").get(0).asText()).isEqualTo("Adept Libra");
            assertThat(get(client, "/api/software/S0601").json().get("software_kind").asText()).isEqualTo("malware");
            assertThat(get(client, "/api/campaigns/C0099").json().get("first_seen").asText()).startsWith("2021-01-01");
        });
    }

    @Test
    void tacticsListPerDomainAndATacticListsItsTechniquesInMatrixOrder() {
        test((server, client) -> {
            JsonNode all = get(client, "/api/tactics").json().get("tactics");
            assertThat(all).hasSize(3);
            assertThat(all.get(0).get("shortname").asText()).isEqualTo("execution");
            assertThat(all.get(0).get("technique_count").asInt()).isEqualTo(3);
            JsonNode byName = get(client, "/api/tactics/execution").json();
            JsonNode byId = get(client, "/api/tactics/ta0002").json();
            assertThat(byName).isEqualTo(byId);
            assertThat(byName.at("/tactic/name").asText()).isEqualTo("Execution");
            List<String> column = new ArrayList<>();
            byName.get("techniques").forEach(t -> column.add(t.get("id").asText()));
            assertThat(column).containsExactly("T1053", "T1204");
            assertThat(byName.at("/techniques/1/subtechniques/0/id").asText()).isEqualTo("T1204.003");
            assertThat(get(client, "/api/tactics/execution?domain=mobile-attack").json().at("/tactic/id").asText())
                    .isEqualTo("TA0041");
            assertThat(get(client, "/api/tactics/nope").status()).isEqualTo(404);
        });
    }

    @Test
    void suggestCompletesNamesAndIds() {
        test((server, client) -> {
            JsonNode answer = get(client, "/api/suggest?q=mal").json();
            // Fields in a fixed order, the same from one start of the server to the next.
            assertThat(answer.fieldNames()).toIterable().containsExactly("query", "suggestions");
            JsonNode s = answer.get("suggestions");
            assertThat(s.get(0).get("name").asText()).isEqualTo("Malicious Image");
            assertThat(s.get(0).get("url").asText()).isEqualTo("/techniques/T1204.003");
            JsonNode byId = get(client, "/api/suggest?q=T1204").json().get("suggestions");
            assertThat(byId.get(0).get("id").asText()).isEqualTo("T1204");
            assertThat(byId).hasSize(2);
            assertThat(get(client, "/api/suggest?q=image").json().get("suggestions").get(0).get("id").asText())
                    .isIn("T1204.003", "T1525");
            assertThat(get(client, "/api/suggest?q=").json().get("suggestions")).isEmpty();
            assertThat(get(client, "/api/suggest?q=x&limit=50").status()).isEqualTo(400);
        });
    }

    @Test
    void healthReportsTheIndex() {
        test((server, client) -> {
            Answer a = get(client, "/healthz");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().get("status").asText()).isEqualTo("ok");
            assertThat(a.json().at("/attack_versions/enterprise-attack").asText()).isEqualTo("18.1");
            assertThat(a.json().get("documents").asInt()).isEqualTo(18);
        });
    }
}
