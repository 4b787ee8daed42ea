package attackkb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import attackkb.BadInputException;
import attackkb.FixtureIndex;
import attackkb.generation.IndexGeneration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact hits and counts over the fixture index. */
class SearchServiceTest {
    static IndexGeneration index;
    static SearchService service;

    @BeforeAll
    static void build() throws Exception {
        index = FixtureIndex.BUNDLES.generation();
        service = new SearchService(index);
    }

    static SearchResult search(String q) {
        return service.search(SearchRequest.of(q));
    }

    static SearchRequest request(String q, List<String> platforms, List<String> tactics, List<String> types) {
        return new SearchRequest(q, platforms, tactics, List.of(), List.of(), types, 20, 0);
    }

    static List<String> ids(SearchResult r) {
        return r.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void findsTheUserStoryTechniquesForContainerImage() {
        SearchResult r = search("container image");
        assertThat(ids(r).subList(0, 2)).containsExactlyInAnyOrder("T1204.003", "T1525");
        SearchHit first = r.hits().stream().filter(h -> h.id().equals("T1204.003")).findFirst().orElseThrow();
        assertThat(first.name()).isEqualTo("Malicious Image");
        assertThat(first.url()).isEqualTo("/techniques/T1204.003");
        assertThat(first.tactics()).containsExactly("execution");
        assertThat(first.platforms()).containsExactly("IaaS", "Containers");
        assertThat(first.parent()).isEqualTo(new SearchHit.Parent("T1204", "User Execution"));
        assertThat(first.snippet()).contains("<mark>container</mark>").contains("<mark>image</mark>");
        assertThat(first.matched()).contains("name", "statement", "detection", "mitigation");
        assertThat(r.hits().get(0).score()).isGreaterThanOrEqualTo(r.hits().get(1).score());
    }

    @ParameterizedTest
    @CsvSource({"T1204.003,T1204.003", "t1204.003,T1204.003", "1204.003,T1204.003", "DET0248,DET0248",
            "m1045,M1045", "TA0002,TA0002", "G0139,G0139", "S0601,S0601"})
    void putsTheObjectOfAnIdFirst(String query, String expected) {
        assertThat(ids(search(query))).first().isEqualTo(expected);
    }

    @Test
    void aTechniqueIdListsTheTechniqueThenItsSubTechniques() {
        assertThat(ids(search("T1204"))).containsExactly("T1204", "T1204.003");
    }

    @Test
    void facetFiltersAreAndedAcrossFacetsAndCountedSideways() {
        SearchResult r = service.search(request("image", List.of("Containers"), List.of(), List.of("technique")));
        assertThat(ids(r)).containsExactly("T1204.003", "T1525");
        assertThat(r.hits()).allSatisfy(h -> assertThat(h.platforms()).contains("Containers"));
        // Drill sideways: the platform facet counts as if Containers were not ticked, so IaaS shows too.
        assertThat(r.facets().get("platform"))
                .contains(new FacetValue("Containers", "Containers", 2, true), new FacetValue("IaaS", "IaaS", 2, false));
        // Other facets count within the selection; tactics are labelled by name.
        assertThat(r.facets().get("tactic")).containsExactlyInAnyOrder(
                new FacetValue("execution", "Execution", 1, false), new FacetValue("persistence", "Persistence", 1, false));
        assertThat(r.facets().get("type")).contains(new FacetValue("technique", "Technique", 2, true), new FacetValue("detection", "Detection strategy", 1, false));
    }

    @Test
    void valuesWithinAFacetAreOred() {
        SearchResult r = service.search(request("", List.of("Android", "Windows"), List.of(), List.of("technique")));
        assertThat(ids(r)).containsExactly("T1053", "T1204", "T1575");
    }

    @Test
    void aTacticFilterFindsTechniquesInSeveralTactics() {
        SearchResult r = service.search(request("", List.of(), List.of("persistence"), List.of("technique")));
        assertThat(ids(r)).containsExactly("T1053", "T1525");
    }

    @Test
    void anEmptyQueryListsTheSelectionInIdOrderWithoutScores() {
        SearchResult r = service.search(request("", List.of(), List.of(), List.of("technique")));
        assertThat(ids(r)).containsExactly("T1053", "T1204", "T1204.003", "T1234", "T1525", "T1575");
        assertThat(r.total()).isEqualTo(6);
        assertThat(r.hits()).allSatisfy(h -> assertThat(h.score()).isNull());
    }

    @Test
    void revokedAndDeprecatedObjectsAreLeftOut() {
        assertThat(ids(search("Old Image Implant"))).doesNotContain("T9999");
        assertThat(ids(search("Deprecated Image Trick"))).doesNotContain("T1000");
        assertThat(ids(search("Old Mitigation"))).doesNotContain("M0001");
        assertThat(ids(search("T9999"))).isEmpty();
    }

    @Test
    void stemsAndFoldsSoImagesFindsImage() {
        assertThat(ids(search("images"))).contains("T1204.003", "T1525");
        assertThat(ids(search("IMAGE"))).contains("T1204.003", "T1525");
    }

    @Test
    void phraseQueriesAreStricterThanBagsOfWords() {
        assertThat(ids(search("\"malicious image\""))).contains("T1204.003").doesNotContain("T1053");
        assertThat(ids(search("malicious image"))).contains("T1204.003", "T1053");
    }

    @Test
    void supportsFieldedTermsAndBooleanOperators() {
        assertThat(ids(search("name:image"))).containsExactlyInAnyOrder("T1204.003", "T1525", "DET0248");
        assertThat(ids(search("image -implant"))).contains("T1204.003").doesNotContain("T1525");
        assertThat(ids(search("platform:containers AND type:technique"))).containsExactlyInAnyOrder(
                "T1204", "T1204.003", "T1525");
        assertThat(ids(search("detection:docker"))).containsExactlyInAnyOrder("T1204.003", "DET0248");
    }

    @Test
    void findsDottedWordsByTheirParts() {
        assertThat(ids(search("daemon"))).contains("T1204.003"); // from the log source "docker:daemon"
    }

    @Test
    void findsGroupsBySoftwareAndAlias() {
        assertThat(ids(search("Adept Libra"))).first().isEqualTo("G0139");
    }

    @Test
    void snippetsAreEscapedExceptForTheMarks() {
        SearchHit hit = search("scheduled script").hits().get(0);
        assertThat(hit.id()).isEqualTo("T1053");
        assertThat(hit.snippet()).contains("&lt;<mark>script</mark>&gt;").doesNotContain("<script>");
    }

    /** Each is searched as its words alone: exactly their hits, which only "image" of the fixture's words has. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"unclosed | unclosed | 0", "AND OR ( | AND OR | 0", "field: | field | 0",
            "name: | name | 0", "((image | image | 5", "image^ | image | 5", "[a TO | a TO | 0", "/regex(/ | regex | 0"})
    void unparseableSyntaxIsSearchedAsPlainTextNeverAnError(String q, String words, int total) {
        SearchResult r = search(q);
        assertThat(r.total()).isEqualTo(total);
        assertThat(ids(r)).isEqualTo(ids(search(words))).hasSize(total);
    }

    @Test
    void aLoneWildcardIsNoWordAndFindsNothing() {
        SearchResult r = search("*");
        assertThat(r.total()).isZero();
        assertThat(r.hits()).isEmpty();
    }

    @Test
    void misspelledWordsFallBackToSimilarOnes() {
        SearchResult r = search("contianer imgae");
        assertThat(ids(r).subList(0, 2)).containsExactlyInAnyOrder("T1204.003", "T1525");
        assertThat(r.fuzzy()).as("the words as typed").containsExactly("contianer", "imgae");
        assertThat(r.didYouMean()).isEqualTo("container image");
        assertThat(search("container image").fuzzy()).isEmpty();
        assertThat(search("container image").didYouMean()).isNull();
    }

    @Test
    void theLastWordAlsoFindsTheWordsItStarts() {
        SearchResult r = search("implan");
        assertThat(ids(r)).first().isEqualTo("T1525");
        assertThat(r.fuzzy()).isEmpty();
        assertThat(r.hits().get(0).snippet()).contains("<mark>");
        assertThat(ids(search("malicious ima"))).first().isEqualTo("T1204.003");
    }

    @Test
    void onlyAWordThatStartsNothingIsCorrectedAsATypo() {
        assertThat(search("contianer imag").fuzzy()).containsExactly("contianer");
        assertThat(search("contianer imag").didYouMean()).isEqualTo("container imag");
        assertThat(search("contianer").fuzzy()).containsExactly("contianer");
    }

    @Test
    void facetValuesAreMostFrequentFirstThenInValueOrder() {
        SearchResult r = search("");
        r.facets().values().forEach(values -> {
            for (int i = 1; i < values.size(); i++) {
                FacetValue a = values.get(i - 1);
                FacetValue b = values.get(i);
                assertThat(a.count() > b.count() || a.count() == b.count() && a.value().compareTo(b.value()) < 0)
                        .as(a + " before " + b).isTrue();
            }
        });
        assertThat(r.facets().get("type")).extracting(FacetValue::value, FacetValue::count).containsExactly(
                tuple("technique", 6), tuple("tactic", 3), tuple("mitigation", 2), tuple("campaign", 1),
                tuple("detection", 1), tuple("group", 1), tuple("software", 1));
        assertThat(r.facets().get("platform")).extracting(FacetValue::value, FacetValue::count).containsExactly(
                tuple("Containers", 5), tuple("IaaS", 4), tuple("Linux", 3), tuple("Windows", 2), tuple("Android", 1));
    }

    @Test
    void curatedSynonymsWidenTheSearch() {
        assertThat(ids(search("k8s"))).containsExactly("T1525");
    }

    @Test
    void unbalancedQuoteStillFindsTheWords() {
        assertThat(ids(search("\"container image"))).contains("T1204.003");
    }

    @Test
    void pagesPastTheEndAreEmptyWithTheTrueTotal() {
        SearchResult all = search("image");
        SearchResult page = service.search(new SearchRequest("image", List.of(), List.of(), List.of(), List.of(), List.of(), 2, 2));
        assertThat(ids(page)).isEqualTo(ids(all).subList(2, 4));
        SearchResult past = service.search(new SearchRequest("image", List.of(), List.of(), List.of(), List.of(), List.of(), 5, 500));
        assertThat(past.hits()).isEmpty();
        assertThat(past.total()).isEqualTo(all.total());
    }

    @Test
    void snippetsRememberedFromEarlierSearchesAreThoseAFreshGenerationCuts() {
        List<String> queries = List.of("container image", "image", "container", "powershell", "kerberos tickets",
                "image registry", "conta", "powersh", "malicious image", "deploy container");
        SearchService warm = new SearchService(index);
        for (String q : queries) warm.search(SearchRequest.of(q)); // cuts remembered, in another order below
        for (int i = queries.size() - 1; i >= 0; i--) {
            String q = queries.get(i);
            SearchService fresh = new SearchService(index);
            assertThat(warm.search(SearchRequest.of(q)).hits()).as(q).extracting(SearchHit::snippet)
                    .isEqualTo(fresh.search(SearchRequest.of(q)).hits().stream().map(SearchHit::snippet).toList());
        }
    }

    @Test
    void theSameQueryGivesTheSameOrderEveryTime() {
        assertThat(ids(search("image"))).isEqualTo(ids(search("image")));
    }

    @Test
    void rejectsInvalidRequestsWithAReason() {
        assertThatThrownBy(() -> new SearchRequest("x", null, null, null, null, null, 0, 0))
                .isInstanceOf(BadInputException.class).hasMessage("limit must be between 1 and 100, got 0");
        assertThatThrownBy(() -> new SearchRequest("x", null, null, null, null, null, 101, 0))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new SearchRequest("x", null, null, null, null, null, 10, -1))
                .isInstanceOf(BadInputException.class).hasMessage("offset must be between 0 and 10000, got -1");
        assertThatThrownBy(() -> SearchRequest.of("a".repeat(1001)))
                .isInstanceOf(BadInputException.class).hasMessage("query is 1001 characters long; the limit is 1000");
    }

    @Test
    void resultsSortByRelevanceIdOrName() {
        List<String> types = List.of("technique");
        SearchRequest byName = new SearchRequest("", List.of(), List.of(), List.of(), List.of(), types, List.of(), List.of(),
                List.of(), 20, 0, Sort.NAME);
        List<String> names = service.search(byName).hits().stream().map(SearchHit::name).toList();
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).containsExactly("Bare Technique",
                "Implant Internal Image", "Malicious Image", "Native API", "Scheduled Task/Job", "User Execution");
        SearchRequest byId = new SearchRequest("implant image", List.of(), List.of(), List.of(), List.of(), types, List.of(),
                List.of(), List.of(), 20, 0, Sort.ID);
        assertThat(ids(service.search(byId))).containsExactly("T1204.003", "T1525");
        assertThat(ids(service.search(byId.at(20, 0).withSort(Sort.RELEVANCE)))).as("by relevance").containsExactly("T1525", "T1204.003");
        assertThatThrownBy(() -> Sort.of("size")).isInstanceOf(attackkb.BadInputException.class)
                .hasMessage("sort must be relevance, id or name, got \"size\"");
    }
}
