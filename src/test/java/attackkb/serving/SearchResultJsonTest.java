package attackkb.serving;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.Json;
import attackkb.generation.IndexGeneration;
import attackkb.index.HitRecord;
import attackkb.search.FacetValue;
import attackkb.search.SearchHit;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.search.SearchService;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written answer JSON is byte for byte what Jackson writes for the same result. */
class SearchResultJsonTest {
    @JsonIgnoreProperties("took_ms")
    interface WithoutTook {}

    /** The API's JSON style, as Jackson writes it: the reference. */
    static final ObjectWriter JACKSON = Json.MAPPER.copy().addMixIn(SearchResult.class, WithoutTook.class)
            .writerFor(SearchResult.class);

    static IndexGeneration index;
    static SearchService service;

    @BeforeAll
    static void build() throws Exception {
        index = FixtureIndex.BUNDLES.generation();
        service = new SearchService(index);
    }

    static String jackson(SearchResult result) throws Exception {
        return new String(JACKSON.writeValueAsBytes(result), StandardCharsets.UTF_8);
    }

    static String ours(SearchResult result) {
        return new String(SearchResultJson.body(result), StandardCharsets.UTF_8);
    }

    static SearchHit hit(String name, String snippet) {
        return new SearchHit("T1", "technique", name, null, "/techniques/T1", List.of(), List.of("Windows", "Linux"),
                null, List.of("Old " + name, "Older"), 1.5f, snippet, List.of("name", "aliases", "former_names"), null);
    }

    @Test
    void escapesAndEncodesStringsAsJacksonDoes() throws Exception {
        String tricky = "a \"quoted\" back\\slash, tab\there, line\nbreak, cr\r, \b\f, \u0001\u001f\u007f, "
                + "é ü ß, € ≥ 中文, emoji 😀, <mark>&amp;</mark> / slash";
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        facets.put("platform", List.of(new FacetValue("Windows", "Windows", 3, true),
                new FacetValue("Network Devices", "Network \"Devices\"", 0, false)));
        facets.put("tactic", List.of());
        SearchResult result = new SearchResult(tricky, 2, 0.25,
                List.of(hit(tricky, tricky), new SearchHit("T1204.003", "technique", "Malicious Image",
                        "enterprise-attack", "/techniques/T1204.003", List.of("execution"), List.of(),
                        new SearchHit.Parent("T1204", "User Execution"), null, 16.558977f, null, List.of(), "veris")),
                facets, List.of("kerbros", tricky), "kerberos");

        assertThat(ours(result)).isEqualTo(jackson(result));
    }

    @Test
    void leavesOutWhatIsNullAsJacksonDoes() throws Exception {
        SearchResult bare = new SearchResult("", 0, 0, null, null, null, null);
        SearchHit empty = new SearchHit(null, null, null, null, null, null, null, new SearchHit.Parent(null, null),
                List.of(), null, null, null, null);
        SearchResult hollow = new SearchResult("q", 1, 0, List.of(empty), Map.of(), List.of(), null);

        assertThat(ours(bare)).isEqualTo(jackson(bare)).isEqualTo("{\"query\":\"\",\"total\":0}");
        assertThat(ours(hollow)).isEqualTo(jackson(hollow));
    }

    @Test
    void writesAnOlderReleaseAndWhatBecameOfEachHitAsJacksonDoes() throws Exception {
        SearchHit renamed = new SearchHit("T1176", "technique", "Browser Extensions", "enterprise-attack",
                "/techniques/T1176", List.of("persistence"), List.of("Windows"), null, List.of("Browser Extensions"), 9.5f,
                "<mark>Browser</mark>",
                List.of("name"), null, new HitRecord.Current("active", "T1176", "Software Extensions", null, null));
        SearchHit revoked = new SearchHit("T1574.002", "technique", "DLL Side-Loading", null, "/techniques/T1574.001",
                List.of(), List.of(), new SearchHit.Parent("T1574", "Hijack Execution Flow"), null, null, null, null, null,
                new HitRecord.Current("revoked", "T1574.002", "DLL Side-Loading", "T1574.001", "DLL \"quoted\""));
        SearchHit gone = new SearchHit("T1", null, null, null, null, null, null, null, null, null, null, null, null,
                new HitRecord.Current("removed", null, null, null, null));
        SearchHit empty = new SearchHit(null, null, null, null, null, null, null, null, null, null, null, null, null,
                new HitRecord.Current(null, null, null, null, null));
        SearchResult result = new SearchResult("16.1", "browser", 4, 0, List.of(renamed, revoked, gone, empty),
                Map.of(), List.of(), null);

        assertThat(ours(result)).isEqualTo(jackson(result)).startsWith("{\"release\":\"16.1\",\"query\":\"browser\"")
                .contains(",\"current\":{\"status\":\"removed\"}}", "{\"current\":{}}");
    }

