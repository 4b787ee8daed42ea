package attackkb.search.query;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises a query that is an ATT&CK ID, in the forms people type: T1204.003, t1204.003, 1204.003, DET0248. */
public final class AttackId {
    private static final Pattern ID = Pattern.compile(
            "(?i)(T|TA|M|DET|AN|G|S|C|DS|DC)?(\\d{4})(\\.\\d{3})?");

    private AttackId() {}

    /** The canonical upper-case ID if the whole text is one, with a bare number read as a technique ID. */
    public static Optional<String> parse(String text) {
        var m = ID.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        String prefix = m.group(1) == null ? "T" : m.group(1).toUpperCase(Locale.ROOT);
        if (m.group(3) != null && !prefix.equals("T")) return Optional.empty();
        return Optional.of(prefix + m.group(2) + (m.group(3) == null ? "" : m.group(3)));
    }
}
