package attackkb.index;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * One field's postings walked in the order they are numbered: terms in the index's term order, each term's
 * documents in increasing order, numbered from 0 across the whole field. The snippet offsets written at build time
 * ({@link SnippetOffsets}) and the postings held in memory at serve time ({@code generation.TermDocs}) both number
 * postings by walking a field with this class, so the two numberings cannot drift apart.
 *
 * <pre>{@code
 * for (BytesRef term = walk.nextTerm(); term != null; term = walk.nextTerm())
 *     for (int doc = walk.nextDoc(); doc != NO_MORE_DOCS; doc = walk.nextDoc())
 *         use(walk.number(), doc, walk.postings());
 * }</pre>
 */
public final class NumberedPostings {
    private final TermsEnum terms;
    private final int flags;
    private PostingsEnum postings;
    /** The number of the posting at hand; the term's first posting's once a term is reached. */
    private long number = -1;
    private long termFirst;
    private boolean onTerm;

    private NumberedPostings(TermsEnum terms, int flags) {
        this.terms = terms;
        this.flags = flags;
    }

    /**
     * The postings of {@code field} across all of {@code reader}'s segments, each read with {@code flags} (a
     * {@link PostingsEnum} flag: what {@link #postings()} can tell of a posting besides its document).
     */
    public static NumberedPostings of(IndexReader reader, String field, int flags) throws IOException {
        Terms fieldTerms = MultiTerms.getTerms(reader, field);
        return new NumberedPostings(fieldTerms == null ? TermsEnum.EMPTY : fieldTerms.iterator(), flags);
    }

    /** Moves to the next term, or returns null after the last; the bytes are valid until the next call. */
    public BytesRef nextTerm() throws IOException {
        while (onTerm) nextDoc(); // postings a caller skipped are numbered all the same
        BytesRef term = terms.next();
        onTerm = term != null;
        if (onTerm) {
            termFirst = number + 1;
            postings = terms.postings(postings, flags);
        }
        return term;
    }

    /** How many documents hold the term at hand. */
    public int docFreq() throws IOException {
        return terms.docFreq();
    }

    /** The number of the term at hand's first posting; its i-th posting is this plus i. */
    public long first() {
        return termFirst;
    }

    /** Moves to the term at hand's next posting and returns its document, or NO_MORE_DOCS after its last. */
    public int nextDoc() throws IOException {
        int doc = postings.nextDoc();
        if (doc != DocIdSetIterator.NO_MORE_DOCS) number++;
        else onTerm = false;
        return doc;
    }

    /** The number of the posting at hand. */
    public long number() {
        return number;
    }

    /** The posting at hand as Lucene reads it: its frequency, and its positions and offsets if the flags asked. */
    public PostingsEnum postings() {
        return postings;
    }

    /** How many postings have been numbered: once every term is walked, the field's posting count. */
    public long count() {
        return number + 1;
    }
}
