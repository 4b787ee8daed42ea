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
    private static final Pattern VERSION = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?");

    private UpstreamRelease() {}

    /** The bundle URLs of one ATT&CK release, e.g. {@code 18.1}. */
    public static List<String> urls(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new attackkb.BadInputException("--attack-version: expected a release such as "
                    + DEFAULT_VERSION + ", got \"" + version + "\"");
        }
        return DOMAINS.stream().map(d -> BASE + d + "/" + d + "-" + version + ".json").toList();
    }
}
