package attackkb.urls;

import attackkb.index.HitRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The local page of each kind of entity, e.g. {@code /techniques/T1204.003}: a {@link Routes} pattern filled in. */
public final class Links {
    private static final Map<String, String> PAGES = Map.of(
            "technique", Routes.TECHNIQUE,
            "tactic", Routes.TACTIC,
            "mitigation", Routes.MITIGATION,
            "detection", Routes.DETECTION,
            "group", Routes.GROUP,
            "software", Routes.SOFTWARE,
            "campaign", Routes.CAMPAIGN,
            "control", Routes.CONTROL);

    private Links() {}

    /** The page of an entity of {@code type}; a type without pages of its own gets {@code /{type}/{id}}. */
    public static String path(String type, String id) {
        String route = PAGES.get(type);
        return route == null ? "/" + type + "/" + id : route.replace("{id}", id);
    }

    /**
     * The page of what a hit shows: a framework entry's is under its framework; an older release's object leads to the
     * same object in the current release (under its current ID; for a revoked one, the object that replaced it, where
     * its own page redirects), and nowhere when it is no longer there.
     */
    public static String path(HitRecord hit) {
        HitRecord.Current now = hit.current();
        if (now != null) {
            String id = now.successor() != null ? now.successor() : now.id();
            return id == null ? null : path(hit.type(), id);
        }
        return hit.framework() == null ? path(hit.type(), hit.id()) : entry(hit.framework(), hit.id());
    }

    /** A framework's page, e.g. {@code /frameworks/nist_800_53}. */
    public static String framework(String key) {
        return Routes.FRAMEWORK.replace("{key}", segment(key));
    }

    /** A framework entry's page, e.g. {@code /frameworks/nist_800_53/AC-2(1)}; IDs such as VERIS's hold spaces. */
    public static String entry(String framework, String id) {
        return Routes.FRAMEWORK_ENTRY.replace("{key}", segment(framework)).replace("{entry}", segment(id));
    }

    /** An entity's graph page: {@code /graph/T1204.003}, {@code /graph/nist_800_53:AC-4}. */
    public static String graph(String nodeId) {
        return Routes.GRAPH.replace("{id}", segment(nodeId));
    }

    /** The graph page's data: {@code /api/graph/T1204.003}. */
    public static String graphApi(String nodeId) {
        return Routes.API_GRAPH.replace("{id}", segment(nodeId));
    }

    /** A domain's matrix: {@code /matrix/mobile-attack}. */
    public static String matrix(String domain) {
        return Routes.MATRIX_OF_DOMAIN.replace("{domain}", URLEncoder.encode(domain, StandardCharsets.UTF_8));
    }

    /** Between two releases in a changes page's address: {@code 16.1...18.1}. */
    public static final String RANGE = "...";

    /** The changes page of two releases, with filters (URL parameters, possibly empty): {@code /changes/16.1...18.1}. */
    public static String changes(String from, String to, String filters) {
        return Routes.CHANGES_BETWEEN.replace("{range}", segment(from) + RANGE + segment(to)) + query(filters);
    }

    /** The API's changes of two releases, with filters and a format (empty for JSON shown inline). */
    public static String changesApi(String from, String to, String filters, String format) {
        return Routes.API_CHANGES + "?from=" + segment(from) + "&to=" + segment(to)
                + (filters.isEmpty() ? "" : "&" + filters) + (format.isEmpty() ? "" : "&format=" + format);
    }

    /** The Navigator layer of two releases' changes: {@code /api/changes/layer.json?from=16.1&to=18.1&domain=…}. */
    public static String changesLayer(String from, String to, String filters) {
        return Routes.API_CHANGES_LAYER + "?from=" + segment(from) + "&to=" + segment(to) + (filters.isEmpty() ? "" : "&" + filters);
    }

    private static String query(String parameters) {
        return parameters == null || parameters.isEmpty() ? "" : "?" + parameters;
    }

    /** The search page listing what {@code query} (already URL-encoded parameters) selects: {@code /search?type=technique}. */
    public static String search(String query) {
        return Routes.SEARCH + "?" + query;
    }

    /** Characters a path segment may hold as they are (RFC 3986 pchar); all others percent-encoded as UTF-8. */
    private static final String PCHAR = "-._~!$&'()*+,;=:@";
    private static final String HEX = "0123456789ABCDEF";

    static String segment(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || PCHAR.indexOf(c) >= 0)) out.append(c);
            else out.append('%').append(HEX.charAt(b >> 4 & 0xf)).append(HEX.charAt(b & 0xf));
        }
        return out.toString();
    }
}
