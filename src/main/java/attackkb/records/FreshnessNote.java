package attackkb.records;

import attackkb.model.Freshness;
import attackkb.releases.ChangeCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A mapping's freshness in words, as a badge on a page and a line of a layer: {@code label} ("Revoked", "Changed
 * since ATT&CK 16.1") and {@code text} ("mapped to T1574.002 DLL Side-Loading in ATT&CK 16.1"). Current mappings
 * have none.
 */
public record FreshnessNote(String status, String label, String text) {

    /** The note of a mapping judged so, or null when it is current or was not judged. */
    public static FreshnessNote of(Freshness f) {
        if (f == null || Freshness.CURRENT.equals(f.status())) return null;
        String release = "ATT&CK " + f.mappedRelease();
        return switch (f.status()) {
            case Freshness.REVOKED -> new FreshnessNote(f.status(), "Revoked",
                    "mapped to " + technique(f) + " in " + release);
            case Freshness.DEPRECATED -> new FreshnessNote(f.status(), "Deprecated",
                    "mapped to " + technique(f) + " in " + release + ", since withdrawn from ATT&CK");
            case Freshness.CHANGED -> new FreshnessNote(f.status(), "Changed since " + release, changes(f));
            default -> new FreshnessNote(f.status(), "Unknown",
                    "made for " + release + ", a release this index does not hold");
        };
    }

    /** The whole note on one line: {@code Revoked: mapped to T1574.002 DLL Side-Loading in ATT&CK 16.1}. */
    public String sentence() {
        return label + ": " + text;
    }

    /** The sentence of a mapping's freshness, {@code Current} for a current one, empty when it was not judged. */
    public static String sentence(Freshness f) {
        if (f == null) return "";
        FreshnessNote note = of(f);
        return note == null ? "Current: the technique is as ATT&CK " + f.mappedRelease() + " had it" : note.sentence();
    }

    private static String technique(Freshness f) {
        return f.mappedName() == null ? f.mappedId() : f.mappedId() + " " + f.mappedName();
    }

    /** The material changes in reading order: {@code renamed (was "Command Shell"), tactics changed}. */
    private static String changes(Freshness f) {
        List<String> out = new ArrayList<>();
        for (String key : f.categories()) {
            String label = ChangeCategory.fromKey(key).map(c -> c.label().toLowerCase(Locale.ROOT)).orElse(key.replace('_', ' '));
            if (ChangeCategory.RENAMED.key().equals(key) && f.mappedName() != null) label += " (was \u201c" + f.mappedName() + "\u201d)";
            if (ChangeCategory.MOVED.key().equals(key)) label += " (was " + f.mappedId() + ")";
            out.add(label);
        }
        return out.isEmpty() ? "changed" : String.join(", ", out);
    }
}
