package attackkb.search.snippets;

import attackkb.generation.TermDocs;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A term of the query in a field whose matches count ({@code field} is its index in
 * {@link MatchedFields#MATCH_FIELDS}), and its postings when {@link TermDocs} holds the field (else null).
 */
record QueryTerm(Term term, TermDocs.Postings postings, int field) {
    /**
     * The distinct terms of {@code query} (not those it excludes) that some document holds in a field whose matches
     * count, by field, then in term order.
     */
    static QueryTerm[] distinctIn(Query query, TermDocs termDocs) {
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
                int field = MatchedFields.MATCH_FIELDS.indexOf(term.field());
                if (field >= 0 && (postings == null || postings.docs().length > 0)) found.add(new QueryTerm(term, postings, field));
            }
        });
        found.sort(QueryTerm::compare);
        List<QueryTerm> distinct = new ArrayList<>(found.size());
        for (QueryTerm t : found) {
            if (distinct.isEmpty() || compare(distinct.get(distinct.size() - 1), t) != 0) distinct.add(t);
        }
        return distinct.toArray(QueryTerm[]::new);
    }

    /**
     * By field, then in term order: a held term's first posting number follows it, and is a cheaper comparison
     * than the term's bytes.
     */
    static int compare(QueryTerm a, QueryTerm b) {
        if (a.field != b.field) return Integer.compare(a.field, b.field);
        return a.postings != null ? Long.compare(a.postings.first(), b.postings.first()) : a.term.compareTo(b.term);
    }
}
