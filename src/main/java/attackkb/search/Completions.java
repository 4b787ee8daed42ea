package attackkb.search;

import static attackkb.index.IndexSchema.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The words of the index that a half-typed last word may become: {@code powersh} → {@code powershel} (PowerShell),
 * {@code kerber} → {@code kerbero} (Kerberos). Each completion is weighted by how many documents use it relative to
 * the most used one, so a query ranks as if the user had typed the word they most likely mean, and a rare longer
 * word (PowerShower, Kerberoasting) counts little.
 */
final class Completions {
    /** A word of the index and its weight, 0 to 1. */
    record Completion(String term, float weight) {}

    /** What the user is typing: prefixes to look up (as typed and as stemmed) and the word's own indexed term. */
    record LastWord(List<String> prefixes, String term) {}

    /** Completions kept per word: the likely ones; further ones barely move a ranking. */
    static final int MAX_COMPLETIONS = 8;
    /** Completions come from the fields that say what an object is; procedures would add malware names. */
    private static final List<String> FIELDS = List.of(NAME, ALIASES, STATEMENT, DETECTION);
    /** Terms looked at per prefix and field: bounds the cost of a short, common prefix. */
    private static final int MAX_SCANNED = 2_048;

    private final IndexReader reader;

    Completions(IndexReader reader) {
        this.reader = reader;
    }

    /** The completions of {@code word}, best first, not counting the word itself; empty if none. */
    List<Completion> of(LastWord word) {
        if (word == null) return List.of();
        try {
            Map<String, Integer> docFreqs = new HashMap<>();
            for (String prefix : word.prefixes()) collect(new BytesRef(prefix), docFreqs);
            int own = word.term() == null ? 0 : docFreq(word.term());
            docFreqs.remove(word.term());
            if (docFreqs.isEmpty()) return List.of();
            List<Map.Entry<String, Integer>> best = new ArrayList<>(docFreqs.entrySet());
            best.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
            float most = Math.max(own, best.get(0).getValue());
            List<Completion> out = new ArrayList<>(MAX_COMPLETIONS);
            for (var e : best.subList(0, Math.min(MAX_COMPLETIONS, best.size()))) {
                out.add(new Completion(e.getKey(), e.getValue() / most));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every term starting with {@code prefix} in the fields, with its largest document frequency among them. */
    private void collect(BytesRef prefix, Map<String, Integer> docFreqs) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            for (String field : FIELDS) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) continue;
                int scanned = 0;
                for (BytesRef term = te.term(); term != null && StringHelper.startsWith(term, prefix)
                        && scanned < MAX_SCANNED; term = te.next(), scanned++) {
                    docFreqs.merge(term.utf8ToString(), te.docFreq(), Math::max);
                }
            }
        }
    }

    private int docFreq(String term) throws IOException {
        int max = 0;
        for (String field : FIELDS) max = Math.max(max, reader.docFreq(new Term(field, term)));
        return max;
    }
}
