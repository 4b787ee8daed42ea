package attackkb.generation;

import static attackkb.index.IndexSchema.FORMER_NAME_EXACT;
import static attackkb.index.IndexSchema.NAME_EXACT;
import static attackkb.index.IndexSchema.PROSE_FIELDS;

import attackkb.index.NumberedPostings;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * The postings of the prose fields and of exact names in memory, with what BM25 needs to score them (its size and
 * build time are in the performance log). A query's words are scored here by adding arrays, where Lucene builds a
 * scorer, a postings enum and a table of 256 norms per word and field, and a page's matched fields are found by a
 * binary search per hit.
 *
 * <p>Scores are Lucene's own {@code BM25Similarity} (k1 1.2, b 0.75), term by term the same float: its idf of the
 * term's document frequency, and per posting {@code 1 + freq / (k1 * (1 - b + b * length / average length))}, with
 * the length as the index encoded it (one byte), or 1 in fields kept without norms.
 */
public final class TermDocs {
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    private static final Postings NONE = new Postings(new int[0], new float[0], 0, 0f);

    /**
     * A term's documents in increasing order, for each its {@code 1 + freq * normInverse}, the number of the
     * term's first posting among its field's (as {@link NumberedPostings} numbers them, and the snippet offsets
     * with it), and BM25's idf of it.
     */
    public record Postings(int[] docs, float[] saturation, long first, float idf) {}

    /**
     * A term query in a field kept here that carries its term's postings, looked up once when the query is made. A
     * query's words are made into queries once each (by the query factory), so each term is looked up once per word,
     * not again to score it, find its matched fields and cut snippets. Equal to a term query of this class with
     * the same term, and it scores the same in Lucene.
     */
    public static final class HeldTermQuery extends TermQuery {
        private final Postings postings;
        /** A term's hash is computed over its bytes on every call; a disjunction hashes each of its clauses. */
        private final int hash;

        private HeldTermQuery(Term term, Postings postings) {
            super(term);
            this.postings = postings;
            this.hash = super.hashCode();
        }

        public Postings postings() {
            return postings;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The fields kept: what a query's words are looked for in, and the query as a whole name. */
    static final List<String> FIELDS = fields();

    /** Per field, each term's postings. */
    private final Map<String, Map<BytesRef, Postings>> byField;
    /** Per field, how many postings it has. */
    private final Map<String, Long> postingCounts;

    private TermDocs(Map<String, Map<BytesRef, Postings>> byField, Map<String, Long> postingCounts) {
        this.byField = byField;
        this.postingCounts = postingCounts;
    }

    public static TermDocs of(IndexReader reader) throws IOException {
        Map<String, Map<BytesRef, Postings>> byField = new HashMap<>();
        Map<String, Long> postingCounts = new HashMap<>();
        List<LeafReaderContext> leaves = reader.leaves();
        for (String field : FIELDS) {
            long docCount = 0;
            long sumTotalTermFreq = 0;
            for (LeafReaderContext leaf : leaves) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) continue;
                docCount += terms.getDocCount();
                sumTotalTermFreq += terms.getSumTotalTermFreq();
            }
            float[] normInverse = normInverses(docCount == 0 ? 1f : (float) (sumTotalTermFreq / (double) docCount));
            byte[] norms = norms(reader, field);
            Map<BytesRef, Postings> terms = new HashMap<>();
            NumberedPostings walk = NumberedPostings.of(reader, field, PostingsEnum.FREQS);
            for (BytesRef term = walk.nextTerm(); term != null; term = walk.nextTerm()) {
                int[] docs = new int[walk.docFreq()];
                float[] saturation = new float[docs.length];
                int n = 0;
                for (int doc = walk.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = walk.nextDoc()) {
                    docs[n] = doc;
                    int norm = norms == null ? 1 : norms[doc] & 0xff;
                    saturation[n++] = 1f + walk.postings().freq() * normInverse[norm];
                }
                terms.put(BytesRef.deepCopyOf(term), new Postings(docs, saturation, walk.first(), idf(docs.length, docCount)));
            }
            postingCounts.put(field, walk.count());
            byField.put(field, terms);
        }
        return new TermDocs(Map.copyOf(byField), Map.copyOf(postingCounts));
    }

    /** BM25's idf of a term {@code docFreq} of the field's {@code docCount} documents hold. */
    private static float idf(int docFreq, long docCount) {
        return (float) Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
    }

    private static List<String> fields() {
        List<String> fields = new java.util.ArrayList<>(PROSE_FIELDS);
        fields.add(NAME_EXACT);
        fields.add(FORMER_NAME_EXACT);
        return List.copyOf(fields);
    }

    /** BM25's {@code 1 / (k1 * (1 - b + b * length / avgdl))} for each encoded length, as Lucene tabulates it. */
    private static float[] normInverses(float avgdl) {
        float[] cache = new float[256];
        for (int i = 0; i < cache.length; i++) {
            cache[i] = 1f / (K1 * ((1 - B) + B * SmallFloat.byte4ToInt((byte) i) / avgdl));
        }
        return cache;
    }

    /** The encoded field lengths by document, or null when the field keeps none. */
    private static byte[] norms(IndexReader reader, String field) throws IOException {
        NumericDocValues values = MultiDocValues.getNormValues(reader, field);
        if (values == null) return null;
        byte[] norms = new byte[reader.maxDoc()];
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            norms[doc] = (byte) values.longValue();
        }
        return norms;
    }

    /** How many postings {@code field} has, for a field {@link #holds}. */
    public long postingCount(String field) {
        return postingCounts.get(field);
    }

    /** Whether {@code field} is kept here. */
    public boolean holds(String field) {
        return byField.containsKey(field);
    }

    /** The postings of {@code term} (none if it is nowhere), for a field {@link #holds}. */
    public Postings postings(Term term) {
        Postings postings = byField.get(term.field()).get(term.bytes());
        return postings == null ? NONE : postings;
    }

    /** A term query for {@code term}, in a field {@link #holds}, that carries its postings. */
    public HeldTermQuery query(Term term) {
        return new HeldTermQuery(term, postings(term));
    }

    /**
     * Adds {@code boost} times the term's BM25 score to {@code scores} for each document holding it, and marks them
     * in {@code matched}: as Lucene's term scorer scores, {@code weight - weight / saturation}.
     */
    public static void score(Postings postings, float boost, double[] scores, boolean[] matched) {
        float weight = boost * postings.idf;
        int[] docs = postings.docs;
        float[] saturation = postings.saturation;
        for (int i = 0; i < docs.length; i++) {
            scores[docs[i]] += weight - weight / saturation[i];
            matched[docs[i]] = true;
        }
    }
}
