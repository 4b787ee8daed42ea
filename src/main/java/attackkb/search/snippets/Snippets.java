package attackkb.search.snippets;

import static attackkb.index.IndexSchema.SNIPPET_FIELDS;

import attackkb.generation.TermDocs;
import attackkb.generation.TermLookups;
import attackkb.index.SnippetOffsets;
import attackkb.index.SnippetTexts;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;

/**
 * For each hit: which fields the query matched, and a snippet cut from the most telling of them (statement, then
 * detection, mitigation, procedures), with the matched words in {@code <mark>} and everything else HTML-escaped.
 *
 * <p>Both come from the postings: {@link TermDocs} says which of the page's documents hold each prose term (the
 * ID terms are looked up in the index: {@link MatchedFields}), and {@link SnippetOffsets} where each term occurs in
 * each of them, so no text is analysed again. The snippet is the sentence whose matches score best
 * ({@link Passages}), cut to {@value SnippetHtml#MAX_PASSAGE} characters around its matches ({@link SnippetHtml}),
 * and remembered for the generation ({@link SnippetMemo}).
 */
public final class Snippets {
    /** A hit's snippet (HTML, or null when no prose field matched) and the fields its query matched. */
    public record Snippet(String html, List<String> matched) {}

    private final TermDocs termDocs;
    private final MatchedFields matchedFields;
    private final Sentences sentences;
    private final SnippetTexts texts;
    private final SnippetOffsets offsets;
    private final SnippetMemo memo = new SnippetMemo();

    public Snippets(IndexReader reader, SnippetTexts snippetTexts, SnippetOffsets offsets, TermLookups lookups,
            TermDocs termDocs) {
        checkNumbering(offsets, termDocs);
        this.termDocs = termDocs;
        this.matchedFields = new MatchedFields(reader, lookups);
        this.sentences = Sentences.of(snippetTexts, reader.maxDoc());
        this.texts = snippetTexts;
        this.offsets = offsets;
    }

    /**
     * Snippets read the offsets file by the posting numbers held in memory. Both number postings the same way
     * ({@link attackkb.index.NumberedPostings}), so only a file written for another index can disagree: its counts
     * give it away.
     */
    private static void checkNumbering(SnippetOffsets offsets, TermDocs termDocs) {
        for (int f = 0; f < SNIPPET_FIELDS.size(); f++) {
            String field = SNIPPET_FIELDS.get(f);
            if (offsets.postings(f) != termDocs.postingCount(field)) {
                throw new IllegalStateException(SnippetOffsets.FILE_NAME + " numbers " + offsets.postings(f) + " "
                        + field + " postings where the index has " + termDocs.postingCount(field)
                        + ": it was written for another index; rebuild the index");
            }
        }
    }

    /**
     * One snippet per doc of {@code docs}, in the same order; null for a doc the query did not match in any shown
     * field (an ID lookup's filter-only matches, a listing). Wildcards and the like in {@code query} must be rewritten.
     */
    public Snippet[] forDocs(Query query, int[] docs) throws IOException {
        Snippet[] out = new Snippet[docs.length];
        if (query == null || docs.length == 0) return out;
        QueryTerm[] terms = QueryTerm.distinctIn(query, termDocs);
        int[] sorted = docs.clone();
        Arrays.sort(sorted);

        int[][] places = places(terms, sorted);
        int[] shownMask = matchedFields.of(terms, places, sorted);
        String[] html = snippets(terms, places, sorted, shownMask);
        for (int i = 0; i < docs.length; i++) {
            int at = Arrays.binarySearch(sorted, docs[i]);
            if (shownMask[at] == 0) continue;
            out[i] = new Snippet(html[at], MatchedFields.names(shownMask[at]));
        }
        return out;
    }

    /** {@code text} HTML-escaped, as a snippet's text is: for a hit shown without one. "" for null. */
    public static String escape(String text) {
        return SnippetHtml.escape(text);
    }

    /**
     * For each term with postings in memory, each of {@code sorted}'s place among them (negative where it does not
     * hold the term); null for the others. Matched fields and snippets both read them.
     */
    private static int[][] places(QueryTerm[] terms, int[] sorted) {
        int[][] places = new int[terms.length][];
        for (int t = 0; t < terms.length; t++) {
            if (terms[t].postings() == null) continue;
            int[] holding = terms[t].postings().docs();
            places[t] = new int[sorted.length];
            for (int i = 0; i < sorted.length; i++) places[t][i] = Arrays.binarySearch(holding, sorted[i]);
        }
        return places;
    }

    /**
     * For each of {@code sorted}, the snippet of its snippet field (the first matched of SNIPPET_FIELDS), or null:
     * remembered, or cut from the postings of the document's matched terms there.
     */
    private String[] snippets(QueryTerm[] terms, int[][] places, int[] sorted, int[] shownMask) {
        String[] html = new String[sorted.length];
        SnippetCutter cutter = null;
        // Per hit, its matched terms' indexes and posting numbers in the field at hand.
        int[][] matchedTerms = new int[sorted.length][];
        long[][] matchedPostings = new long[sorted.length][];
        int[] matchedCount = new int[sorted.length];
        for (int f = 0; f < SNIPPET_FIELDS.size(); f++) {
            String field = SNIPPET_FIELDS.get(f);
            int bit = MatchedFields.bit(field);
            Arrays.fill(matchedCount, 0);
            for (int t = 0; t < terms.length; t++) {
                if (!terms[t].term().field().equals(field)) continue;
                TermDocs.Postings postings = terms[t].postings();
                for (int at = 0; at < sorted.length; at++) {
                    if (MatchedFields.snippetBit(shownMask[at]) != bit) continue;
                    int i = places[t][at];
                    if (i < 0) continue;
                    int n = matchedCount[at]++;
                    if (matchedTerms[at] == null) {
                        matchedTerms[at] = new int[4];
                        matchedPostings[at] = new long[4];
                    } else if (n == matchedTerms[at].length) {
                        matchedTerms[at] = Arrays.copyOf(matchedTerms[at], 2 * n);
                        matchedPostings[at] = Arrays.copyOf(matchedPostings[at], 2 * n);
                    }
                    matchedTerms[at][n] = t;
                    matchedPostings[at][n] = postings.first() + i;
                }
            }
            for (int at = 0; at < sorted.length; at++) {
                int n = matchedCount[at];
                if (n == 0) continue;
                long[] postings = Arrays.copyOf(matchedPostings[at], n);
                String snippet = memo.find(f, postings);
                if (snippet == SnippetMemo.UNKNOWN) {
                    if (cutter == null) cutter = new SnippetCutter(sentences, offsets, texts);
                    snippet = cutter.cut(f, sorted[at], matchedTerms[at], postings);
                    memo.keep(f, postings, snippet);
                }
                html[at] = snippet;
            }
        }
        return html;
    }
}
