package attackkb.search;

import static attackkb.index.IndexSchema.MAX_SNIPPET_SOURCE;
import static attackkb.index.IndexSchema.SNIPPET_FIELDS;

import java.util.Arrays;

/**
 * Where sentences start in the text snippets are cut from. A snippet looks for the sentences around its matches;
 * scanning for them character by character was a tenth of every search, so each generation finds them once, in
 * every snippet field of every document (about 70,000 offsets for all of ATT&CK and SP 800-53).
 *
 * <p>A sentence starts at the text's start, after a line break, or after ". ", "? " or "! " followed by something
 * other than a lower-case letter (so "e.g. sh" stays one sentence).
 */
final class Sentences {
    /** Sentence starts of field f's documents: those of doc d are {@code starts[f][first[f][d] .. first[f][d + 1])}. */
    private final int[][] starts;
    private final int[][] first;

    private Sentences(int[][] starts, int[][] first) {
        this.starts = starts;
        this.first = first;
    }

    /** The sentence starts of every snippet field of every document of a generation. */
    static Sentences of(DocValuesReader docValues, int maxDoc) {
        int[][] starts = new int[SNIPPET_FIELDS.size()][];
        int[][] first = new int[SNIPPET_FIELDS.size()][];
        char[] text = new char[MAX_SNIPPET_SOURCE];
        for (int f = 0; f < SNIPPET_FIELDS.size(); f++) {
            int[] all = new int[1024];
            int size = 0;
            first[f] = new int[maxDoc + 1];
            for (int doc = 0; doc < maxDoc; doc++) {
                first[f][doc] = size;
                int length = docValues.text(SNIPPET_FIELDS.get(f), doc, text, MAX_SNIPPET_SOURCE);
                for (int i = 1; i < length; i++) {
                    if (!isStart(text, i)) continue;
                    if (size == all.length) all = Arrays.copyOf(all, size * 2);
                    all[size++] = i;
                }
            }
            first[f][maxDoc] = size;
            starts[f] = Arrays.copyOf(all, size);
        }
        return new Sentences(starts, first);
    }

    /** The sentences of one text, found by scanning it. */
    static In scan(String string) {
        char[] text = string.toCharArray();
        int[] found = new int[text.length];
        int size = 0;
        for (int i = 1; i < text.length; i++) if (isStart(text, i)) found[size++] = i;
        return new In(text, text.length, found, 0, size);
    }

    /**
     * The sentences of {@code text[0..length)}, the start of a document's snippet field ({@code field} indexes
     * SNIPPET_FIELDS).
     */
    In in(int field, int doc, char[] text, int length) {
        return new In(text, length, starts[field], first[field][doc], first[field][doc + 1]);
    }

    /** Whether a sentence starts at {@code i}, from 1 to the text's length less one. */
    private static boolean isStart(char[] text, int i) {
        char previous = text[i - 1];
        if (previous == '\n') return !Character.isWhitespace(text[i]);
        return i >= 2 && previous == ' ' && ".!?".indexOf(text[i - 2]) >= 0
                && !Character.isWhitespace(text[i]) && !Character.isLowerCase(text[i]);
    }

    /** How far from a match a sentence boundary is looked for. */
    static final int MAX_REACH = 400;

    /** One text (possibly the start of a longer one) and the sentence starts in it, by binary search. */
    static final class In {
        final char[] text;
        /** How much of {@code text} holds the text: the array may be a longer buffer. */
        final int length;
        private final int[] starts;
        private final int from;
        private final int to;

        In(char[] text, int length, int[] starts, int from, int to) {
            this.text = text;
            this.length = length;
            this.starts = starts;
            this.from = from;
            this.to = to;
        }

        /** Whether a sentence starts at {@code i}: at the text's start, never at or past its end. */
        boolean isStart(int i) {
            if (i <= 0) return true;
            if (i >= length) return false;
            return Arrays.binarySearch(starts, from, to, i) >= 0;
        }

        /** The last sentence start in {@code (after, atMost]}, or -1. */
        private int lastStart(int after, int atMost) {
            int at = Arrays.binarySearch(starts, from, to, atMost);
            int i = at >= 0 ? at : -at - 2; // the last start <= atMost
            return i >= from && starts[i] > after && starts[i] < length ? starts[i] : -1;
        }

        /** The first sentence start in {@code [atLeast, before)}, or -1. */
        private int firstStart(int atLeast, int before) {
            if (atLeast <= 0) return 0;
            int at = Arrays.binarySearch(starts, from, to, atLeast);
            int i = at >= 0 ? at : -at - 1; // the first start >= atLeast
            return i < to && starts[i] < before && starts[i] < length ? starts[i] : -1;
        }

        /** Where the sentence holding {@code offset} starts, knowing that none starts before {@code notBefore}. */
        int start(int offset, int notBefore) {
            int limit = Math.max(notBefore, offset - MAX_REACH);
            int found = lastStart(limit, offset);
            if (found >= 0) return found;
            if (limit == notBefore) return isStart(limit) ? limit : wordStart(limit);
            return wordStart(limit);
        }

        /** Where the sentence holding {@code offset} ends (exclusive, without trailing space). */
        int end(int offset) {
            int limit = Math.min(length, offset + MAX_REACH);
            int i = firstStart(offset, limit);
            if (i < 0) {
                if (limit < length) return wordEnd(limit);
                i = limit;
            }
            while (i > offset && Character.isWhitespace(text[i - 1])) i--;
            return i;
        }

        /** Whether {@code end} is the text's end or only space separates it from the next sentence. */
        boolean endsAt(int end) {
            int i = end;
            while (i < length && Character.isWhitespace(text[i])) i++;
            return i == length || isStart(i);
        }

        /** The first word start at or after {@code i}. */
        int wordStart(int i) {
            while (i < length && !Character.isWhitespace(text[i - 1])) i++;
            return i;
        }

        /** The last word end at or before {@code i}. */
        int wordEnd(int i) {
            while (i > 0 && i < length && !Character.isWhitespace(text[i])) i--;
            return i;
        }
    }
}
