package attackkb.releases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What can happen to an object between two releases, in the order a change list is read. {@link #material()} says
 * whether the change alters what the object means for a mapping made against the older release.
 */
public enum ChangeCategory {
    ADDED("Added", "#2e7d32", false),
    REVOKED("Revoked", "#c62828", true),
    /** Revoked before the older release already, and now replaced by another object: a revocation chain grew. */
    SUCCESSOR_CHANGED("Successor changed", "#e57373", true),
    DEPRECATED("Deprecated", "#6d4c41", true),
    REMOVED("Removed", "#424242", true),
    RENAMED("Renamed", "#6a1b9a", true),
    MOVED("ID or parent changed", "#ad1457", true),
    TACTICS_CHANGED("Tactics changed", "#ef6c00", true),
    // Platforms are not material: ATT&CK adds them (ESXi to a hundred techniques) and relabels them ("Network" became
    // "Network Devices") with a minor version, and a mapping to the technique still holds where it held.
    PLATFORMS_CHANGED("Platforms changed", "#00838f", false),
    MAJOR_VERSION("Major version change", "#1565c0", true),
    MINOR_VERSION("Minor version change", "#90caf9", false),
    DESCRIPTION_CHANGED("Description changed", "#9e9d24", false),
    MITIGATIONS_CHANGED("Mitigations added or dropped", "#558b2f", false),
    DETECTIONS_CHANGED("Detections added or dropped", "#4e342e", false);

    private final String label;
    private final String colour;
    private final boolean material;

    ChangeCategory(String label, String colour, boolean material) {
        this.label = label;
        this.colour = colour;
        this.material = material;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The colour of the category in a Navigator layer and on the changes page. */
    public String colour() {
        return colour;
    }

    /**
     * Whether a mapping made before this change may no longer hold: the name, ID, parent or tactics moved under it,
     * or ATT&CK marked a change of meaning with a major version.
     */
    public boolean material() {
        return material;
    }

    public static Optional<ChangeCategory> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equalsIgnoreCase(key.strip())).findFirst();
    }
}
