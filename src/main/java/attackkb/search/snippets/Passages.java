package attackkb.search.snippets;

import static attackkb.index.IndexSchema.MAX_SNIPPET_SOURCE;

import attackkb.index.SnippetOffsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The matches of one document's snippet field, and the choice of its best sentence by the unified highlighter's
 * passage formula ({@code PassageScorer}): BM25 over the sentence, terms rare in the document weighing more, earlier
 * sentences slightly preferred.
 */
final class Passages {
    /** Sentences with matches compared per snippet: the best is nearly always among the first few. */
    private static final int MAX_SENTENCES = 16;
    /** How far past its first match a field is read for a better sentence: procedures run to tens of kilobytes. */
    private static final int MAX_SCAN = 4_000;
    /** Offsets (at most MAX_SNIPPET_SOURCE) and match counts fit in 20 bits: a sort key holds three. */
    private static final int KEY_MASK = (1 << 20) - 1;

    // The unified highlighter's passage scorer (PassageScorer) parameters.
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    private static final float PIVOT = 87f;

    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int[] termIndexes = new int[16];
    private int size;
    /** Per query term in the field: its index, its occurrences in the whole field and its weight's float bits. */
    private final List<int[]> docFreqs = new ArrayList<>();

    /** Adds a term's occurrences as {@link SnippetOffsets.Reader#read} reads them: frequency, then start and end each. */
    void add(int termIndex, int[] occurrences, int count) {
        docFreqs.add(new int[] {termIndex, occurrences[0], 0});
        for (int i = 0; i < count; i++) {
            if (size == starts.length) grow();
            starts[size] = occurrences[1 + 2 * i];
            ends[size] = occurrences[2 + 2 * i];
            termIndexes[size] = termIndex;
            size++;
        }
    }

    private void grow() {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
        termIndexes = Arrays.copyOf(termIndexes, size * 2);
    }

    /** How much of the field's text the sentences of the matches within {@link #MAX_SCAN} of the first need. */
    int neededChars() {
        int first = Integer.MAX_VALUE;
        for (int i = 0; i < size; i++) first = Math.min(first, starts[i]);
        int last = 0;
        for (int i = 0; i < size; i++) if (starts[i] <= first + MAX_SCAN) last = Math.max(last, ends[i]);
        return Math.min(MAX_SNIPPET_SOURCE, last + Sentences.MAX_REACH + 2); // past the reach, so a cut shows
    }

    /**
     * The best sentence of {@code sentences} (the start of the field's text, as far as {@link #neededChars} asked)
     * as HTML written with {@code html}, or null if no match lies within it.
     */
    String best(Sentences.In sentences, SnippetHtml html) {
        int[] order = matchOrder(sentences.length);
        int n = order.length;
        if (n == 0) return null;
        weigh(sentences.length);
        float bestScore = Float.NEGATIVE_INFINITY;
        int bestStart = 0;
        int bestEnd = 0;
        int first = 0;
        int previousEnd = 0;
        for (int compared = 0; first < n && compared < MAX_SENTENCES; compared++) {
            int sentenceStart = sentences.start(starts[order[first]], previousEnd);
            int sentenceEnd = sentences.end(ends[order[first]]);
            int last = first;
            while (last + 1 < n && starts[order[last + 1]] < sentenceEnd) {
                last++;
                sentenceEnd = Math.max(sentenceEnd, Math.min(sentences.length, ends[order[last]]));
            }
            float score = score(order, first, last, sentenceStart, sentenceEnd);
            if (score > bestScore) {
                bestScore = score;
                bestStart = sentenceStart;
                bestEnd = sentenceEnd;
            }
            first = last + 1;
            previousEnd = sentenceEnd;
        }
        return html.passage(starts, ends, order, bestStart, bestEnd, sentences);
    }

    /** Each term's weight in this document: the passage scorer's BM25 rarity, by term index. */
    private void weigh(int length) {
        float numDocs = 1 + length / PIVOT;
        for (int[] f : docFreqs) f[2] = Float.floatToRawIntBits((K1 + 1) * (float) Math.log((numDocs + 0.5) / (f[1] + 0.5)));
    }

    private float weight(int termIndex) {
        for (int[] f : docFreqs) if (f[0] == termIndex) return Float.intBitsToFloat(f[2]);
        throw new IllegalStateException("term " + termIndex + " has no frequency");
    }

    /**
     * Match indexes by start offset, then longest first, then in the order read, keeping only matches inside the
     * kept text. Each is sorted as one number, start, end reversed and index in 20 bits each.
     */
    private int[] matchOrder(int length) {
        long[] keys = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (ends[i] <= length) keys[n++] = (long) starts[i] << 40 | (long) (KEY_MASK - ends[i]) << 20 | i;
        }
        Arrays.sort(keys, 0, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = (int) (keys[i] & KEY_MASK);
        return order;
    }

    private float score(int[] order, int first, int last, int start, int end) {
        float lengthNorm = K1 * ((1 - B) + B * ((end - start) / PIVOT));
        float score = 0;
        for (int i = first; i <= last; i++) {
            int termIndex = termIndexes[order[i]];
            boolean seen = false;
            for (int j = first; j < i && !seen; j++) seen = termIndexes[order[j]] == termIndex;
            if (seen) continue;
            int freq = 1;
            for (int j = i + 1; j <= last; j++) if (termIndexes[order[j]] == termIndex) freq++;
            score += weight(termIndex) * (freq / (freq + lengthNorm));
        }
        return score * (1 + 1 / (float) Math.log(PIVOT + start));
    }
}
