package attackkb.search.snippets;

import java.util.Arrays;

/**
 * Snippets and leads written as HTML: the text escaped, matches in {@code <mark>}. Written into a reused array:
 * appending a character at a time to a new StringBuilder cost more.
 */
final class SnippetHtml {
    /** A snippet longer than this is cut around its matches. */
    static final int MAX_PASSAGE = 300;
    /** Each thread's buffer for the snippet being written: one at a time. */
    private static final ThreadLocal<SnippetHtml> HTML = ThreadLocal.withInitial(SnippetHtml::new);

    private char[] chars = new char[1024];
    private int size;

    /**
     * The sentence {@code [start, end)} of {@code sentences}, cut around its matches when long, escaped, with
     * overlapping matches merged into one mark; the matches are {@code starts[i], ends[i]} for i in {@code order}.
     */
    static String passage(int[] starts, int[] ends, int[] order, int start, int end, Sentences.In sentences) {
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
        SnippetHtml out = HTML.get().clear();
        if (start > 0 && !sentences.isStart(start)) out.append("… ");
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
            out.escape(sentences, at, markStart);
            out.append("<mark>");
            out.escape(sentences, markStart, markEnd);
            out.append("</mark>");
            at = markEnd;
        }
        out.escape(sentences, at, end);
        if (!sentences.endsAt(end)) out.append(" …");
        return out.string().strip();
    }

    /** {@code text} escaped; "" for null. */
    static String escape(String text) {
        if (text == null) return "";
        return HTML.get().clear().escape(Sentences.plain(text), 0, text.length()).string();
    }

    private SnippetHtml clear() {
        if (chars.length > 64 * 1024) chars = new char[1024]; // a huge lead text does not stay with the thread
        size = 0;
        return this;
    }

    private void append(String s) {
        ensure(s.length());
        s.getChars(0, s.length(), chars, size);
        size += s.length();
    }

    /** Appends {@code text[from..to)} with the characters HTML gives meaning to as entities. */
    private SnippetHtml escape(Sentences.In text, int from, int to) {
        ensure(6 * (to - from));
        char[] out = chars;
        int n = size;
        for (int i = from; i < to; i++) {
            char c = text.at(i);
            switch (c) {
                case '<' -> n = put(out, n, "&lt;");
                case '>' -> n = put(out, n, "&gt;");
                case '&' -> n = put(out, n, "&amp;");
                case '"' -> n = put(out, n, "&quot;");
                case '\'' -> n = put(out, n, "&#x27;");
                default -> out[n++] = c;
            }
        }
        size = n;
        return this;
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
