package attackkb.mapping;

import java.util.List;
import java.util.Map;

/**
 * What people call each framework the Center for Threat-Informed Defense maps to ATT&CK, keyed as its mapping files
 * name it, in the order they are listed. A framework not named here is still linked, under its key.
 */
public final class FrameworkNames {
    public static final String NIST_800_53 = "nist_800_53";
    /** Where every mapping file comes from, under Apache-2.0. */
    public static final String MAPPINGS_URL = "https://github.com/center-for-threat-informed-defense/mappings-explorer";
    public static final String MAPPINGS_LICENCE = "Apache-2.0";

    private static final Map<String, String> NAMES = Map.of(
            NIST_800_53, "NIST SP 800-53",
            "aws", "AWS security capabilities",
            "azure", "Microsoft Azure security capabilities",
            "gcp", "Google Cloud security capabilities",
            "m365", "Microsoft 365 security capabilities",
            "csa_ccm", "CSA Cloud Controls Matrix",
            "cri_profile", "CRI Profile",
            "veris", "VERIS",
            "kev", "CISA Known Exploited Vulnerabilities",
            "intel-vpro", "Intel vPro");
    private static final List<String> ORDER = List.of(NIST_800_53, "aws", "azure", "gcp", "m365", "csa_ccm",
            "cri_profile", "veris", "kev", "intel-vpro");

    private FrameworkNames() {}

    public static String name(String key) {
        return NAMES.getOrDefault(key, key);
    }

    /** Listing order: the known frameworks as above, then others by key. */
    public static final java.util.Comparator<String> ORDER_OF_KEYS = java.util.Comparator
            .comparingInt((String key) -> ORDER.contains(key) ? ORDER.indexOf(key) : ORDER.size())
            .thenComparing(key -> key);
}
