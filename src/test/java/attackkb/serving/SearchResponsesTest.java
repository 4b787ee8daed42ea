package attackkb.serving;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.generation.IndexGeneration;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.search.SearchService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Answers are kept from their request's second time on, and the API's JSON carries each call's own took_ms. */
class SearchResponsesTest {
    static IndexGeneration index;
    static SearchService service;

    @BeforeAll
    static void build() throws Exception {
        index = FixtureIndex.BUNDLES.generation();
        service = new SearchService(index);
    }

    @Test
    void keepsAnAnswerFromItsSecondRequestOn() {
        var responses = new SearchResponses(service, 4);
        SearchRequest request = SearchRequest.of("container image");

        SearchResult first = responses.result(request);
        SearchResult second = responses.result(request);
        SearchResult third = responses.result(request);

        assertThat(second).as("a request nobody repeated is not kept").isNotSameAs(first)
                .usingRecursiveComparison().ignoringFields("tookMs").isEqualTo(first);
        assertThat(third).isSameAs(second);
        assertThat(responses.result(SearchRequest.of("container"))).isNotSameAs(responses.result(SearchRequest.of("container")));
    }

    @Test
    void keepsNothingWithoutACache() {
        var responses = new SearchResponses(service, 0);
        SearchRequest request = SearchRequest.of("container image");

        responses.result(request);
        responses.result(request);

        assertThat(responses.result(request)).isNotSameAs(responses.result(request));
    }

    @Test
    void everyJsonAnswerStartsWithItsOwnTook() {
        var responses = new SearchResponses(service, 4);
        SearchRequest request = SearchRequest.of("malicious image");
        for (int time = 0; time < 3; time++) {
            String json = new String(responses.json(request), StandardCharsets.UTF_8);
            assertThat(json).matches("\\{\"took_ms\":\\d+\\.\\d\\d,\"query\":\"malicious image\",\"total\":\\d+,.*\\}");
        }
    }
}
