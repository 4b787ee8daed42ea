package attackkb.search.snippets;

import static attackkb.index.IndexSchema.*;

import attackkb.generation.TermLookups;
import java.io.IOException;
import java.util.ArrayList;
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

/**
 * Which of the shown fields (ID, name, aliases, former names, then the snippet fields) each hit holds one of the query's terms in,
 * as a bit per field. A held term's hits are known from its place among the page's postings; the others (IDs, exact
 * names) are looked for in the index's postings.
 */
final class MatchedFields {
    /** The fields whose matches are reported, in the order they are shown; index fields map onto these. */
    private static final List<String> SHOWN = shown();
    /** Index fields whose matches count, and the shown field each one reports as. */
    static final List<String> MATCH_FIELDS = List.of(ID, PARENT_ID, NAME, NAME_EXACT, ALIASES, FORMER_NAMES,
            FORMER_NAME_EXACT, STATEMENT, DETECTION, MITIGATION, PROCEDURES);
    private static final int SNIPPET_BITS = SNIPPET_FIELDS.stream().mapToInt(f -> 1 << SHOWN.indexOf(f)).reduce(0, (a, b) -> a | b);
    private static final int[] SHOWN_BIT = MATCH_FIELDS.stream().mapToInt(f -> 1 << SHOWN.indexOf(
            f.equals(PARENT_ID) ? ID : f.equals(NAME_EXACT) ? NAME : f.equals(FORMER_NAME_EXACT) ? FORMER_NAMES : f)).toArray();

    private final IndexReader reader;
    private final TermLookups lookups;

    MatchedFields(IndexReader reader, TermLookups lookups) {
        this.reader = reader;
        this.lookups = lookups;
    }

    private static List<String> shown() {
        List<String> order = new ArrayList<>(List.of(ID, NAME, ALIASES, FORMER_NAMES));
        order.addAll(SNIPPET_FIELDS);
        return List.copyOf(order);
    }

    /**
     * For each of {@code sorted}, a bit per shown field that holds one of {@code terms}; {@code places} holds, for
     * each held term, each doc's place among its postings (negative where it does not hold it).
     */
    int[] of(QueryTerm[] terms, int[][] places, int[] sorted) throws IOException {
        Cursors cursors = new Cursors(reader.leaves().size());
        int[] shownMask = new int[sorted.length];
        for (int t = 0; t < terms.length; t++) {
            int bit = SHOWN_BIT[terms[t].field()];
            if (places[t] != null) {
                for (int i = 0; i < sorted.length; i++) if (places[t][i] >= 0) shownMask[i] |= bit;
            } else {
                forEachMatch(terms[t].term(), sorted, cursors, i -> shownMask[i] |= bit);
            }
        }
        return shownMask;
    }

    /** The bit of shown field {@code field}. */
    static int bit(String field) {
        return 1 << SHOWN.indexOf(field);
    }

    /** The bit of the first snippet field set in {@code mask}, or 0: they are shown in their order, after the others. */
    static int snippetBit(int mask) {
        return Integer.lowestOneBit(mask & SNIPPET_BITS);
    }

    /** The names of the fields set in {@code mask}, in the order they are shown. */
    static List<String> names(int mask) {
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
     * term of one {@link #of} call, and postings enums are reused: a new enum and a seek per term were most of the
     * cost of finding matched fields.
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

    /** The terms enums (per field and segment) and the postings enum one {@link #of} call reuses. */
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
}
