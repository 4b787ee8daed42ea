package attackkb.model;

import java.util.List;

/**
 * Whether a framework mapping still holds for the current ATT&CK release: its technique as the mapping's release
 * had it ({@code mappedId}) against the same object now. {@code status} is {@code current}, {@code changed} (with
 * the {@code categories} of change), {@code revoked} (with the {@code successor} the mapping now shows under),
 * {@code deprecated}, or {@code unknown} when the mapping's release is not held.
 */
public record Freshness(String status, String mappedRelease, String mappedId, String successor,
        List<String> categories) {

    public static final String CURRENT = "current";
    public static final String CHANGED = "changed";
    public static final String REVOKED = "revoked";
    public static final String DEPRECATED = "deprecated";
    public static final String UNKNOWN = "unknown";

    /** Whether the mapping may no longer hold: revoked, deprecated or materially changed since it was made. */
    public boolean stale() {
        return CHANGED.equals(status) || REVOKED.equals(status) || DEPRECATED.equals(status);
    }
}
