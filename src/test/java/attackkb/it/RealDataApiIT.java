package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Json;
import attackkb.RealIndex;
import attackkb.search.SearchRequest;
import attackkb.serving.ServedGeneration;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analyst's user story over HTTP, on the real ATT&CK 18.1 index. */
class RealDataApiIT {
    static ServedGeneration live;

    @BeforeAll
    static void openIndex() {
        live = RealIndex.attack().served();
    }

    static void test(TestCase c) {
        RealIndex.attack().server().test(c);
    }

    static JsonNode get(HttpClient client, String path) throws IOException {
        try (Response r = client.get(path)) {
            assertThat(r.code()).as(path).isEqualTo(200);
            return Json.MAPPER.readTree(r.body().string());
        }
    }

    static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    /** What live search sends while someone types: the word they are typing completes to the one they mean. */
    @Test
    void halfTypedWordsFindWhatTheUserIsTyping() {
        test((server, client) -> {
            JsonNode conta = get(client, "/api/search?q=conta&type=technique");
            assertThat(conta.get("hits")).isNotEmpty();
            for (int i = 0; i < 5; i++) assertThat(conta.at("/hits/" + i + "/name").asText()).contains("Container");
            assertThat(conta.get("fuzzy")).isEmpty();
            assertThat(ids(get(client, "/api/search?q=powersh")).get(0)).isEqualTo("T1059.001");
            assertThat(ids(get(client, "/api/search?q=kerber")).get(0)).isEqualTo("T1558");
            // The htmx fragment the search box asks for, from the same search.
            try (Response r = client.get("/?q=powersh", b -> b.header("HX-Request", "true"))) {
                String html = r.body().string();
                assertThat(html.indexOf("data-id=\"T1059.001\"")).isPositive()
                        .isLessThan(html.indexOf("data-id=\"S0441\"") < 0 ? Integer.MAX_VALUE : html.indexOf("data-id=\"S0441\""));
            }
        });
    }

    /**
     * The API writes its answers by hand: over every object's name (and for every fourth, its first word and a prefix of it) (answers with
     * snippets, facets, typos), each answer is byte for byte what Jackson writes for the same result.
     */
    @Test
    void answerJsonIsJacksonsForEveryName() throws IOException {
        List<String> names = new ArrayList<>();
        for (int offset = 0; ; offset += SearchRequest.MAX_LIMIT) {
            var page = live.search().search(new SearchRequest("", List.of(), List.of(), List.of(), List.of(), List.of(),
                    SearchRequest.MAX_LIMIT, offset));
            page.hits().forEach(h -> names.add(h.name()));
            if (page.hits().size() < SearchRequest.MAX_LIMIT) break;
        }
        assertThat(names).hasSize(3_085);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String word = name.split(" ")[0];
            List<String> queries = i % 4 == 0 ? List.of(name, word, word.substring(0, Math.min(4, word.length())))
                    : List.of(name);
            for (String q : queries) {
                // Every third with a facet selected: drill-sideways counts and selected values.
                SearchRequest request = new SearchRequest(q, i % 3 == 0 ? List.of("Windows") : List.of(), List.of(),
                        List.of(), List.of(), List.of(), 20, 0);
                String api = new String(live.responses().json(request), StandardCharsets.UTF_8);
                String jackson = Json.MAPPER.writeValueAsString(live.responses().result(request));
                assertThat(withoutTook(api)).as(q).isEqualTo(withoutTook(jackson));
            }
        }
    }

    private static String withoutTook(String json) {
        return json.replaceFirst("\"took_ms\":[0-9.]+,", "");
    }

    @Test
    void longFacetListsShowTheirMostFrequentValuesAndAnySelectedOne() {
        test((server, client) -> {
            JsonNode r = get(client, "/api/search?q=process&data_component=Kernel+Module+Load");
            JsonNode components = r.at("/facets/data_component");
            assertThat(components.size()).as("the 30 most frequent and the selected one").isEqualTo(31);
            List<String> values = new ArrayList<>();
            components.forEach(c -> values.add(c.get("value").asText()));
            assertThat(values).contains("Kernel Module Load");
            assertThat(get(client, "/api/search?q=process").at("/facets/data_component").size()).isEqualTo(30);
            assertThat(get(client, "/api/search?q=process").at("/facets/platform").size()).isEqualTo(13);
        });
    }

    @Test
    void containerImageThenContainersFacet() {
        test((server, client) -> {
            JsonNode all = get(client, "/api/search?q=container+image");
            assertThat(ids(all).subList(0, 20)).contains("T1204.003", "T1525");

            JsonNode containers = get(client, "/api/search?q=container+image&platform=Containers");
            assertThat(containers.get("hits")).isNotEmpty().allSatisfy(h ->
                    assertThat(h.get("platforms").toString()).contains("\"Containers\""));
            assertThat(containers.get("total").asLong()).isLessThan(all.get("total").asLong());
            List<String> platformValues = new ArrayList<>();
            containers.get("facets").get("platform").forEach(f -> platformValues.add(f.get("value").asText()));
            assertThat(platformValues).contains("IaaS", "Containers", "Windows");
        });
    }

    @Test
    void idJumpsPutTheObjectFirst() {
        test((server, client) -> {
            for (String[] c : new String[][] {{"T1204.003", "T1204.003"}, {"t1204.003", "T1204.003"},
                    {"1204.003", "T1204.003"}, {"T1204", "T1204"}, {"DET0248", "DET0248"}, {"M1045", "M1045"},
                    {"TA0002", "TA0002"}}) {
                assertThat(ids(get(client, "/api/search?q=" + c[0])).get(0)).as(c[0]).isEqualTo(c[1]);
            }
            List<String> t1204 = ids(get(client, "/api/search?q=T1204"));
            assertThat(t1204.subList(1, 6)).allSatisfy(id -> assertThat(id).startsWith("T1204."));
        });
    }

    @Test
    void maliciousImageDetailListsItsMitigationsAndDetection() {
        test((server, client) -> {
            JsonNode t = get(client, "/api/techniques/T1204.003");
            List<String> mitigations = new ArrayList<>();
            t.get("mitigations").forEach(m -> mitigations.add(m.get("id").asText()));
            assertThat(mitigations).containsExactlyInAnyOrder("M1045", "M1031", "M1017", "M1047");
            assertThat(t.at("/detections/0/id").asText()).isEqualTo("DET0248");
            assertThat(t.at("/detections/0/analytics/0/log_sources")).isNotEmpty();
        });
    }

    @Test
    void typoFallbackStillFindsMaliciousImage() {
        test((server, client) -> {
            JsonNode r = get(client, "/api/search?q=contianer+imgae&type=technique");
            assertThat(ids(r).subList(0, 10)).contains("T1204.003");
            assertThat(r.get("fuzzy")).isNotEmpty();
        });
    }
}
