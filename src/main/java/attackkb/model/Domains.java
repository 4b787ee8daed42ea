package attackkb.model;

import java.util.Map;

/** ATT&CK's domains as people name them: {@code ics-attack} is "ICS". */
public final class Domains {
    /** In ATT&CK's own order: Enterprise, Mobile, ICS. */
    private static final Map<String, String> LABELS = ordered();

    private static Map<String, String> ordered() {
        var labels = new java.util.LinkedHashMap<String, String>();
        labels.put("enterprise-attack", "Enterprise");
        labels.put("mobile-attack", "Mobile");
        labels.put("ics-attack", "ICS");
        return java.util.Collections.unmodifiableMap(labels);
    }

    private Domains() {}

    public static String label(String key) {
        return key == null ? null : LABELS.getOrDefault(key, key);
    }

    /** Every domain's label by key, in ATT&CK's order, for templates. */
    public static Map<String, String> labels() {
        return LABELS;
    }
}
