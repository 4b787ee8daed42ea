package attackkb.search.snippets;

import attackkb.index.SnippetOffsets;
import attackkb.index.SnippetTexts;

/**
 * Cuts the snippets {@link SnippetMemo} does not hold, for one {@link Snippets#forDocs} call: reads the matched
 * postings' occurrences and the start of the field's text, and has {@link Passages} pick and write the best sentence.
 */
final class SnippetCutter {
    /** Each thread's buffer for one posting's occurrences. */
    private static final ThreadLocal<int[]> OCCURRENCES =
            ThreadLocal.withInitial(() -> new int[1 + 2 * SnippetOffsets.MAX_OCCURRENCES]);

    private final Sentences sentences;
    private final SnippetOffsets.Reader offsets;
    private final SnippetTexts.Reader texts;
    private final int[] occurrences = OCCURRENCES.get();

    SnippetCutter(Sentences sentences, SnippetOffsets offsets, SnippetTexts texts) {
        this.sentences = sentences;
        this.offsets = offsets.reader();
        this.texts = texts.reader();
    }

    /**
     * The snippet of {@code doc}'s snippet field {@code field} (an index of SNIPPET_FIELDS) whose matched terms have
     * indexes {@code termIndexes} and {@code postings} there, as HTML; null if no match lies within the text kept.
     */
    String cut(int field, int doc, int[] termIndexes, long[] postings) {
        Passages passages = new Passages();
        for (int m = 0; m < postings.length; m++) {
            int count = offsets.read(field, postings[m], occurrences);
            passages.add(termIndexes[m], occurrences, count);
        }
        Sentences.In text = sentences.in(texts, field, doc, passages.neededChars());
        return text == null ? null : passages.best(text);
    }
}
