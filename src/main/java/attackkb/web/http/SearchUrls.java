package attackkb.web.http;

import attackkb.search.SearchRequest;
import attackkb.urls.Routes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/** URLs that repeat a search's parameters: pages of results and exports. */
public final class SearchUrls {
    private SearchUrls() {}

    static String query(SearchRequest r, int offset) {
        var q = new StringJoiner("&");
        if (!r.query().isEmpty()) q.add("q=" + encode(r.query()));
        if (r.release() != null) q.add("release=" + encode(r.release()));
        add(q, "type", r.types());
        add(q, "domain", r.domains());
        add(q, "framework", r.frameworks());
        add(q, "platform", r.platforms());
        add(q, "tactic", r.tactics());
        add(q, "data_component", r.dataComponents());
        add(q, "family", r.families());
        add(q, "control", r.controls());
        if (r.limit() != SearchRequest.DEFAULT_LIMIT) q.add("limit=" + r.limit());
        if (r.sort() != attackkb.search.Sort.RELEVANCE) q.add("sort=" + r.sort().key());
        if (offset > 0) q.add("offset=" + offset);
        return q.toString();
    }

    /** The first page of the same search in another order. */
    public static String sorted(SearchRequest r, attackkb.search.Sort sort) {
        return page(r.withSort(sort), 0);
    }

    public static String page(SearchRequest r, int offset) {
        String query = query(r, offset);
        return Routes.SEARCH + (query.isEmpty() ? "" : "?" + query);
    }

    /** The first page of the same search without one selected facet value: a chip's "remove". */
    public static String pageWithout(SearchRequest r, String dimension, String value) {
        var q = new StringJoiner("&");
        if (!r.query().isEmpty()) q.add("q=" + encode(r.query()));
        if (r.release() != null) q.add("release=" + encode(r.release()));
        r.selections().forEach((dim, values) -> values.stream()
                .filter(v -> !(dim.equals(dimension) && v.equals(value)))
                .forEach(v -> q.add(dim + "=" + encode(v))));
        if (r.limit() != SearchRequest.DEFAULT_LIMIT) q.add("limit=" + r.limit());
        if (r.sort() != attackkb.search.Sort.RELEVANCE) q.add("sort=" + r.sort().key());
        return Routes.SEARCH + (q.length() == 0 ? "" : "?" + q);
    }

    public static String export(SearchRequest r, String format) {
        String query = query(r, 0);
        return Routes.API_EXPORT + "?format=" + format + (query.isEmpty() ? "" : "&" + query);
    }

    private static void add(StringJoiner q, String name, List<String> values) {
        values.forEach(v -> q.add(name + "=" + encode(v)));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
