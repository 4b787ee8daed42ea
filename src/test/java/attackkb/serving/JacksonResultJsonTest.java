package attackkb.serving;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.search.FacetValue;
import attackkb.search.SearchHit;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.search.SearchService;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's candidate writer writes what Jackson's mapper writes, as the hand-written one does. */
class JacksonResultJsonTest {
    static String candidate(SearchResult result) {
        return new String(JacksonResultJson.body(result), StandardCharsets.UTF_8);
    }

    @Test
    void writesTrickyAndEmptyResultsAsTheMapperDoes() throws Exception {
        String tricky = "a \"quoted\" back\\slash, tab\there, \u0001\u007f, é € 中文, emoji 😀, lone \ud83d, <mark>&amp;</mark>";
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        facets.put("platform", List.of(new FacetValue("Windows", tricky, 3, true)));
        facets.put("tactic", List.of());
        SearchHit empty = new SearchHit(null, null, null, null, null, null, null, new SearchHit.Parent(null, null),
                List.of(), null, null, null, null);
        List<SearchResult> results = List.of(
                new SearchResult(tricky, Long.MAX_VALUE, 0.25, List.of(SearchResultJsonTest.hit(tricky, tricky), empty),
                        facets, java.util.Arrays.asList("kerbros", null), "kerberos"),
                new SearchResult("", 0, 0, null, null, null, null),
                new SearchResult("q", 1, 0, List.of(new SearchHit("T1", null, null, null, null, null, null, null,
                        null, 3.4028235e38f, null, null, null)), Map.of(), List.of(), null),
                new SearchResult("x\"".repeat(40_000), 1, 0, null, null, null, null));
        for (SearchResult result : results) {
            assertThat(candidate(result)).isEqualTo(SearchResultJsonTest.jackson(result));
        }
    }

    @Test
    void keptHeadsWriteTheSameBytesAndOnlyForTheirOwnTexts() throws Exception {
        SearchResultJsonTest.build();
        SearchService.Found found = SearchResultJsonTest.service.find(
                new SearchRequest("image", List.of(), List.of(), List.of(), List.of(), List.of(), 20, 0));
        JacksonResultJson.Head[] heads = new JacksonResultJson.Head[SearchResultJsonTest.index.table().maxDoc()];
        for (int pass = 0; pass < 2; pass++) {
            String written = new String(JacksonResultJson.body(found.result(), found.docs(), heads), StandardCharsets.UTF_8);
            assertThat(written).isEqualTo(SearchResultJsonTest.jackson(found.result()));
        }
        assertThat(heads[found.docs()[0]]).isNotNull();

        SearchHit kept = found.result().hits().get(0);
        SearchHit other = new SearchHit(kept.id(), kept.type(), new String("Renamed"), kept.domain(), kept.url(),
                kept.tactics(), kept.platforms(), kept.parent(), kept.formerNames(), null, null, null, null);
        SearchHit bare = new SearchHit(kept.id(), kept.type(), kept.name(), kept.domain(), kept.url(), kept.tactics(),
                kept.platforms(), kept.parent(), kept.formerNames(), null, null, null, null);
        SearchResult changed = new SearchResult("image", 3, 0, List.of(kept, bare, other), Map.of(), null, null);
        int doc = found.docs()[0];
        assertThat(new String(JacksonResultJson.body(changed, new int[] {doc, doc, doc}, heads),
                StandardCharsets.UTF_8)).isEqualTo(SearchResultJsonTest.jackson(changed)).contains("\"name\":\"Renamed\"");
    }
}
