package attackkb.urls;

/** Every URL the server answers, in one place. */
public final class Routes {
    public static final String HEALTH = "/healthz";
    public static final String METRICS = "/metrics";

    public static final String API = "/api";
    public static final String API_SEARCH = API + "/search";
    public static final String API_SUGGEST = API + "/suggest";
    public static final String API_TECHNIQUE = API + "/techniques/{id}";
    public static final String API_TECHNIQUE_RELATED = API + "/techniques/{id}/related";
    public static final String API_MITIGATION = API + "/mitigations/{id}";
    public static final String API_DETECTION = API + "/detections/{id}";
    public static final String API_GROUP = API + "/groups/{id}";
    public static final String API_SOFTWARE = API + "/software/{id}";
    public static final String API_CAMPAIGN = API + "/campaigns/{id}";
    /** A group's, software's or campaign's techniques as an ATT&CK Navigator layer: {@code /api/groups/G0139/layer.json}. */
    public static final String API_ACTOR_LAYER = API + "/{section}/{id}/layer.json";
    public static final String API_TACTICS = API + "/tactics";
    public static final String API_TACTIC = API + "/tactics/{id}";
    public static final String API_EXPORT = API + "/export";
    public static final String API_CONTROLS = API + "/controls";
    public static final String API_CONTROL = API + "/controls/{id}";
    public static final String API_CONTROL_TECHNIQUES_CSV = API + "/controls/{id}/techniques.csv";
    public static final String API_TECHNIQUE_CONTROLS_CSV = API + "/techniques/{id}/controls.csv";
    public static final String API_GRAPH = API + "/graph/{id}";
    public static final String API_FRAMEWORKS = API + "/frameworks";
    public static final String API_CROSSWALK = API + "/crosswalk";
    public static final String API_FRAMEWORK = API + "/frameworks/{key}";
    public static final String API_FRAMEWORK_ENTRY = API + "/frameworks/{key}/{entry}";
    public static final String API_FRAMEWORK_ENTRY_CSV = API + "/frameworks/{key}/{entry}/techniques.csv";
    public static final String API_FRAMEWORK_ENTRY_LAYER = API + "/frameworks/{key}/{entry}/layer.json";
    /** What changed between two held ATT&CK releases: {@code /api/changes?from=16.1&to=18.1[&format=csv|layer]}. */
    public static final String API_CHANGES = API + "/changes";
    /** The same changes as a Navigator layer of one domain. */
    public static final String API_CHANGES_LAYER = API + "/changes/layer.json";
    /** POST a Navigator layer or a list of technique IDs written for an older ATT&CK release: it comes back upgraded. */
    public static final String API_LAYER_UPGRADE = API + "/layers/upgrade";

    public static final String HOME = "/";
    public static final String SEARCH = "/search";
    public static final String TECHNIQUE = "/techniques/{id}";
    /** attack.mitre.org's form of a sub-technique's address, {@code /techniques/T1204/003}: redirected. */
    public static final String TECHNIQUE_AS_ON_MITRE = "/techniques/{id}/{sub}";
    public static final String FAVICON = "/favicon.ico";
    public static final String TACTICS = "/tactics";
    public static final String TACTIC = "/tactics/{id}";
    public static final String MITIGATION = "/mitigations/{id}";
    public static final String DETECTION = "/detections/{id}";
    public static final String GROUP = "/groups/{id}";
    public static final String SOFTWARE = "/software/{id}";
    public static final String CAMPAIGN = "/campaigns/{id}";
    public static final String CONTROLS = "/controls";
    public static final String CONTROL = "/controls/{id}";
    public static final String FRAMEWORKS = "/frameworks";
    public static final String FRAMEWORK = "/frameworks/{key}";
    public static final String FRAMEWORK_ENTRY = "/frameworks/{key}/{entry}";
    public static final String GRAPH = "/graph/{id}";
    public static final String MATRIX = "/matrix";
    public static final String MATRIX_OF_DOMAIN = "/matrix/{domain}";
    /** The changes page: redirects to the latest pair of releases held, or to the pair its form names. */
    public static final String CHANGES = "/changes";
    /** What changed between two releases: {@code /changes/16.1...18.1}. */
    public static final String CHANGES_BETWEEN = "/changes/{range}";
    /** The form to upgrade a layer (GET) and its result (POST). */
    public static final String UPGRADE = "/upgrade";
    public static final String STATIC = "/static";
    /** The webjars (htmx, d3), under their versioned paths. */
    public static final String WEBJARS = "/webjars";

    private Routes() {}
}
