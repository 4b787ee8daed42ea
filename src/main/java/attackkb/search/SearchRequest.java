package attackkb.search;

import attackkb.BadInputException;
import attackkb.index.IndexSchema;
import attackkb.mapping.ControlId;
import attackkb.releases.ReleaseOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One search: free text plus facet selections. Values within one facet are OR-ed, facets are AND-ed.
 * The constructor validates, so an invalid request cannot exist. {@code release} is the ATT&CK release to search, or
 * null for the current one; whether the index holds it is for the server to say.
 */
public record SearchRequest(
        String query,
        List<String> platforms,
        List<String> tactics,
        List<String> dataComponents,
        List<String> domains,
        List<String> types,
        List<String> frameworks,
        List<String> families,
        List<String> controls,
        int limit,
        int offset,
        Sort sort,
        String release) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;
    public static final int MAX_QUERY_LENGTH = 1_000;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        platforms = clean(platforms);
        tactics = clean(tactics);
        dataComponents = clean(dataComponents);
        domains = clean(domains);
        types = clean(types);
        frameworks = clean(frameworks);
        families = clean(families);
        // Any spelling of a control ID selects it (ac-04, AC-2.1), as the index holds the one normalised form.
        controls = controls == null || controls.isEmpty() ? List.of()
                : clean(controls).stream().map(c -> ControlId.normalize(c).orElse(c)).distinct().toList();
        sort = sort == null ? Sort.RELEVANCE : sort;
        release = release == null || release.isBlank() ? null : release.strip();
        if (release != null && !ReleaseOrder.isRelease(release)) {
            throw new BadInputException("release must be an ATT&CK release such as 16.1, got \""
                    + (release.length() > 20 ? release.substring(0, 20) + "…" : release) + "\"");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new BadInputException("query is " + query.length() + " characters long; the limit is " + MAX_QUERY_LENGTH);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadInputException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new BadInputException("offset must be between 0 and " + MAX_OFFSET + ", got " + offset);
        }
    }

    /** A search of the current release. */
    public SearchRequest(String query, List<String> platforms, List<String> tactics, List<String> dataComponents,
            List<String> domains, List<String> types, List<String> frameworks, List<String> families,
            List<String> controls, int limit, int offset, Sort sort) {
        this(query, platforms, tactics, dataComponents, domains, types, frameworks, families, controls, limit, offset,
                sort, null);
    }

    /** Ordered by relevance (by ID without words), as most callers ask. */
    public SearchRequest(String query, List<String> platforms, List<String> tactics, List<String> dataComponents,
            List<String> domains, List<String> types, List<String> frameworks, List<String> families,
            List<String> controls, int limit, int offset) {
        this(query, platforms, tactics, dataComponents, domains, types, frameworks, families, controls, limit, offset,
                Sort.RELEVANCE);
    }

    /** A request without framework, family and control filters, as most callers make. */
    public SearchRequest(String query, List<String> platforms, List<String> tactics, List<String> dataComponents,
            List<String> domains, List<String> types, int limit, int offset) {
        this(query, platforms, tactics, dataComponents, domains, types, List.of(), List.of(), List.of(), limit, offset);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), List.of(), List.of(), List.of(), List.of(), DEFAULT_LIMIT, 0);
    }

    /** The same search in another order. */
    public SearchRequest withSort(Sort newSort) {
        return new SearchRequest(query, platforms, tactics, dataComponents, domains, types, frameworks, families, controls,
                limit, offset, newSort, release);
    }

    /** The same search at another page. */
    public SearchRequest at(int newLimit, int newOffset) {
        return new SearchRequest(query, platforms, tactics, dataComponents, domains, types, frameworks, families, controls,
                newLimit, newOffset, sort, release);
    }

    /** The same search in another release (null: the current one). */
    public SearchRequest withRelease(String newRelease) {
        return new SearchRequest(query, platforms, tactics, dataComponents, domains, types, frameworks, families, controls,
                limit, offset, sort, newRelease);
    }

    /** The same search for other words, from its first page. */
    public SearchRequest withQuery(String newQuery) {
        return new SearchRequest(newQuery, platforms, tactics, dataComponents, domains, types, frameworks, families,
                controls, limit, 0, sort, release);
    }

    /** The facet selections keyed by facet dimension, in {@link IndexSchema#FACETS} order. */
    public Map<String, List<String>> selections() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put(IndexSchema.TYPE, types);
        map.put(IndexSchema.DOMAIN, domains);
        map.put(IndexSchema.FRAMEWORK, frameworks);
        map.put(IndexSchema.PLATFORM, platforms);
        map.put(IndexSchema.TACTIC, tactics);
        map.put(IndexSchema.DATA_COMPONENT, dataComponents);
        map.put(IndexSchema.FAMILY, families);
        map.put(IndexSchema.CONTROL, controls);
        return map;
    }

    private static List<String> clean(List<String> values) {
        return values == null || values.isEmpty() ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }
}