    @Test
    void writesCountsAsJacksonDoes() throws Exception {
        for (long total : new long[] {0, 7, 10, 99, 100, 4_805, 999_999_999L, 1_000_000_000L, Long.MAX_VALUE}) {
            SearchResult result = new SearchResult("q", total, 0, List.of(), Map.of("type",
                    List.of(new FacetValue("technique", "Technique", (int) Math.min(total, Integer.MAX_VALUE), false))),
                    List.of(), null);
            assertThat(ours(result)).as("total %s", total).isEqualTo(jackson(result));
        }
    }

    @Test
    void writesEveryFloatAsJacksonDoes() throws Exception {
        for (float score : new float[] {0f, 1e-7f, 0.1f, 3.4028235e38f, 16.558977f, 1234567.9f, 1e7f, 100f}) {
            SearchResult result = new SearchResult("q", 1, 0, List.of(new SearchHit("T1", null, null, null, null,
                    null, null, null, null, score, null, null, null)), null, null, null);
            assertThat(ours(result)).as("score %s", score).isEqualTo(jackson(result));
        }
    }

    @Test
    void escapesSurrogatesOneByOneAsJacksonDoes() throws Exception {
        SearchResult result = new SearchResult("pair 😀, lone \ud83d and \ude00", 0, 0, null, null, null, null);

        assertThat(ours(result)).isEqualTo(jackson(result))
                .isEqualTo("{\"query\":\"pair \\uD83D\\uDE00, lone \\uD83D and \\uDE00\",\"total\":0}");
    }

    @Test
    void writesALongAnswerPastTheBuffersFirstSize() throws Exception {
        String longText = "x\"".repeat(40_000);
        SearchResult result = new SearchResult(longText, 1, 0, List.of(hit(longText, longText)), null, null, null);

        assertThat(ours(result)).isEqualTo(jackson(result));
        assertThat(ours(new SearchResult("short", 0, 0, null, null, null, null)))
                .isEqualTo("{\"query\":\"short\",\"total\":0}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"container image", "conta", "kerbros tickets", "T1204.003", "\"malicious image\"",
            "powershell -encoded", "", "image OR registry", "name:image", "zzzzqqq"})
    void answersOfTheFixtureIndexAreJacksons(String query) throws Exception {
        for (SearchRequest request : List.of(SearchRequest.of(query),
                new SearchRequest(query, List.of("Windows", "Nowhere"), List.of("execution"), List.of(), List.of(),
                        List.of(), 5, 1))) {
            SearchResult result = service.search(request);
            assertThat(ours(result)).as(query).isEqualTo(jackson(result));
        }
    }

    @Test
    void keptHitHeadsWriteTheSameBytesAndOnlyForTheirOwnTexts() throws Exception {
        SearchRequest request = new SearchRequest("image", List.of(), List.of(), List.of(), List.of(), List.of(), 20, 0);
        SearchService.Found found = service.find(request);
        assertThat(found.docs()).hasSize(found.result().hits().size()).isNotEmpty();
        SearchResultJson.Head[] heads = new SearchResultJson.Head[index.table().maxDoc()];
        String first = new String(SearchResultJson.body(found.result(), found.docs(), heads), StandardCharsets.UTF_8);
        assertThat(heads[found.docs()[0]]).isNotNull();
        String again = new String(SearchResultJson.body(found.result(), found.docs(), heads), StandardCharsets.UTF_8);
        assertThat(first).isEqualTo(jackson(found.result())).isEqualTo(again);

        // Another hit in the same document's place (equal texts, other objects) is written field by field.
        SearchHit kept = found.result().hits().get(0);
        SearchHit other = new SearchHit(kept.id(), kept.type(), new String("Renamed"), kept.domain(), kept.url(),
                kept.tactics(), kept.platforms(), kept.parent(), kept.formerNames(), kept.score(), kept.snippet(),
                kept.matched(), kept.framework());
        SearchResult changed = new SearchResult("image", 1, 0, List.of(other), Map.of(), null, null);
        assertThat(new String(SearchResultJson.body(changed, new int[] {found.docs()[0]}, heads), StandardCharsets.UTF_8))
                .isEqualTo(jackson(changed)).contains("\"name\":\"Renamed\"");
        // Former names are part of the head too.
        SearchHit renamed = new SearchHit(kept.id(), kept.type(), kept.name(), kept.domain(), kept.url(), kept.tactics(),
                kept.platforms(), kept.parent(), List.of("Old Image"), kept.score(), kept.snippet(), kept.matched(),
                kept.framework());
        SearchResult withFormer = new SearchResult("image", 1, 0, List.of(renamed), Map.of(), null, null);
        assertThat(new String(SearchResultJson.body(withFormer, new int[] {found.docs()[0]}, heads), StandardCharsets.UTF_8))
                .isEqualTo(jackson(withFormer)).contains("\"former_names\":[\"Old Image\"]");
    }
}
