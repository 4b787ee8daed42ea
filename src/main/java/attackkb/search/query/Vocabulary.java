package attackkb.search.query;

import static attackkb.index.IndexSchema.*;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * The words of the index, as what a query's words may stand for:
 * <ul>
 *   <li><b>completions</b> of a half-typed last word: {@code powersh} → {@code powershel} (PowerShell), each weighted
 *       by how many documents use it relative to the most used one, so a query ranks as if the user had typed the
 *       word they most likely mean, and a rare longer word (PowerShower, Kerberoasting) counts little;
 *   <li><b>corrections</b> of a word found nowhere: {@code contian} → {@code contain}, the closest few within one
 *       or two edits, weighted by closeness. One Levenshtein automaton serves every field, where a fuzzy query per
 *       field built one each.
 * </ul>
 */
public final class Vocabulary {
    /** A word of the index and its weight, 0 to 1. */
    public record WeightedTerm(String term, float weight) {}

    /** What the user is typing: prefixes to look up (as typed and as stemmed) and the word's own indexed term. */
    public record LastWord(List<String> prefixes, String term) {}

    /** Completions kept per word: the likely ones; further ones barely move a ranking. */
    static final int MAX_COMPLETIONS = 4;
    /** Corrections kept per word: the closest few, so a typo never costs much more than a word. */
    static final int MAX_CORRECTIONS = 4;
    /** Completions come from, and are searched in, the fields that say what an object is. */
    static final List<String> COMPLETION_FIELDS = List.of(NAME, ALIASES, FORMER_NAMES, STATEMENT, DETECTION);
    /** Corrections look only at names, aliases and statements: longer prose fields make them noisy. */
    static final List<String> CORRECTION_FIELDS = List.of(NAME, ALIASES, STATEMENT);
    /** Terms looked at per prefix and field: bounds the cost of a short, common prefix. */
    private static final int MAX_SCANNED = 2_048;

    /**
     * Words looked up before, per index generation: live search asks for the same words keystroke after keystroke
     * and query after query (the words typed before the last one), and the answer depends only on the index.
     */
    private static final int REMEMBERED = 10_000;

    private final IndexReader reader;
    private final Cache<LastWord, List<WeightedTerm>> completions = Caffeine.newBuilder().maximumSize(REMEMBERED).build();
    private final Cache<String, List<WeightedTerm>> corrections = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    public Vocabulary(IndexReader reader) {
        this.reader = reader;
    }

    /** The completions of {@code word}, best first, not counting the word itself; empty if none. */
    public List<WeightedTerm> completions(LastWord word) {
        return word == null ? List.of() : completions.get(word, this::complete);
    }

    private List<WeightedTerm> complete(LastWord word) {
        try {
            Map<String, Integer> docFreqs = new HashMap<>();
            for (String prefix : word.prefixes()) collectStartingWith(new BytesRef(prefix), docFreqs);
            int own = word.term() == null ? 0 : docFreq(COMPLETION_FIELDS, word.term());
            docFreqs.remove(word.term());
            if (docFreqs.isEmpty()) return List.of();
            List<Map.Entry<String, Integer>> best = byDocFreq(docFreqs);
            float most = Math.max(own, best.get(0).getValue());
            List<WeightedTerm> out = new ArrayList<>(MAX_COMPLETIONS);
            for (var e : best.subList(0, Math.min(MAX_COMPLETIONS, best.size()))) {
                out.add(new WeightedTerm(e.getKey(), e.getValue() / most));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The closest words to {@code term} within one edit (two from six letters on) that share its first letter, most
     * used first; each weighs {@code 1 - edits / length}. Only the closest count: "contian" means "contain", one
     * transposition away, not "conti", two deletions away.
     */
    public List<WeightedTerm> corrections(String term) {
        return corrections.get(term, this::correct);
    }

    private List<WeightedTerm> correct(String term) {
        int edits = term.length() >= 6 ? 2 : 1;
        var automaton = new CompiledAutomaton(
                new LevenshteinAutomata(term.substring(1), true).toAutomaton(edits, term.substring(0, 1)), true, false);
        try {
            Map<String, Integer> docFreqs = new HashMap<>();
            collect(CORRECTION_FIELDS, automaton, docFreqs);
            docFreqs.remove(term);
            record Candidate(String term, int edits, int docFreq) {}
            List<Candidate> candidates = new ArrayList<>(docFreqs.size());
            docFreqs.forEach((t, df) -> candidates.add(new Candidate(t, distance(term, t), df)));
            candidates.sort(Comparator.comparingInt(Candidate::edits)
                    .thenComparing(Comparator.comparingInt(Candidate::docFreq).reversed())
                    .thenComparing(Candidate::term));
            List<WeightedTerm> out = new ArrayList<>(MAX_CORRECTIONS);
            for (Candidate c : candidates) {
                if (c.edits() > candidates.get(0).edits() || out.size() == MAX_CORRECTIONS) break;
                out.add(new WeightedTerm(c.term(), 1f - (float) c.edits() / term.length()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds each term of the completion fields that starts with {@code prefix}, with its largest document frequency
     * among them: a seek and a walk of the terms dictionary, cheaper than compiling a prefix automaton.
     */
    private void collectStartingWith(BytesRef prefix, Map<String, Integer> docFreqs) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            for (String field : COMPLETION_FIELDS) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) continue;
                BytesRef term = te.term();
                for (int scanned = 0; term != null && StringHelper.startsWith(term, prefix) && scanned < MAX_SCANNED;
                        scanned++, term = te.next()) {
                    docFreqs.merge(term.utf8ToString(), te.docFreq(), Math::max);
                }
            }
        }
    }

    /** Adds each term of {@code fields} that {@code automaton} accepts, with its largest document frequency among them. */
    private void collect(List<String> fields, CompiledAutomaton automaton, Map<String, Integer> docFreqs)
            throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            for (String field : fields) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) continue;
                TermsEnum te = automaton.getTermsEnum(terms);
                BytesRef term = te.next();
                for (int scanned = 0; term != null && scanned < MAX_SCANNED; scanned++, term = te.next()) {
                    docFreqs.merge(term.utf8ToString(), te.docFreq(), Math::max);
                }
            }
        }
    }

    private static List<Map.Entry<String, Integer>> byDocFreq(Map<String, Integer> docFreqs) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(docFreqs.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return entries;
    }

    private int docFreq(List<String> fields, String term) throws IOException {
        int max = 0;
        for (String field : fields) max = Math.max(max, reader.docFreq(new Term(field, term)));
        return max;
    }

    /** Edits between two words: insertions, deletions, substitutions and transpositions of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
