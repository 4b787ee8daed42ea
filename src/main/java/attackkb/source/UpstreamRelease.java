package attackkb.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The official ATT&CK release files, pinned by version: what a user who gives no {@code --data} gets.
 * They come from MITRE's attack-stix-data repository, one bundle per domain.
 */
public final class UpstreamRelease {
    public static final String DEFAULT_VERSION = "18.1";
    public static final List<String> DOMAINS = List.of("enterprise-attack", "mobile-attack", "ics-attack");

    private static final String BASE = "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/";
    /**
     * The Center for Threat-Informed Defense's mapping of ATT&CK (16.1, the latest mapped release) to NIST SP 800-53
     * rev5, pinned like the bundles: techniques revoked since are followed to their replacements when linking.
     */
    public static final String NIST_800_53_MAPPING = "https://raw.githubusercontent.com/center-for-threat-informed-defense/"
            + "mappings-explorer/main/mappings/nist_800_53/attack-16.1/nist_800_53-rev5/enterprise/"
            + "nist_800_53-rev5_attack-16.1-enterprise.json";

    private static final Pattern VERSION = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?");

    private UpstreamRelease() {}

    /** The bundle URLs of one ATT&CK release, e.g. {@code 18.1}, and the pinned control mapping. */
    public static List<String> urls(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new attackkb.BadInputException("--attack-version: expected a release such as "
                    + DEFAULT_VERSION + ", got \"" + version + "\"");
        }
        var urls = new java.util.ArrayList<>(DOMAINS.stream().map(d -> BASE + d + "/" + d + "-" + version + ".json").toList());
        urls.add(NIST_800_53_MAPPING);
        return List.copyOf(urls);
    }
}
