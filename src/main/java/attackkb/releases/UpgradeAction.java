package attackkb.releases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the upgrade of a layer did to one of its techniques, or found about it, in the order a report lists them:
 * first what changed the layer, then what the user should know although the layer still works.
 */
public enum UpgradeAction {
    REPLACED("Replaced by its successor"),
    MERGED("Merged"),
    TACTIC_MOVED("Moved to its new tactic"),
    TACTIC_RENAMED("Tactic renamed"),
    FLAGGED_DEPRECATED("Deprecated"),
    REVOKED("Revoked, no successor"),
    TACTIC_UNRESOLVED("Tactic not placed"),
    UNKNOWN("Unknown ID"),
    OTHER_DOMAIN("In another domain"),
    RENAMED("Renamed"),
    TACTICS_CHANGED("Tactics changed"),
    PLATFORM_UNKNOWN("Unknown platform"),
    NORMALISED("ID rewritten");

    private final String label;

    UpgradeAction(String label) {
        this.label = label;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }
}
