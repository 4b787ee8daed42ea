package attackkb.model;

import java.util.Map;

/** ATT&CK's domains as people name them: {@code ics-attack} is "ICS". */
public final class Domains {
    private static final Map<String, String> LABELS = Map.of(
            "enterprise-attack", "Enterprise", "mobile-attack", "Mobile", "ics-attack", "ICS");

    private Domains() {}

    public static String label(String key) {
        return key == null ? null : LABELS.getOrDefault(key, key);
    }

    /** Every domain's label by key, for templates. */
    public static Map<String, String> labels() {
        return LABELS;
    }
}
