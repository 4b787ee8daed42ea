package attackkb.web.pages;

import attackkb.search.FacetValue;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import java.util.List;
import java.util.Map;

/**
 * The search page with results: facets, the hits, the sorts, paging and exports.
 *
 * @param landing always false (see {@link LandingPage#landing})
 * @param from the first hit's number on the page (1-based, 0 when there is none); {@code to} the last's
 * @param previous the previous page's URL, or null on the first; {@code next} likewise
 * @param didYouMeanUrl the search for the suggested spelling, or null
 * @param frameworkNames framework keys to names; {@code typeLabels} and {@code tacticNames} likewise, for the hits' tags
 * @param chips the selected facet values, each with the search without it
 * @param releases the releases that can be searched, and the one searched
 */
record ResultsPage(String title, SearchRequest request, boolean landing, SearchResult result, int from, int to,
        String previous, String next, List<Pager.Link> pages, List<SortLink> sorts, String didYouMeanUrl, Exports exports,
        List<FacetView> facetViews, Map<String, String> frameworkNames, Map<String, String> typeLabels,
        Map<String, String> tacticNames, List<Chip> chips, ReleaseChoice releases) {

    /** An order the results can be sorted in, and whether it is the one shown. */
    record SortLink(String key, String label, String url, boolean current) {}

    /** The results as downloads. */
    record Exports(String csv, String json, String navigator) {}

    /** A dimension with values: its label, the first values, the rest, and whether one of the rest is ticked. */
    record FacetView(String key, String label, List<FacetValue> top, List<FacetValue> more, boolean moreSelected) {}

    /** A selected facet value: its dimension, its label, and the search without it. */
    record Chip(String dimension, String label, String url) {}
}
