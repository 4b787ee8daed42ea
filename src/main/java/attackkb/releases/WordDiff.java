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

    /**
     * Runs of words as the comparison finds them: the same in both texts ({@code removed} holds the older text's
     * tokens, {@code added} the newer's), or a change (the words it removes and adds).
     */
    private static final class Run {
        final boolean same;
        final List<Token> removed = new ArrayList<>();
        final List<Token> added = new ArrayList<>();

        Run(boolean same) {
            this.same = same;
        }

        int length() {
            return same ? added.size() : Math.max(removed.size(), added.size());
        }
    }

    /** Gathers the comparison's words into runs, then cleans them up and writes them as segments. */
    private static final class Builder {
        private final List<Run> runs = new ArrayList<>();

        void same(Token a, Token b) {
            Run run = last(true);
            run.removed.add(a);
            run.added.add(b);
        }

        void removed(Token a) {
            last(false).removed.add(a);
        }

        void added(Token b) {
            last(false).added.add(b);
        }

        private Run last(boolean same) {
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || last.same != same) runs.add(last = new Run(same));
            return last;
        }

        List<Segment> segments() {
            List<Run> cleaned = dissolveShortRuns();
            List<Segment> segments = new ArrayList<>();
            for (Run run : cleaned) {
                if (run.same) {
                    segment(segments, Op.SAME, run.added);
                } else {
                    segment(segments, Op.REMOVED, run.removed);
                    segment(segments, Op.ADDED, run.added);
                }
            }
            return List.copyOf(segments);
        }

        /**
         * Makes each run of same words that is no longer than the changes on either side of it part of one change with
         * them, as a semantic clean-up does: a rewritten sentence then reads as what it was and what it is, not as a
         * scatter of changes around the "the" and "to" the two versions happen to share. One pass, stepping back after
         * each merge, since the grown change may now swallow the run before it.
         */
        private List<Run> dissolveShortRuns() {
            List<Run> out = new ArrayList<>(runs.size());
            for (Run run : runs) {
                out.add(run);
                // out ends change, same, change: merge them when the same words are no longer than either change.
                while (out.size() >= 3 && !run.same) {
                    Run right = out.get(out.size() - 1);
                    Run middle = out.get(out.size() - 2);
                    Run left = out.get(out.size() - 3);
                    if (!middle.same || left.same || middle.length() > left.length() || middle.length() > right.length()) break;
                    left.removed.addAll(middle.removed);
                    left.removed.addAll(right.removed);
                    left.added.addAll(middle.added);
                    left.added.addAll(right.added);
                    out.remove(out.size() - 1);
                    out.remove(out.size() - 1);
                    run = left;
                }
            }
            return out;
        }

        private static void segment(List<Segment> segments, Op op, List<Token> tokens) {
            if (tokens.isEmpty()) return;
            StringBuilder text = new StringBuilder(tokens.get(0).word());
            for (int i = 1; i < tokens.size(); i++) {
                if (tokens.get(i).spaceBefore()) text.append(' ');
                text.append(tokens.get(i).word());
            }
            segments.add(new Segment(op, text.toString(), tokens.get(0).spaceBefore()));
        }
    }
}
