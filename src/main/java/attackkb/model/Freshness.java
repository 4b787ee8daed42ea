package attackkb.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a framework mapping still holds for the current ATT&CK release: its technique as the mapping's release
 * had it ({@code mappedId}, named {@code mappedName} then) against the same object now. {@code status} is
 * {@code current}, {@code changed} (with the material {@code categories} of change: renamed, moved, tactics
 * changed, a new major version), {@code revoked} (with the {@code successor} the mapping now shows under),
 * {@code deprecated}, or {@code unknown} when the mapping's release is not held and nothing in the current one
 * tells.
 */
public record Freshness(String status, String mappedRelease, String mappedId, String mappedName, String successor,
        List<String> categories) {

    public static final String CURRENT = "current";
    public static final String CHANGED = "changed";
    public static final String REVOKED = "revoked";
    public static final String DEPRECATED = "deprecated";
    public static final String UNKNOWN = "unknown";
    /** Every status, in the order counts and filters list them. */
    public static final List<String> STATUSES = List.of(CURRENT, CHANGED, REVOKED, DEPRECATED, UNKNOWN);
    /** The filter that selects the stale mappings: changed, revoked and deprecated alike. */
    public static final String STALE = "stale";
    /** Every filter a list of mappings takes: {@code stale}, then each status. */
    public static final List<String> FILTERS = List.of(STALE, CURRENT, CHANGED, REVOKED, DEPRECATED, UNKNOWN);

    /** Whether the mapping may no longer hold: revoked, deprecated or materially changed since it was made. */
    public boolean stale() {
        return isStale(status);
    }

    public static boolean isStale(String status) {
        return CHANGED.equals(status) || REVOKED.equals(status) || DEPRECATED.equals(status);
    }

    /** The same judgement naming the mapped technique as given, when the mapping's release did not. */
    public Freshness withMappedName(String name) {
        return mappedName != null || name == null ? this
                : new Freshness(status, mappedRelease, mappedId, name, successor, categories);
    }

    /** A filter as asked for ({@code Stale}, {@code revoked }), or empty when it is none of {@link #FILTERS}. */
    public static Optional<String> filter(String raw) {
        if (raw == null) return Optional.empty();
        String key = raw.strip().toLowerCase(Locale.ROOT);
        return FILTERS.contains(key) ? Optional.of(key) : Optional.empty();
    }

    /** Whether a mapping judged so is selected by {@code filter} (one of {@link #FILTERS}); unjudged ones never are. */
    public static boolean matches(Freshness freshness, String filter) {
        if (freshness == null) return false;
        return STALE.equals(filter) ? freshness.stale() : freshness.status().equals(filter);
    }
}
