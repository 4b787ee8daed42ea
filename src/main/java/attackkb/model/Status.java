package attackkb.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of an ATT&CK object: only active objects appear in search results by default. */
public enum Status {
    ACTIVE, DEPRECATED, REVOKED;

    @JsonValue
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Status of(boolean revoked, boolean deprecated) {
        return revoked ? REVOKED : deprecated ? DEPRECATED : ACTIVE;
    }
}
