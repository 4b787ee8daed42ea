package attackkb.source;

import attackkb.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The official files a user who gives no {@code --data} gets, each fetched from a repository commit (never a
 * branch, which moves) and checked against its digest before it is used: the ATT&CK bundles from MITRE's
 * attack-stix-data, every mapping file of the Center for Threat-Informed Defense's Mappings Explorer, and NIST's
 * full SP 800-53 rev5 OSCAL catalog, so every control has its statement and guidance.
 */
public final class UpstreamRelease {
    public static final String DEFAULT_VERSION = "18.1";
    public static final List<String> DOMAINS = List.of("enterprise-attack", "mobile-attack", "ics-attack");

    /** attack-stix-data "Update with ATT&CK v18.1": it holds every earlier release's bundles too. */
    static final String ATTACK_COMMIT = "7ad8a86f41edc91dd37de0487b0c2f44ae3a3af7";
    static final String MAPPINGS_COMMIT = "2911162ca45dc34971f3a9fbc9892d1c7fa07b99";
    static final String OSCAL_COMMIT = "88bb8deeaa815f8914d68ea7e31a622ebbc1719d";

    private static final String ATTACK_BASE =
            "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/" + ATTACK_COMMIT + "/";
    private static final String MAPPINGS_BASE = "https://raw.githubusercontent.com/center-for-threat-informed-defense/"
            + "mappings-explorer/" + MAPPINGS_COMMIT + "/mappings/";
    public static final String NIST_800_53_CATALOG = "https://raw.githubusercontent.com/usnistgov/oscal-content/"
            + OSCAL_COMMIT + "/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json";

    /** Upstream publishes Git blob IDs for these; the mapping files' SHA-256 were taken from byte-identical copies. */
    private static final Map<String, Digest> PINNED = pinned();

    private static final Pattern VERSION = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?");

    private UpstreamRelease() {}

    private static Map<String, Digest> pinned() {
        Map<String, Digest> pinned = new LinkedHashMap<>();
        pinned.put(bundle("enterprise-attack", "18.1"), Digest.gitBlob("c634454a95b4d761958dd9c8c60499bbb8c06a58"));
        pinned.put(bundle("mobile-attack", "18.1"), Digest.gitBlob("ff6e8ae1a62bfd295ace61855ffec8bd4d70b9c4"));
        pinned.put(bundle("ics-attack", "18.1"), Digest.gitBlob("b3a647bc74c3145624b278f0e26756223a306ecb"));
        mapping(pinned, "nist_800_53", "rev5", "16.1", "enterprise", "355ae97d309c00eb2428e5af07754ff4ca16cfe63928194081d0e883aed929c8");
        mapping(pinned, "aws", "12.12.2024", "16.1", "enterprise", "21d88ec6db69269e6bd59e6626d6461242bb5e621472d6b992c788142e068004");
        mapping(pinned, "azure", "04.26.2025", "16.1", "enterprise", "e13e691d5c19e64d0a7df309f670641ffb8718175e33d34f49375f65ab04cbc2");
        mapping(pinned, "gcp", "03.06.2025", "16.1", "enterprise", "26cd24171f82386f46ec9480b861ae7fc8d4208c5b165a55a8932e06f0f1c96b");
        mapping(pinned, "m365", "07.18.2025", "16.1", "enterprise", "6b74d3928acc154e5f93f278f1d88c448feb5af7c9d400bc7911d841956839f7");
        mapping(pinned, "csa_ccm", "4.1", "17.1", "enterprise", "468f64848a458a0291347f3e75136024a7e0bfc9dc6ed37580824d03a9b69c73");
        mapping(pinned, "cri_profile", "v2.1", "16.1", "enterprise", "9b6ac255cc178733c4b40ed5a52ef14c2062305d33949268658fecaaaa2b265f");
        mapping(pinned, "veris", "1.4.0", "16.1", "enterprise", "29c5db7e6bd4fc11bde18ff7ec04a6458093085c437b8a55b24e025569799355");
        mapping(pinned, "veris", "1.4.0", "16.1", "mobile", "d6833b1188a0dca1bea160473af3773595e742ec9e570007c6bffc186e4770d9");
        mapping(pinned, "veris", "1.4.0", "16.1", "ics", "cf85dc442e024b6c1a8c451e485fec0f7dd1873def292a860be1d37c1b40cc56");
        mapping(pinned, "kev", "07.28.2025", "16.1", "enterprise", "b57b3d382809d9159fdda6701d21f0e67a2d655444d89301caab2c39ad54bdc7");
        mapping(pinned, "kev", "07.28.2025", "16.1", "mobile", "621e18301b6e4c1c9982eea6bf817e08da22ae74b52d2e031fa92c172f6e1a57");
        mapping(pinned, "intel-vpro", "08.20.2024", "15.1", "enterprise", "ec63dcfb9d442613f95ca9e5284390afb2437429ee17c9b96bc6f7705b1bc13b");
        pinned.put(NIST_800_53_CATALOG, Digest.gitBlob("61878b2552562f125c2e077ececdcdf105d9519e"));
        return Map.copyOf(pinned);
    }

    /** Mappings Explorer's layout: {@code mappings/aws/attack-16.1/aws-12.12.2024/enterprise/aws-12.12.2024_attack-16.1-enterprise.json}. */
    private static void mapping(Map<String, Digest> pinned, String framework, String version, String attack,
                                String domain, String sha256) {
        String release = framework + "-" + version;
        pinned.put(MAPPINGS_BASE + framework + "/attack-" + attack + "/" + release + "/" + domain + "/"
                + release + "_attack-" + attack + "-" + domain + ".json", Digest.sha256(sha256));
    }

    private static String bundle(String domain, String version) {
        return ATTACK_BASE + domain + "/" + domain + "-" + version + ".json";
    }

    /** The bundle URLs of one ATT&CK release, e.g. {@code 18.1}, then every pinned mapping file and the catalog. */
    public static List<String> urls(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new BadInputException("--attack-version: expected a release such as "
                    + DEFAULT_VERSION + ", got \"" + version + "\"");
        }
        List<String> urls = new ArrayList<>(DOMAINS.stream().map(d -> bundle(d, version)).toList());
        PINNED.keySet().stream().filter(url -> !url.startsWith(ATTACK_BASE)).sorted().forEach(urls::add);
        return List.copyOf(urls);
    }

    /** The digest a download of {@code url} must have, when it is one of the pinned files. */
    public static Optional<Digest> digest(String url) {
        return Optional.ofNullable(PINNED.get(url));
    }
}
