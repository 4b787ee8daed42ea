package attackkb.search.snippets;

import java.util.Arrays;

/**
 * Snippets written as HTML: the text escaped, matches in {@code <mark>}. Written into an array each thread's
 * {@link SnippetCutter} buffers reuse: appending a character at a time to a new StringBuilder cost more.
 * A hit without a snippet shows its lead, escaped alone ({@link #escape(String)}).
 */
final class SnippetHtml {
    /** A snippet longer than this is cut around its matches. */
    static final int MAX_PASSAGE = 300;

    private char[] chars = new char[1024];
    private int size;

    /**
     * The sentence {@code [start, end)} of {@code sentences}, cut around its matches when long, escaped, with
     * overlapping matches merged into one mark; the matches are {@code starts[i], ends[i]} for i in {@code order}.
     */
    String passage(int[] starts, int[] ends, int[] order, int start, int end, Sentences.In sentences) {
        if (end - start > MAX_PASSAGE) {
            int firstMatch = start;
            for (int i : order) {
                if (starts[i] >= start) {
                    firstMatch = starts[i];
                    break;
                }
            }
            int from = Math.max(start, firstMatch - MAX_PASSAGE / 5);
            if (from > start) from = sentences.wordStart(from);
            int to = Math.min(end, from + MAX_PASSAGE);
            if (to < end) to = sentences.wordEnd(to);
            start = from;
            end = to;
        }
        size = 0;
        if (start > 0 && !sentences.isStart(start)) append("… ");
        int at = start;
        int i = 0;
        while (i < order.length) {
            int markStart = starts[order[i]];
            int markEnd = ends[order[i]];
            i++;
            if (markEnd <= at || markStart >= end) continue;
            while (i < order.length && starts[order[i]] <= markEnd) markEnd = Math.max(markEnd, ends[order[i++]]);
            markStart = Math.max(markStart, at);
            markEnd = Math.min(markEnd, end);
            escape(sentences, at, markStart);
            append("<mark>");
            escape(sentences, markStart, markEnd);
            append("</mark>");
            at = markEnd;
        }
        escape(sentences, at, end);
        if (!sentences.endsAt(end)) append(" …");
        return string().strip();
    }

    /** {@code text} with the characters HTML gives meaning to as entities; "" for null. */
    static String escape(String text) {
        if (text == null) return "";
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            String entity = entity(text.charAt(i));
            if (entity != null) length += entity.length() - 1;
        }
        if (length == text.length()) return text;
        char[] out = new char[length];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = entity(c);
            if (entity == null) out[n++] = c;
            else n = put(out, n, entity);
        }
        return new String(out);
    }

    /** The entity for a character HTML gives meaning to, or null. */
    private static String entity(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#x27;";
            default -> null;
        };
    }

    private void append(String s) {
        ensure(s.length());
        s.getChars(0, s.length(), chars, size);
        size += s.length();
    }

    /** Appends {@code text[from..to)} with the characters HTML gives meaning to as entities. */
    private void escape(Sentences.In text, int from, int to) {
        text.check();
        ensure(6 * (to - from));
        char[] out = chars;
        int n = size;
        for (int i = from; i < to; i++) {
            char c = text.at(i);
            String entity = entity(c);
            if (entity == null) out[n++] = c;
            else n = put(out, n, entity);
        }
        size = n;
    }

    private static int put(char[] out, int at, String entity) {
        entity.getChars(0, entity.length(), out, at);
        return at + entity.length();
    }

    private void ensure(int more) {
        if (size + more > chars.length) chars = Arrays.copyOf(chars, Math.max(chars.length * 2, size + more));
    }

    private String string() {
        return new String(chars, 0, size);
    }
}
