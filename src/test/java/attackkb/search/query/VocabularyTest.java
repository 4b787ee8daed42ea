package attackkb.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.generation.IndexGeneration;
import attackkb.index.IndexSchema;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completions and corrections drawn from the fixture index's words. */
class VocabularyTest {
    static IndexGeneration index;
    static Vocabulary vocabulary;
    static QueryFactory queries = new QueryFactory(IndexSchema.analyzer(), Synonyms.parse(""), Ranking.DEFAULT);

    @BeforeAll
    static void open() throws Exception {
        index = FixtureIndex.BUNDLES.generation();
        vocabulary = new Vocabulary(index.searcher().getIndexReader());
    }

    static List<String> terms(List<Vocabulary.WeightedTerm> weighted) {
        return weighted.stream().map(Vocabulary.WeightedTerm::term).toList();
    }

    @Test
    void aHalfTypedWordCompletesToTheWordsItStartsMostUsedFirst() {
        List<Vocabulary.WeightedTerm> implan = vocabulary.completions(queries.lastWord("implan").orElseThrow());
        assertThat(terms(implan)).containsExactly("implant");
        assertThat(implan.get(0).weight()).isEqualTo(1f);
        List<Vocabulary.WeightedTerm> con = vocabulary.completions(queries.lastWord("con").orElseThrow());
        assertThat(con).isNotEmpty().hasSizeLessThanOrEqualTo(Vocabulary.MAX_COMPLETIONS);
        assertThat(con).allSatisfy(c -> assertThat(c.term()).startsWith("con"));
        assertThat(con.get(0).weight()).isEqualTo(1f);
        for (int i = 1; i < con.size(); i++) assertThat(con.get(i).weight()).isLessThanOrEqualTo(con.get(i - 1).weight());
        assertThat(vocabulary.completions(queries.lastWord("zzyzx").orElseThrow())).isEmpty();
    }

    @Test
    void aWordFoundNowhereIsCorrectedToTheClosestWordsOnly() {
        List<Vocabulary.WeightedTerm> contian = vocabulary.corrections("contian");
        assertThat(terms(contian)).containsExactly("contain");
        assertThat(contian.get(0).weight()).isEqualTo(1f - 1f / 7);
        assertThat(vocabulary.corrections("qqqqqq")).isEmpty();
    }

    @Test
    void editsCountTranspositionsOnce() {
        assertThat(Vocabulary.distance("contian", "contain")).isEqualTo(1);
        assertThat(Vocabulary.distance("contian", "conti")).isEqualTo(2);
        assertThat(Vocabulary.distance("imga", "imag")).isEqualTo(1);
        assertThat(Vocabulary.distance("", "abc")).isEqualTo(3);
    }
}
