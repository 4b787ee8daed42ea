package attackkb.releases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Technique IDs as people write them: {@code T1059.001}, {@code t1059/001}, {@code T1059-001}, {@code 1059.001}, all
 * read as {@code T1059.001}; and lists of them, one a line.
 */
public final class TechniqueIds {
    private static final Pattern ID = Pattern.compile("(?i)(t)?(\\d{4})(?:\\s*[./\\-_:]\\s*(\\d{3}))?");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;|]+");
    /** Around an ID in running text: quotes and brackets; a full stop or colon after it is dropped too. */
    private static final String QUOTES = "\"'`()[]{}<>";

    /** One line of a list that held technique IDs, or none. */
    public record Line(int number, String text, List<String> ids) {}

    private TechniqueIds() {}

    /**
     * The technique ID {@code written} stands for, in ATT&CK's form, or null when it is not one. Four digits alone
     * ("2024") are read as an ID only when {@code bareNumber} allows it: on a line of their own, not among other words.
     */
    public static String normalise(String written, boolean bareNumber) {
        if (written == null) return null;
        if (canonical(written)) return written;
        Matcher m = ID.matcher(written.strip());
        if (!m.matches()) return null;
        if (m.group(1) == null && m.group(3) == null && !bareNumber) return null;
        return "T" + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3));
    }

    /** T1059 or T1059.001 as ATT&CK writes them: most IDs of a layer, told without a regular expression. */
    private static boolean canonical(String s) {
        int n = s.length();
        if ((n != 5 && n != 9) || s.charAt(0) != 'T' || !digits(s, 1, 5)) return false;
        return n == 5 || (s.charAt(5) == '.' && digits(s, 6, 9));
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    public static String normalise(String written) {
        return normalise(written, true);
    }

    /**
     * The lines of a pasted list: {@code #} starts a comment, blank lines are skipped, and a line may hold several IDs
     * (separated by spaces, commas, semicolons or bars) beside words that are not IDs ("T1059.001 PowerShell").
     */
    public static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            String[] tokens = SEPARATORS.split(line);
            List<String> ids = new ArrayList<>();
            for (String token : tokens) {
                String id = normalise(unquote(token), tokens.length == 1);
                if (id != null) ids.add(id);
            }
            lines.add(new Line(i + 1, line, List.copyOf(ids)));
        }
        return lines;
    }

    private static String unquote(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && QUOTES.indexOf(token.charAt(start)) >= 0) start++;
        while (end > start && (QUOTES.indexOf(token.charAt(end - 1)) >= 0 || ".:".indexOf(token.charAt(end - 1)) >= 0)) end--;
        return token.substring(start, end).toUpperCase(Locale.ROOT);
    }
}
