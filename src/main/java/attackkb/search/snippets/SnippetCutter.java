package attackkb.search.snippets;

import attackkb.ThreadConfined;
import attackkb.index.SnippetOffsets;
import attackkb.index.SnippetTexts;

/**
 * Cuts the snippets {@link SnippetMemo} does not hold, for one {@link Snippets#forDocs} call: reads the matched
 * postings' occurrences and the start of the field's text, and has {@link Passages} pick and write the best sentence.
 * One cutter is one use of its thread's buffers: it cuts on that thread only, until the thread makes another.
 */
final class SnippetCutter {
    /** Each thread's cutting buffers, so that a search allocates none: its latest cutter's until it makes another. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        /** One posting's occurrences, as {@link SnippetOffsets.Reader#read} reads them. */
        final int[] occurrences = new int[1 + 2 * SnippetOffsets.MAX_OCCURRENCES];
        final SnippetHtml html = new SnippetHtml();
        final ThreadConfined confined = new ThreadConfined();
    }

    private final Sentences sentences;
    private final SnippetOffsets.Reader offsets;
    private final SnippetTexts.Reader texts;
    private final Buffers buffers = BUFFERS.get();
    private final int use = buffers.confined.begin();

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
        buffers.confined.check(use);
        int[] occurrences = buffers.occurrences;
        Passages passages = new Passages();
        for (int m = 0; m < postings.length; m++) {
            int count = offsets.read(field, postings[m], occurrences);
            passages.add(termIndexes[m], occurrences, count);
        }
        Sentences.In text = sentences.in(texts, field, doc, passages.neededChars());
        return text == null ? null : passages.best(text, buffers.html);
    }
}
