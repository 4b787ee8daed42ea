package attackkb.search;

import static attackkb.index.IndexSchema.ALIASES;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Whether a search's query matched one of a hit's former names (indexed with its aliases): then the result says so,
 * since the name it shows may hold none of the words searched for. Only the few hits with former names ask, so the
 * query's terms are gathered on the first question.
 */
final class FormerNameMatch {
    private final Query query;
    private final Analyzer analyzer;
    private Set<String> terms;

    FormerNameMatch(Query query, Analyzer analyzer) {
        this.query = query;
        this.analyzer = analyzer;
    }

    /** Whether a term the query looks for among aliases (a word, a completion, a correction) is a word of one of these names. */
    boolean matches(List<String> formerNames) {
        if (formerNames == null || formerNames.isEmpty()) return false;
        if (terms == null) terms = aliasTerms(query);
        if (terms.isEmpty()) return false;
        for (String name : formerNames) {
            if (anyTerm(name)) return true;
        }
        return false;
    }

    private static Set<String> aliasTerms(Query query) {
        Set<String> terms = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... found) {
                for (Term t : found) if (t.field().equals(ALIASES)) terms.add(t.text());
            }
        });
        return terms;
    }

    /** Whether {@code name}, analysed as the aliases field's query words are, has a term the query looks for. */
    private boolean anyTerm(String name) {
        try (TokenStream stream = analyzer.tokenStream(ALIASES, name)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            boolean found = false;
            while (!found && stream.incrementToken()) found = terms.contains(term.toString());
            while (stream.incrementToken()) {
                // a token stream is read to its end before it is closed
            }
            stream.end();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
