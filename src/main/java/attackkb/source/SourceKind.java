package attackkb.source;

/** What a JSON source holds, recognised from its content rather than its name. */
public enum SourceKind {
    STIX_BUNDLE("ATT&CK STIX 2.1 bundle"),
    CONTROL_MAPPING("ATT&CK-to-control mapping (Mappings Explorer format)"),
    CONTROL_DESCRIPTIONS("control descriptions"),
    OSCAL_CATALOG("OSCAL control catalog"),
    UNKNOWN("unrecognised JSON");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How the index manifest names this kind: {@code stix_bundle}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
