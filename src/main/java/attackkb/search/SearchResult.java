package attackkb.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the true total, and the facet counts of the whole selection. {@code fuzzy} lists the query
 * terms found nowhere in the index, for which similar words were searched instead (a typo fallback). {@code release}
 * is the older ATT&CK release searched, or null for the current one.
 */
public record SearchResult(
        String release,
        String query,
        long total,
        double tookMs,
        List<SearchHit> hits,
        Map<String, List<FacetValue>> facets,
        List<String> fuzzy,
        String didYouMean) {

    /** A result of the current release. */
    public SearchResult(String query, long total, double tookMs, List<SearchHit> hits, Map<String, List<FacetValue>> facets,
            List<String> fuzzy, String didYouMean) {
        this(null, query, total, tookMs, hits, facets, fuzzy, didYouMean);
    }
}
