package attackkb.search;

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
}
