package attackkb.search.query;

import attackkb.generation.DocTable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Index terms as people write them: corrections are found among stemmed terms ("contain", "imag"), but a
 * "did you mean" must offer words ("container", "image"). Of the words of the index's names and leads that analyse
 * to a term, the one closest to what was typed stands for it ("contianer" → "container", not "contain"), the more
 * frequent on a tie. Made once per index generation, on the first typo.
 */
public final class SurfaceWords {
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*");

    /** A word and how often the names and leads use it. */
    private record Word(String word, int count) {}

    private final Map<String, List<Word>> byTerm;

    private SurfaceWords(Map<String, List<Word>> byTerm) {
        this.byTerm = byTerm;
    }

    public static SurfaceWords of(DocTable table, QueryFactory queries) {
        Map<String, Integer> counts = new HashMap<>();
        for (int doc = 0; doc < table.maxDoc(); doc++) {
            var hit = table.hit(doc);
            if (hit == null) continue;
            count(hit.name(), counts);
            count(hit.lead(), counts);
        }
        Map<String, List<Word>> byTerm = new HashMap<>();
        counts.forEach((word, count) -> {
            List<String> terms = queries.proseTerms(word);
            if (terms.size() == 1) byTerm.computeIfAbsent(terms.get(0), k -> new java.util.ArrayList<>()).add(new Word(word, count));
        });
        return new SurfaceWords(byTerm);
    }

    private static void count(String text, Map<String, Integer> counts) {
        if (text == null) return;
        Matcher m = WORD.matcher(text);
        while (m.find()) counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }

    /** The word written for {@code term} closest to {@code typed}, if the index's names and leads hold one. */
    public Optional<String> of(String term, String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        return byTerm.getOrDefault(term, List.of()).stream()
                .min(java.util.Comparator.comparingInt((Word w) -> Vocabulary.distance(lower, w.word()))
                        .thenComparing(java.util.Comparator.comparingInt(Word::count).reversed())
                        .thenComparing(Word::word))
                .map(Word::word);
    }
}
