package attackkb.search;

import static attackkb.index.IndexSchema.PROSE_FIELDS;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Which documents hold each term of the prose fields, in memory: about 31,000 terms and 490,000 postings for all of
 * ATT&CK and SP 800-53, some 5 MB. Finding which of a page's twenty hits hold each of a query's terms took a terms
 * dictionary seek and a postings enum per term; here it is a binary search per hit.
 */
final class TermDocs {
    private static final int[] NONE = new int[0];

    /** Per prose field, each term's documents in increasing order. */
    private final Map<String, Map<BytesRef, int[]>> byField;

    private TermDocs(Map<String, Map<BytesRef, int[]>> byField) {
        this.byField = byField;
    }

    static TermDocs of(IndexReader reader) throws IOException {
        Map<String, Map<BytesRef, int[]>> byField = new HashMap<>();
        for (String field : PROSE_FIELDS) {
            Map<BytesRef, int[]> terms = new HashMap<>();
            List<LeafReaderContext> leaves = reader.leaves();
            PostingsEnum postings = null;
            for (LeafReaderContext leaf : leaves) {
                Terms fieldTerms = leaf.reader().terms(field);
                if (fieldTerms == null) continue;
                TermsEnum termsEnum = fieldTerms.iterator();
                for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
                    postings = termsEnum.postings(postings, PostingsEnum.NONE);
                    int[] docs = new int[termsEnum.docFreq()];
                    int n = 0;
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        docs[n++] = leaf.docBase + doc;
                    }
                    BytesRef key = BytesRef.deepCopyOf(term);
                    int[] earlier = terms.get(key);
                    terms.put(key, earlier == null ? docs : concat(earlier, docs));
                }
            }
            byField.put(field, terms);
        }
        return new TermDocs(Map.copyOf(byField));
    }

    /** Leaves come in document order, so a term's documents in a later leaf follow those of earlier ones. */
    private static int[] concat(int[] first, int[] second) {
        int[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Whether {@code field} is kept here. */
    boolean holds(String field) {
        return byField.containsKey(field);
    }

    /** The documents holding {@code term} in increasing order (none if it is nowhere), for a field {@link #holds}. */
    int[] docs(Term term) {
        int[] docs = byField.get(term.field()).get(term.bytes());
        return docs == null ? NONE : docs;
    }
}
