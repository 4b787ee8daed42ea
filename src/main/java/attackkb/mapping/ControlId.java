package attackkb.mapping;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling of each SP 800-53 control ID. The mapping files write {@code AC-04}, OSCAL {@code ac-4} and
 * {@code ac-2.1}, people {@code ac-4} and {@code AC-2(1)}: all become {@code AC-4} and {@code AC-2(1)}.
 */
public final class ControlId {
    private static final Pattern ID = Pattern.compile("(?i)\\s*([a-z]{2})-0*(\\d{1,3})(?:(?:\\.|\\(\\s*)0*(\\d{1,3})\\)?)?\\s*");

    /** Catalog order of normalised IDs: AC-2 before AC-2(1) before AC-10. */
    public static final java.util.Comparator<String> ORDER = java.util.Comparator
            .comparing(ControlId::family)
            .thenComparingInt(ControlId::number)
            .thenComparingInt(ControlId::enhancement);

    private ControlId() {}

    public static Optional<String> normalize(String raw) {
        if (raw == null) return Optional.empty();
        Matcher m = ID.matcher(raw);
        if (!m.matches()) return Optional.empty();
        String base = m.group(1).toUpperCase(Locale.ROOT) + "-" + Integer.parseInt(m.group(2));
        return Optional.of(m.group(3) == null ? base : base + "(" + Integer.parseInt(m.group(3)) + ")");
    }

    private static int number(String id) {
        String rest = id.substring(id.indexOf('-') + 1);
        int paren = rest.indexOf('(');
        return Integer.parseInt(paren < 0 ? rest : rest.substring(0, paren));
    }

    private static int enhancement(String id) {
        int paren = id.indexOf('(');
        return paren < 0 ? 0 : Integer.parseInt(id.substring(paren + 1, id.length() - 1));
    }

    /** The family of a normalised ID: {@code AC} for {@code AC-2(1)}. */
    public static String family(String id) {
        return id.substring(0, id.indexOf('-'));
    }
}
