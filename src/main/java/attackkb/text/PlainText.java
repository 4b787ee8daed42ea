package attackkb.text;

/**
 * Reduces ATT&CK's Markdown descriptions to the plain text that is indexed and shown in snippets: citation
 * markers removed, links reduced to their text, HTML tags, backticks and emphasis dropped, the common HTML
 * entities decoded and white space folded. The Markdown itself is kept elsewhere for rendering; this is only
 * the words a search should see.
 *
 * <p>One pass over the characters rather than a chain of regular expressions: it runs over every description
 * and procedure example (some 20,000 strings) on each index build, and this keeps that cost negligible.
 */
public final class PlainText {
    private static final String CITATION = "(Citation:";

    private PlainText() {}

    public static String of(String markdown) {
        if (markdown == null || markdown.isEmpty()) return "";
        String s = markdown;
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        boolean pendingSpace = false;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int skip = 0;
            if (c == '(' && s.startsWith(CITATION, i)) {
                skip = closing(s, i, '(', ')');
            } else if (c == '<' && i + 1 < n && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '/')) {
                int end = s.indexOf('>', i);
                skip = end < 0 ? 0 : end + 1 - i;
            } else if (c == '!' && i + 1 < n && s.charAt(i + 1) == '[') {
                i++; // an image: keep its alt text like a link's text
                continue;
            } else if (c == ']' && i + 1 < n && s.charAt(i + 1) == '(') {
                skip = closing(s, i + 1, '(', ')');
                if (skip > 0) skip += 1; // the ']' and the whole "(url)"
            }
            if (skip > 0) {
                i += skip;
                continue;
            }
            if (c == '[' && isLink(s, i)) {
                i++; // the text of a link stays; its brackets and URL go
                continue;
            }
            if (c == '`' || c == '*') {
                i++;
                continue;
            }
            if (c == '&') {
                int end = s.indexOf(';', i);
                String decoded = end > i && end - i <= 6 ? entity(s.substring(i + 1, end)) : null;
                if (decoded != null) {
                    pendingSpace = append(out, decoded, pendingSpace);
                    i = end + 1;
                    continue;
                }
            }
            if (c == '#' && (i == 0 || s.charAt(i - 1) == '\n')) { // a Markdown heading marker
                while (i < n && s.charAt(i) == '#') i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) out.append(' ');
                pendingSpace = false;
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    /** Length from {@code start} (an opening bracket) to just past its matching closing bracket, or 0 if none. */
    private static int closing(String s, int start, char open, char close) {
        int depth = 0;
        for (int j = start; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == open) depth++;
            else if (c == close && --depth == 0) return j + 1 - start;
        }
        return 0;
    }

    private static boolean isLink(String s, int open) {
        int len = closing(s, open, '[', ']');
        int after = open + len;
        return len > 0 && after < s.length() && s.charAt(after) == '(';
    }

    private static boolean append(StringBuilder out, String text, boolean pendingSpace) {
        if (pendingSpace) out.append(' ');
        out.append(text);
        return false;
    }

    private static String entity(String name) {
        return switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos", "#39" -> "'";
            case "nbsp" -> " ";
            default -> null;
        };
    }
}
