package attackkb.search;

import java.util.List;
import java.util.Map;

/** A page of hits, the true total, and the facet counts of the whole selection. */
public record SearchResult(
        String query, long total, double tookMs, List<SearchHit> hits, Map<String, List<FacetValue>> facets) {}
