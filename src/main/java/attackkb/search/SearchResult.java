package attackkb.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the true total, and the facet counts of the whole selection. {@code fuzzy} lists the query
 * terms found nowhere in the index, for which similar words were searched instead (a typo fallback).
 */
public record SearchResult(
        String query,
        long total,
        double tookMs,
        List<SearchHit> hits,
        Map<String, List<FacetValue>> facets,
        List<String> fuzzy,
        String didYouMean) {}
