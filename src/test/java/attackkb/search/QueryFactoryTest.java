package attackkb.search;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.index.IndexSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryFactoryTest {
    private final QueryFactory factory = new QueryFactory(IndexSchema.analyzer(), Synonyms.parse("k8s, kubernetes"),
            new Ranking(Ranking.boosts(1f, 1f, 1f, 1f, 0.5f, 0.75f), 20f, 0.6f, 0.5f, 0.8f));

    @Test
    void anIdFindsThatObjectThenItsChildrenAmongActiveObjects() {
        assertThat(factory.build("t1204").toString())
                .isEqualTo("+((id:t1204)^100.0 (parent_id:t1204)^10.0) #status:active");
        assertThat(factory.build("1204.003").toString()).contains("id:t1204.003");
    }

    @Test
    void wordsAreSearchedInEveryProseFieldWithTheirBoostsAndAsAnExactName() {
        String q = factory.build("images").toString();
        assertThat(q).contains("name:imag", "(statement:imag)", "(mitigation:imag)^0.5", "(procedures:imag)^0.75")
                .contains("(name_exact:images)^20.0").endsWith("#status:active");
    }

    @Test
    void synonymsAndTypoCorrectionsAreAddedAtLowerWeight() {
        assertThat(factory.build("k8s").toString()).contains("name:kubernet").contains(")^0.6");
        assertThat(factory.build("contianer", List.of("contian")).toString()).contains("name:contian~2").contains(")^0.5");
    }

    @Test
    void camelCaseWordsAreSplitIntoParts() {
        assertThat(factory.build("ListCronjobs").toString()).contains("statement:list").contains("statement:cronjob");
    }

    @Test
    void aColonAfterAWordThatIsNotAFieldIsPunctuation() {
        assertThat(QueryFactory.escapeUnknownFields("Masquerading: RTLO name:image platform:Linux http://x"))
                .isEqualTo("Masquerading  RTLO name:image platform:Linux http://x");
    }

    @Test
    void anEmptyQueryMatchesEveryActiveObject() {
        assertThat(factory.build("").toString()).isEqualTo("+*:* #status:active");
    }
}
