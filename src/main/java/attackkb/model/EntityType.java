package attackkb.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of searchable entity; {@link #key()} is the value of the index's {@code type} field. */
public enum EntityType {
    TECHNIQUE, TACTIC, MITIGATION, DETECTION, GROUP, SOFTWARE, CAMPAIGN, CONTROL;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How people name the kind: "Detection strategy", "Framework entry". */
    public String label() {
        return switch (this) {
            case DETECTION -> "Detection strategy";
            case CONTROL -> "Framework entry";
            default -> name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        };
    }

    public static Optional<EntityType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equalsIgnoreCase(key)).findFirst();
    }
}
