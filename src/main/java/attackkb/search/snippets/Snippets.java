package attackkb.search.snippets;

import static attackkb.index.IndexSchema.*;

import attackkb.generation.TermDocs;
import attackkb.generation.TermLookups;
import attackkb.index.SnippetOffsets;
import attackkb.index.SnippetTexts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * For each hit: which fields the query matched, and a snippet cut from the most telling of them (statement, then
 * detection, mitigation, procedures), with the matched words in {@code <mark>} and everything else HTML-escaped.
 *
 * <p>Both come from the postings: {@link TermDocs} says which of the page's documents hold each prose term (the
 * ID terms are looked up in the index), and {@link SnippetOffsets} where each term occurs in each of them, so no
 * text is analysed again. The snippet is
 * the sentence whose matches score best (the unified highlighter's passage formula: BM25 over the sentence, rare
 * terms of the document weighing more, earlier sentences slightly preferred), cut to {@link #MAX_PASSAGE}
 * characters around its matches.
 */
public final class Snippets {
    /** A hit's snippet (HTML, or null when no prose field matched) and the fields its query matched. */
    public record Snippet(String html, List<String> matched) {}

    /** The fields whose matches are reported, in the order they are shown; index fields map onto these. */
    private static final List<String> SHOWN = shown();
    /** Index fields whose matches count, and the shown field each one reports as. */
    private static final List<String> MATCH_FIELDS = List.of(ID, PARENT_ID, NAME, NAME_EXACT, ALIASES, STATEMENT,
            DETECTION, MITIGATION, PROCEDURES);
    private static final int SNIPPET_BITS = SNIPPET_FIELDS.stream().mapToInt(f -> 1 << SHOWN.indexOf(f)).reduce(0, (a, b) -> a | b);
    private static final int[] SHOWN_BIT = MATCH_FIELDS.stream().mapToInt(f -> 1 << SHOWN.indexOf(
            f.equals(PARENT_ID) ? ID : f.equals(NAME_EXACT) ? NAME : f)).toArray();

    /** Snippets remembered at most (a power of two): about 300 characters each, so some 3 MB. */
    private static final int CUT_SLOTS = 8_192;
    /** Remembered for a match with no snippet (none within the text kept): the cache holds no nulls. */
    private static final String NO_SNIPPET = new String("");
    /** A snippet longer than this is cut around its matches. */
    static final int MAX_PASSAGE = 300;
    /** Offsets (at most MAX_SNIPPET_SOURCE) and match counts fit in 20 bits: a sort key holds three. */
    private static final int KEY_MASK = (1 << 20) - 1;
    /** Each thread's buffer for one posting's occurrences. */
    private static final ThreadLocal<int[]> OCCURRENCES =
            ThreadLocal.withInitial(() -> new int[1 + 2 * SnippetOffsets.MAX_OCCURRENCES]);
    /** Sentences with matches compared per snippet: the best is nearly always among the first few. */
    private static final int MAX_SENTENCES = 16;
    /** How far past its first match a field is read for a better sentence: procedures run to tens of kilobytes. */
    private static final int MAX_SCAN = 4_000;

    // The unified highlighter's passage scorer (PassageScorer) parameters.
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    private static final float PIVOT = 87f;

    private final IndexReader reader;
    private final TermLookups lookups;
    private final Sentences sentences;
    private final SnippetTexts texts;
    private final SnippetOffsets offsets;
    private final TermDocs termDocs;
    /**
     * Snippets cut in this generation, in a slot by what they were cut from ({@link #NO_SNIPPET} for none); a new one
     * takes the place of whatever was in its slot. A Caffeine cache's bookkeeping cost more than the cuts it saved.
     */
    private final Cut[] cuts = new Cut[CUT_SLOTS];

    public Snippets(IndexReader reader, SnippetTexts snippetTexts, SnippetOffsets offsets, TermLookups lookups,
            TermDocs termDocs) {
        checkNumbering(offsets, termDocs);
        this.reader = reader;
        this.lookups = lookups;
        this.termDocs = termDocs;
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

    private static List<String> shown() {
        List<String> order = new ArrayList<>(List.of(ID, NAME, ALIASES));
        order.addAll(SNIPPET_FIELDS);
        return List.copyOf(order);
    }

    /**
     * One snippet per doc of {@code docs}, in the same order; null for a doc the query did not match in any shown
     * field (an ID lookup's filter-only matches, a listing). Wildcards and the like in {@code query} must be rewritten.
     */
    public Snippet[] forDocs(Query query, int[] docs) throws IOException {
        Snippet[] out = new Snippet[docs.length];
        if (query == null || docs.length == 0) return out;
        QueryTerm[] terms = queryTerms(query);
        int[] sorted = docs.clone();
        Arrays.sort(sorted);

        Cursors cursors = new Cursors(reader.leaves().size());
        int[][] positions = positions(terms, sorted);
        int[] shownMask = matchedFields(terms, positions, sorted, cursors);
        String[] html = snippets(terms, positions, sorted, shownMask);
        for (int i = 0; i < docs.length; i++) {
            int at = Arrays.binarySearch(sorted, docs[i]);
            if (shownMask[at] == 0) continue;
            out[i] = new Snippet(html[at], matchedNames(shownMask[at]));
        }
        return out;
    }

    /**
     * A term of the query in a field whose matches count, and its postings when {@link TermDocs} holds the field
     * (else null).
     */
    private record QueryTerm(Term term, TermDocs.Postings postings, int field) {
        /**
         * By field (its index in MATCH_FIELDS), then in term order: a held term's first posting number follows it,
         * and is a cheaper comparison than the term's bytes.
         */
        static int compare(QueryTerm a, QueryTerm b) {
            if (a.field != b.field) return Integer.compare(a.field, b.field);
            return a.postings != null ? Long.compare(a.postings.first(), b.postings.first()) : a.term.compareTo(b.term);
        }
    }

    /**
     * The distinct terms of {@code query} (not those it excludes) that some document holds in a field whose matches
     * count, by field, then in term order.
     */
    private QueryTerm[] queryTerms(Query query) {
        List<QueryTerm> found = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                if (q instanceof TermDocs.HeldTermQuery held) {
                    add(held.getTerm(), held.postings());
                    return;
                }
                for (Term term : terms) {
                    // Terms of held fields come in held queries, unless a rewrite of the user's syntax made them.
                    add(term, termDocs.holds(term.field()) ? termDocs.postings(term) : null);
                }
            }

            private void add(Term term, TermDocs.Postings postings) {
                int field = MATCH_FIELDS.indexOf(term.field());
                if (field >= 0 && (postings == null || postings.docs().length > 0)) found.add(new QueryTerm(term, postings, field));
            }
        });
        found.sort(QueryTerm::compare);
        List<QueryTerm> distinct = new ArrayList<>(found.size());
        for (QueryTerm t : found) {
            if (distinct.isEmpty() || QueryTerm.compare(distinct.get(distinct.size() - 1), t) != 0) distinct.add(t);
        }
        return distinct.toArray(QueryTerm[]::new);
    }

    /** For each of {@code sorted}, a bit per shown field that holds one of the terms. */
    private int[] matchedFields(QueryTerm[] terms, int[][] positions, int[] sorted, Cursors cursors) throws IOException {
        int[] shownMask = new int[sorted.length];
        for (int t = 0; t < terms.length; t++) {
            int bit = SHOWN_BIT[terms[t].field];
            if (positions[t] != null) {
                for (int i = 0; i < sorted.length; i++) if (positions[t][i] >= 0) shownMask[i] |= bit;
            } else {
                forEachMatch(terms[t].term, sorted, cursors, i -> shownMask[i] |= bit);
            }
        }
        return shownMask;
    }

    /**
     * For each term with postings in memory, each of {@code sorted}'s place among them (negative where it does not
     * hold the term); null for the others. Matched fields and snippets both read them.
     */
    private static int[][] positions(QueryTerm[] terms, int[] sorted) {
        int[][] positions = new int[terms.length][];
        for (int t = 0; t < terms.length; t++) {
            if (terms[t].postings == null) continue;
            int[] holding = terms[t].postings.docs();
            positions[t] = new int[sorted.length];
            for (int i = 0; i < sorted.length; i++) positions[t][i] = Arrays.binarySearch(holding, sorted[i]);
        }
        return positions;
    }

    /**
     * For each of {@code sorted}, the snippet of its snippet field (the first matched of SNIPPET_FIELDS), or null.
     *
     * <p>A snippet depends only on its field and the postings of the document's matched terms there, so it is
     * remembered by those ({@link #cuts}): live search sends the same words keystroke after keystroke, and four in
     * five of the benchmark long tail's snippets repeat one cut before (the slots keep the recent ones). The offsets
     * are read and the text decoded only for a snippet not found there.
     */
    private String[] snippets(QueryTerm[] terms, int[][] positions, int[] sorted, int[] shownMask) {
        String[] html = new String[sorted.length];
        int[] occurrences = null;
        SnippetOffsets.Reader offsetsReader = null;
        SnippetTexts.Reader textsReader = null;
        // Per hit, its matched terms' indexes and posting numbers in the field at hand.
        int[][] matchedTerms = new int[sorted.length][];
        long[][] matchedPostings = new long[sorted.length][];
        int[] matchedCount = new int[sorted.length];
        for (int f = 0; f < SNIPPET_FIELDS.size(); f++) {
            String field = SNIPPET_FIELDS.get(f);
            int bit = 1 << SHOWN.indexOf(field);
            Arrays.fill(matchedCount, 0);
            for (int t = 0; t < terms.length; t++) {
                if (!terms[t].term.field().equals(field)) continue;
                TermDocs.Postings postings = terms[t].postings;
                for (int at = 0; at < sorted.length; at++) {
                    if (snippetBit(shownMask[at]) != bit) continue;
                    int i = positions[t][at];
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
                int hash = Cut.hash(f, postings);
                int slot = hash & (CUT_SLOTS - 1);
                Cut kept = cuts[slot];
                String known = kept != null && kept.isOf(hash, f, postings) ? kept.html : null;
                if (known == null) {
                    if (offsetsReader == null) {
                        occurrences = OCCURRENCES.get();
                        offsetsReader = offsets.reader();
                        textsReader = texts.reader();
                    }
                    Passages passages = new Passages();
                    for (int m = 0; m < n; m++) {
                        int count = offsetsReader.read(f, matchedPostings[at][m], occurrences);
                        passages.add(matchedTerms[at][m], occurrences, count);
                    }
                    Sentences.In text = sentences.in(textsReader, f, sorted[at], passages.neededChars());
                    if (text != null) passages.cut(text);
                    known = passages.html == null ? NO_SNIPPET : passages.html;
                    cuts[slot] = new Cut(hash, f, postings, known);
                }
                html[at] = known == NO_SNIPPET ? null : known;
            }
        }
        return html;
    }

    /**
     * A snippet and what it was cut from: a snippet field (an index of SNIPPET_FIELDS) and the postings of the matched
     * terms in it, in term order, which name the document too. Immutable, so a slot can be replaced while other
     * threads read it; the hash is kept, so a slot holding another snippet is told by one read.
     */
    private record Cut(int hash, int field, long[] postings, String html) {
        static int hash(int field, long[] postings) {
            int h = 31 * field + Arrays.hashCode(postings);
            return h ^ h >>> 16;
        }

        boolean isOf(int hash, int field, long[] postings) {
            return this.hash == hash && this.field == field && Arrays.equals(this.postings, postings);
        }
    }

    /** The bit of the first snippet field set in {@code mask}, or 0: they are shown in their order, after the others. */
    private static int snippetBit(int mask) {
        return Integer.lowestOneBit(mask & SNIPPET_BITS);
    }

    private static List<String> matchedNames(int mask) {
        List<String> names = new ArrayList<>(Integer.bitCount(mask));
        for (int i = 0; i < SHOWN.size(); i++) if ((mask & 1 << i) != 0) names.add(SHOWN.get(i));
        return names;
    }

    private interface MatchConsumer {
        void accept(int index);
    }

    /**
     * Calls {@code consumer} with the index in {@code sortedDocs} of each doc that contains {@code term}. The term's
     * place in the dictionary is known ({@link TermLookups}), one terms enum per field and segment serves every
     * term of one {@link #forDocs} call, and postings enums are reused: a new enum and a seek per term were most
     * of the cost of finding matched fields.
     */
    private void forEachMatch(Term term, int[] sortedDocs, Cursors cursors, MatchConsumer consumer) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        for (int l = 0; l < leaves.size(); l++) {
            LeafReaderContext leaf = leaves.get(l);
            int base = leaf.docBase;
            int end = base + leaf.reader().maxDoc();
            TermState state = lookups.states(term).get(leaf);
            if (state == null) continue;
            TermsEnum termsEnum = cursors.terms(term.field(), l, leaf);
            if (termsEnum == null) continue;
            termsEnum.seekExact(term.bytes(), state);
            PostingsEnum postings = cursors.postings(termsEnum);
            for (int i = 0; i < sortedDocs.length; i++) {
                int doc = sortedDocs[i];
                if (doc < base || doc >= end) continue;
                int target = doc - base;
                if (postings.docID() < target) postings.advance(target);
                if (postings.docID() == DocIdSetIterator.NO_MORE_DOCS) break;
                if (postings.docID() == target) consumer.accept(i);
            }
        }
    }

    /** The terms enums (per field and segment) and the postings enum one {@link #forDocs} call reuses. */
    private static final class Cursors {
        private final Map<String, TermsEnum[]> terms = new HashMap<>();
        private final int leaves;
        private PostingsEnum postings;

        Cursors(int leaves) {
            this.leaves = leaves;
        }

        TermsEnum terms(String field, int leafIndex, LeafReaderContext leaf) throws IOException {
            TermsEnum[] perLeaf = terms.computeIfAbsent(field, f -> new TermsEnum[leaves]);
            if (perLeaf[leafIndex] == null) {
                Terms fieldTerms = leaf.reader().terms(field);
                if (fieldTerms == null) return null;
                perLeaf[leafIndex] = fieldTerms.iterator();
            }
            return perLeaf[leafIndex];
        }

        PostingsEnum postings(TermsEnum termsEnum) throws IOException {
            postings = termsEnum.postings(postings, PostingsEnum.NONE);
            return postings;
        }
    }

    /** The matches of one document's snippet field, and the choice of its best sentence. */
    private static final class Passages {
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private int[] termIndexes = new int[16];
        private int size;
        /** Per query term in the field: its index, its occurrences in the whole field and its weight's float bits. */
        private final List<int[]> docFreqs = new ArrayList<>();
        /** The snippet, once cut; null if no match lies within the text kept for snippets. */
        String html;

        /** Cuts the snippet from {@code text}, the start of the field's text and its sentences, which is not kept. */
        void cut(Sentences.In text) {
            html = best(text);
        }

        /** Adds a term's occurrences as {@link SnippetOffsets#read} reads them: its frequency, then start and end each. */
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

        /** Each term's weight in this document: the passage scorer's BM25 rarity, by term index. */
        private void weigh(int length) {
            float numDocs = 1 + length / PIVOT;
            for (int[] f : docFreqs) f[2] = Float.floatToRawIntBits((K1 + 1) * (float) Math.log((numDocs + 0.5) / (f[1] + 0.5)));
        }

        private float weight(int termIndex) {
            for (int[] f : docFreqs) if (f[0] == termIndex) return Float.intBitsToFloat(f[2]);
            throw new IllegalStateException("term " + termIndex + " has no frequency");
        }

        /** The best sentence as HTML, or null if no match lies within the text kept for snippets. */
        private String best(Sentences.In sentences) {
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
            return html(order, bestStart, bestEnd, sentences);
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

        /** The sentence, cut around its matches when long, escaped, with overlapping matches merged into one mark. */
        private String html(int[] order, int start, int end, Sentences.In sentences) {
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
            HtmlBuffer out = HTML.get().clear();
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
    }

    public static String escape(String text) {
        if (text == null) return "";
        return HTML.get().clear().escape(Sentences.plain(text), 0, text.length()).string();
    }

    /** Each thread's buffer for the snippet being written: one at a time. */
    private static final ThreadLocal<HtmlBuffer> HTML = ThreadLocal.withInitial(HtmlBuffer::new);

    /** HTML written into a reused array: appending a character at a time to a new StringBuilder cost more. */
    private static final class HtmlBuffer {
        private char[] chars = new char[1024];
        private int size;

        HtmlBuffer clear() {
            if (chars.length > 64 * 1024) chars = new char[1024]; // a huge lead text does not stay with the thread
            size = 0;
            return this;
        }

        void append(String s) {
            ensure(s.length());
            s.getChars(0, s.length(), chars, size);
            size += s.length();
        }

        /** Appends {@code text[from..to)} with the characters HTML gives meaning to as entities. */
        HtmlBuffer escape(Sentences.In text, int from, int to) {
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

        String string() {
            return new String(chars, 0, size);
        }
    }
}
