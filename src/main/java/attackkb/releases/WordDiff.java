package attackkb.releases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two texts, word by word: the longest common subsequence of their words (and punctuation
 * marks), the rest removed from the older text or added in the newer. Words are compared as written. The words the
 * texts start and end with in common are set aside first, so a change in one sentence of a long description costs
 * little; when what is left is still too large to compare ({@link #MAX_CELLS}), the middle is shown as one whole
 * replacement, and {@link #wordByWord()} says so. A few words kept between changes at least as long are made part of
 * them, so that a rewritten sentence reads as a replacement.
 *
 * @param segments runs of words that are the same, removed or added, in reading order (removed before added)
 * @param wordByWord false when the middle was too large to compare and is given as one removal and one addition
 */
public record WordDiff(List<Segment> segments, boolean wordByWord) {
    /** The largest comparison table (words left in the older text times words left in the newer) worked out. */
    public static final int MAX_CELLS = 400_000;

    public enum Op {
        SAME, REMOVED, ADDED;

        /** Lower case, for templates and CSS classes. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A run of words: {@code text} as written, and whether a space came before it (a run that starts with a word does,
     * one that starts with a comma does not).
     */
    public record Segment(Op op, String text, boolean spaceBefore) {}

    public static WordDiff of(String before, String after) {
        return of(before, after, MAX_CELLS);
    }

    static WordDiff of(String before, String after, int maxCells) {
        List<Token> a = tokens(before);
        List<Token> b = tokens(after);
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).word().equals(b.get(start).word())) start++;
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).word().equals(b.get(endB - 1).word())) {
            endA--;
            endB--;
        }
        var out = new Builder();
        for (int i = 0; i < start; i++) out.same(a.get(i), b.get(i));
        int n = endA - start;
        int m = endB - start;
        boolean wordByWord = (long) n * m <= maxCells;
        if (wordByWord) {
            lcs(a.subList(start, endA), b.subList(start, endB), out);
        } else {
            for (int i = start; i < endA; i++) out.removed(a.get(i));
            for (int j = start; j < endB; j++) out.added(b.get(j));
        }
        for (int i = endA, j = endB; j < b.size(); i++, j++) out.same(a.get(i), b.get(j));
        return new WordDiff(out.segments(), wordByWord);
    }

    /** Whether the texts differ in any word. */
    public boolean changed() {
        return segments.stream().anyMatch(s -> s.op() != Op.SAME);
    }

    /** How many words (punctuation marks aside) were removed, and added: {@code [removed, added]}. */
    public int[] counts() {
        int[] counts = new int[2];
        for (Segment s : segments) {
            if (s.op() == Op.SAME) continue;
            for (Token t : tokens(s.text())) {
                if (Character.isLetterOrDigit(t.word().codePointAt(0))) counts[s.op() == Op.REMOVED ? 0 : 1]++;
            }
        }
        return counts;
    }

    /**
     * The common subsequence of {@code a} and {@code b} by the classic table of suffix lengths, then read off from
     * the start: at each step, the same word if both texts have it next, else whichever side keeps the longer common
     * rest. Words become small numbers first, so the table compares integers.
     */
    private static void lcs(List<Token> a, List<Token> b, Builder out) {
        int n = a.size();
        int m = b.size();
        Map<String, Integer> numbers = new HashMap<>();
        int[] x = new int[n];
        int[] y = new int[m];
        for (int i = 0; i < n; i++) x[i] = numbers.computeIfAbsent(a.get(i).word(), k -> numbers.size());
        for (int j = 0; j < m; j++) y[j] = numbers.computeIfAbsent(b.get(j).word(), k -> numbers.size());
        int width = m + 1;
        int[] rest = new int[(n + 1) * width];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                rest[i * width + j] = x[i] == y[j] ? rest[(i + 1) * width + j + 1] + 1
                        : Math.max(rest[(i + 1) * width + j], rest[i * width + j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (x[i] == y[j]) {
                out.same(a.get(i++), b.get(j++));
            } else if (rest[(i + 1) * width + j] >= rest[i * width + j + 1]) {
                out.removed(a.get(i++));
            } else {
                out.added(b.get(j++));
            }
        }
        while (i < n) out.removed(a.get(i++));
        while (j < m) out.added(b.get(j++));
    }

    /** A word or a punctuation mark, and whether white space came before it. */
    private record Token(String word, boolean spaceBefore) {}

    /** Words (letters, digits and the marks inside them: "side-loading", "lsass.exe", "don't") and other marks. */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) return tokens;
        int n = text.length();
        int i = 0;
        boolean space = false;
        while (i < n) {
            int c = text.codePointAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                i += Character.charCount(c);
                continue;
            }
            int end = i + Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                while (end < n) {
                    int d = text.codePointAt(end);
                    if (Character.isLetterOrDigit(d)) {
                        end += Character.charCount(d);
                    } else if (end + 1 < n && isJoiner(d) && Character.isLetterOrDigit(text.codePointAt(end + 1))) {
                        end += 1; // a joiner between two word characters: "side-loading", "lsass.exe"
                    } else {
                        break;
                    }
                }
            }
            tokens.add(new Token(text.substring(i, end), space && !tokens.isEmpty()));
            space = false;
            i = end;
        }
        return tokens;
    }

    private static boolean isJoiner(int c) {
        return c == '-' || c == '.' || c == '\'' || c == '\u2019' || c == '_' || c == '/' || c == ':' || c == '\\';
    }

    /** A word the same in both texts (both tokens), removed ({@code a}) or added ({@code b}). */
    private record Edit(Op op, Token a, Token b) {}

    /**
     * Collects the edits, then reads them as runs: the same words, and changes (the removed words of a change before
     * its added ones), each run's words spaced as they were written.
     */
    private static final class Builder {
        private List<Edit> edits = new ArrayList<>();

        void same(Token a, Token b) {
            edits.add(new Edit(Op.SAME, a, b));
        }

        void removed(Token a) {
            edits.add(new Edit(Op.REMOVED, a, null));
        }

        void added(Token b) {
            edits.add(new Edit(Op.ADDED, null, b));
        }

        List<Segment> segments() {
            while (dissolveOneShortRun()) {
                // again, with the changes either side of it now one
            }
            List<Segment> segments = new ArrayList<>();
            for (int start = 0; start < edits.size(); ) {
                int end = runEnd(start);
                if (edits.get(start).op() == Op.SAME) {
                    segment(segments, Op.SAME, start, end);
                } else {
                    segment(segments, Op.REMOVED, start, end);
                    segment(segments, Op.ADDED, start, end);
                }
                start = end;
            }
            return List.copyOf(segments);
        }

        /**
         * Turns the first run of same words that is no longer than the changes on either side of it into a removal
         * and an addition, as a semantic clean-up does: a rewritten sentence then reads as what it was and what it
         * is, not as a scatter of changes around the "the" and "to" the two versions happen to share.
         */
        private boolean dissolveOneShortRun() {
            int[] before = null;
            for (int start = 0; start < edits.size(); ) {
                int end = runEnd(start);
                boolean same = edits.get(start).op() == Op.SAME;
                if (same && before != null && end < edits.size()) {
                    int[] after = changeSize(end, runEnd(end));
                    int length = end - start;
                    if (length <= Math.max(before[0], before[1]) && length <= Math.max(after[0], after[1])) {
                        List<Edit> replaced = new ArrayList<>(edits.subList(0, start));
                        for (int i = start; i < end; i++) replaced.add(new Edit(Op.REMOVED, edits.get(i).a(), null));
                        for (int i = start; i < end; i++) replaced.add(new Edit(Op.ADDED, null, edits.get(i).b()));
                        replaced.addAll(edits.subList(end, edits.size()));
                        edits = replaced;
                        return true;
                    }
                }
                before = same ? null : changeSize(start, end);
                start = end;
            }
            return false;
        }

        /** Where the run that starts at {@code start} ends: same words, or changes of either kind. */
        private int runEnd(int start) {
            boolean same = edits.get(start).op() == Op.SAME;
            int end = start + 1;
            while (end < edits.size() && (edits.get(end).op() == Op.SAME) == same) end++;
            return end;
        }

        /** The words a run of changes removes and adds. */
        private int[] changeSize(int start, int end) {
            int[] size = new int[2];
            for (int i = start; i < end; i++) size[edits.get(i).op() == Op.REMOVED ? 0 : 1]++;
            return size;
        }

        /** The words of one kind in edits {@code start} to {@code end} as a segment, if there are any. */
        private void segment(List<Segment> segments, Op op, int start, int end) {
            StringBuilder text = null;
            boolean spaceBefore = false;
            for (int i = start; i < end; i++) {
                Edit e = edits.get(i);
                if (e.op() != op) continue;
                Token t = op == Op.REMOVED ? e.a() : e.b();
                if (text == null) {
                    text = new StringBuilder(t.word());
                    spaceBefore = t.spaceBefore();
                } else {
                    if (t.spaceBefore()) text.append(' ');
                    text.append(t.word());
                }
            }
            if (text != null) segments.add(new Segment(op, text.toString(), spaceBefore));
        }
    }
}
