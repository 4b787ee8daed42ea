package attackkb.source;

import attackkb.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official files a user who gives no {@code --data} gets, each fetched from a repository commit (never a
 * branch, which moves) and checked against its digest before it is used: the ATT&CK bundles of each release asked
 * for from MITRE's attack-stix-data, every mapping file of the Center for Threat-Informed Defense's Mappings
 * Explorer, and NIST's full SP 800-53 rev5 OSCAL catalog, so every control has its statement and guidance.
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

    /** The Git blob ID of every release bundle at {@link #ATTACK_COMMIT}, as upstream's tree records them. */
    static final String PINS_RESOURCE = "/attack-release-pins.tsv";
    private static final Pattern BUNDLE_FILE = Pattern.compile("([a-z]+-attack)-(\\d{1,3}\\.\\d{1,3})\\.json");

    /** Orders releases as numbers: 9.0 before 16.1. */
    static final Comparator<String> OLDEST_FIRST = Comparator
            .comparingInt((String v) -> Integer.parseInt(v.substring(0, v.indexOf('.'))))
            .thenComparingInt(v -> Integer.parseInt(v.substring(v.indexOf('.') + 1)));

    /** Each release pinned, oldest first, and the domains that have a bundle in it. */
    private static final Map<String, List<String>> RELEASES = new TreeMap<>(OLDEST_FIRST);

    /**
     * Upstream publishes Git blob IDs for the bundles and the catalog; the mapping files' SHA-256 were taken from
     * byte-identical copies.
     */
    private static final Map<String, Digest> PINNED = pinned();

    private static final Pattern VERSION = Pattern.compile("\\d{1,3}\\.\\d{1,3}");

    private UpstreamRelease() {}

    private static Map<String, Digest> pinned() {
        Map<String, Digest> pinned = new LinkedHashMap<>();
        readBundlePins(pinned);
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

    /** Reads {@link #PINS_RESOURCE}: {@code file <tab> blob ID} lines, {@code #} comments. */
    private static void readBundlePins(Map<String, Digest> pinned) {
        Map<String, TreeSet<String>> domains = new TreeMap<>(OLDEST_FIRST);
        try (InputStream in = UpstreamRelease.class.getResourceAsStream(PINS_RESOURCE)) {
            if (in == null) throw new IllegalStateException(PINS_RESOURCE + " is missing from the jar");
            var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] fields = line.split("\t");
                Matcher file = BUNDLE_FILE.matcher(fields[0]);
                if (fields.length != 2 || !file.matches() || !DOMAINS.contains(file.group(1))) {
                    throw new IllegalStateException(PINS_RESOURCE + ": not a pinned bundle: " + line);
                }
                pinned.put(bundle(file.group(1), file.group(2)), Digest.gitBlob(fields[1]));
                domains.computeIfAbsent(file.group(2), v -> new TreeSet<>(Comparator.comparingInt(DOMAINS::indexOf)))
                        .add(file.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        domains.forEach((version, held) -> RELEASES.put(version, List.copyOf(held)));
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

    /** The ATT&CK releases whose bundles are pinned, oldest first. */
    public static List<String> releases() {
        return List.copyOf(RELEASES.keySet());
    }

    /** The domains that have a bundle in {@code version} (ICS has none before 8.0); empty for an unknown release. */
    public static List<String> domains(String version) {
        return RELEASES.getOrDefault(version, List.of());
    }

    /** The bundle URLs of one ATT&CK release, e.g. {@code 18.1}, then every pinned mapping file and the catalog. */
    public static List<String> urls(String version) {
        return urls(List.of(version));
    }

    /**
     * The bundle URLs of each ATT&CK release asked for, oldest release first and each in the order of {@link #DOMAINS}
     * (only the domains that have a bundle in it), then every pinned mapping file and the catalog once. A release
     * asked for twice is fetched once.
     */
    public static List<String> urls(List<String> versions) {
        if (versions == null || versions.isEmpty()) throw new BadInputException("--attack-version: no release given");
        var asked = new TreeSet<String>(OLDEST_FIRST);
        for (String raw : versions) {
            String version = raw == null ? "" : raw.strip();
            if (!VERSION.matcher(version).matches()) {
                throw new BadInputException("--attack-version: expected a release such as " + DEFAULT_VERSION
                        + ", got \"" + raw + "\"");
            }
            if (!RELEASES.containsKey(version)) {
                throw new BadInputException("--attack-version " + version + ": not a release attack-kb has pinned; "
                        + "it knows ATT&CK " + knownRange() + "; give the files of another release with --data");
            }
            asked.add(version);
        }
        List<String> urls = new ArrayList<>();
        for (String version : asked) RELEASES.get(version).forEach(domain -> urls.add(bundle(domain, version)));
        PINNED.keySet().stream().filter(url -> !url.startsWith(ATTACK_BASE)).sorted().forEach(urls::add);
        return List.copyOf(urls);
    }

    /** "1.0 to 18.1 (mobile-attack without 11.0, 11.1, 11.2; ics-attack from 8.0)": what the pins cover. */
    static String knownRange() {
        List<String> all = releases();
        List<String> notes = new ArrayList<>();
        for (String domain : DOMAINS) {
            List<String> held = all.stream().filter(v -> RELEASES.get(v).contains(domain)).toList();
            if (held.isEmpty()) continue;
            String first = held.get(0);
            List<String> missing = all.stream().filter(v -> OLDEST_FIRST.compare(v, first) > 0 && !held.contains(v)).toList();
            if (!first.equals(all.get(0))) notes.add(domain + " from " + first);
            if (!missing.isEmpty()) notes.add(domain + " without " + String.join(", ", missing));
        }
        return all.get(0) + " to " + all.get(all.size() - 1) + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }

    /** The digest a download of {@code url} must have, when it is one of the pinned files. */
    public static Optional<Digest> digest(String url) {
        return Optional.ofNullable(PINNED.get(url));
    }
}
