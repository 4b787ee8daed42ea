package attackkb.urls;

import attackkb.index.HitRecord;
import java.util.Map;

/** The local page of each kind of entity, e.g. {@code /techniques/T1204.003}. */
public final class Links {
    private static final Map<String, String> SECTIONS = Map.of(
            "technique", "techniques",
            "tactic", "tactics",
            "mitigation", "mitigations",
            "detection", "detections",
            "group", "groups",
            "software", "software",
            "campaign", "campaigns",
            "control", "controls");

    private Links() {}

    public static String path(String type, String id) {
        return "/" + SECTIONS.getOrDefault(type, type) + "/" + id;
    }

    /** The page of what a hit shows: a framework entry's is under its framework. */
    public static String path(HitRecord hit) {
        return hit.framework() == null ? path(hit.type(), hit.id()) : entry(hit.framework(), hit.id());
    }

    /** A framework entry's page, e.g. {@code /frameworks/nist_800_53/AC-2(1)}; IDs such as VERIS's hold spaces. */
    public static String entry(String framework, String id) {
        return "/frameworks/" + segment(framework) + "/" + segment(id);
    }

    /** An entity's graph page: {@code /graph/T1204.003}, {@code /graph/nist_800_53:AC-4}. */
    public static String graph(String nodeId) {
        return "/graph/" + segment(nodeId);
    }

    /** Characters a path segment may hold as they are (RFC 3986 pchar); all others percent-encoded as UTF-8. */
    private static final String PCHAR = "-._~!$&'()*+,;=:@";
    private static final String HEX = "0123456789ABCDEF";

    static String segment(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || PCHAR.indexOf(c) >= 0)) out.append(c);
            else out.append('%').append(HEX.charAt(b >> 4 & 0xf)).append(HEX.charAt(b & 0xf));
        }
        return out.toString();
    }
}
