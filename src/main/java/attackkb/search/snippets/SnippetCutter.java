package attackkb.search.snippets;

import attackkb.index.SnippetOffsets;
import attackkb.index.SnippetTexts;

/**
 * Cuts the snippets {@link SnippetMemo} does not hold, for one {@link Snippets#forDocs} call: reads the matched
 * postings' occurrences and the start of the field's text, and has {@link Passages} pick and write the best sentence.
 * Its buffers are its own, made when a call first misses the memo, so nothing it writes outlives the call.
 */
final class SnippetCutter {
    private final Sentences sentences;
    private final SnippetOffsets.Reader offsets;
    private final SnippetTexts.Reader texts;
    /** One posting's occurrences, as {@link SnippetOffsets.Reader#read} reads them. */
    private final int[] occurrences = new int[1 + 2 * SnippetOffsets.MAX_OCCURRENCES];
    private final SnippetHtml html = new SnippetHtml();

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
        return text == null ? null : passages.best(text, html);
    }
}
