package attackkb.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.index.IndexSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryFactoryTest {
    private final QueryFactory factory = new QueryFactory(IndexSchema.analyzer(), Synonyms.parse("k8s, kubernetes"),
            new Ranking(Ranking.boosts(1f, 1f, 1f, 1f, 1f, 0.5f, 0.75f), 20f, 10f, 0.6f, 0.5f, 0.8f));

    @Test
    void anIdFindsThatObjectThenItsChildrenAmongActiveObjects() {
        assertThat(factory.build("t1204").toString())
                .isEqualTo("+((id:t1204)^100.0 (parent_id:t1204)^10.0) #status:active");
        assertThat(factory.build("1204.003").toString())
                .isEqualTo("+((id:t1204.003)^100.0 (parent_id:t1204.003)^10.0) #status:active");
    }

    /** Every prose field, in schema order, with its boost times {@code weight} (none shown when 1): nested disjunctions are inlined. */
    private static String inEveryField(String term, float weight) {
        StringBuilder out = new StringBuilder();
        Ranking.DEFAULT.fieldBoosts().forEach((field, boost) -> {
            float w = weight * boost;
            out.append(out.isEmpty() ? "" : " ").append(w == 1f ? field + ":" + term : "(" + field + ":" + term + ")^" + w);
        });
        return out.toString();
    }

    private static String inEveryField(String term) {
        return inEveryField(term, 1f);
    }

    @Test
    void wordsAreSearchedInEveryProseFieldWithTheirBoostsAndAsAnExactName() {
        assertThat(factory.build("images").toString())
                .isEqualTo("+(" + inEveryField("imag") + " (name_exact:images)^20.0 (former_name_exact:images)^10.0)"
                        + " #status:active");
    }

    @Test
    void synonymsAndTypoCorrectionsAreAddedAtLowerWeight() {
        assertThat(factory.build("k8s").toString()).isEqualTo("+(" + inEveryField("k8")
                + " (name_exact:k8s)^20.0 (former_name_exact:k8s)^10.0 " + inEveryField("kubernet", 0.6f) + ") #status:active");
        var corrections = List.of(new Vocabulary.WeightedTerm("contain", 0.75f));
        assertThat(factory.build("contianer", corrections, List.of()).toString()).isEqualTo("+(" + inEveryField("contian")
                + " (name_exact:contianer)^20.0 (former_name_exact:contianer)^10.0"
                + " (Synonym(name:contain^0.75))^0.5 (Synonym(aliases:contain^0.75))^0.5"
                + " (Synonym(statement:contain^0.75))^0.5) #status:active");
    }

    @Test
    void completionsOfTheLastWordAreSearchedWeightedByLikelihood() {
        var completions = List.of(new Vocabulary.WeightedTerm("contain", 1f), new Vocabulary.WeightedTerm("contact", 0.25f));
        assertThat(factory.build("conta", List.of(), completions).toString()).isEqualTo("+(" + inEveryField("conta")
                + " (name_exact:conta)^20.0 (former_name_exact:conta)^10.0"
                + " (name:contain)^0.8 (aliases:contain)^0.8 (former_names:contain)^0.8 (statement:contain)^0.8"
                + " (detection:contain)^0.8 (name:contact)^0.2 (aliases:contact)^0.2 (former_names:contact)^0.2"
                + " (statement:contact)^0.2 (detection:contact)^0.2) #status:active");
    }

    @Test
    void theLastPlainWordIsCompletedAsTypedAndAsStemmed() {
        assertThat(factory.lastWord("dump lsass mem")).contains(new Vocabulary.LastWord(List.of("mem"), "mem"));
        assertThat(factory.lastWord("containe")).contains(new Vocabulary.LastWord(List.of("containe", "contain"), "contain"));
        assertThat(factory.lastWord("PowerSh")).contains(new Vocabulary.LastWord(List.of("powersh"), null));
        for (String notAWord : List.of("T1204", "\"malicious ima", "image AND", "ab", "name:ima", "lsass.exe")) {
            assertThat(factory.lastWord(notAWord)).as(notAWord).isEmpty();
        }
        assertThat(QueryFactory.withoutLastWord("dump lsass mem")).isEqualTo("dump lsass ");
    }

    @Test
    void theSameTextBuildsTheSameQueryWhateverOrderTheBoostsCameIn() {
        Map<String, Float> reversed = new LinkedHashMap<>();
        List<String> fields = new java.util.ArrayList<>(IndexSchema.PROSE_FIELDS);
        java.util.Collections.reverse(fields);
        fields.forEach(f -> reversed.put(f, Ranking.DEFAULT.fieldBoosts().get(f)));
        var other = new QueryFactory(IndexSchema.analyzer(), Synonyms.parse("k8s, kubernetes"),
                new Ranking(reversed, 20f, 10f, 0.6f, 0.5f, 0.8f));
        assertThat(other.build("k8s image").toString()).isEqualTo(factory.build("k8s image").toString());
    }

    @Test
    void camelCaseWordsAreSplitIntoParts() {
        assertThat(factory.build("ListCronjobs").toString()).isEqualTo("+(" + inEveryField("list") + " "
                + inEveryField("cronjob") + " (name_exact:listcronjobs)^20.0 (former_name_exact:listcronjobs)^10.0) #status:active");
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

    @Test
    void plainWordsAreBuiltAsTheClassicParserBuildsThem() {
        List<String> texts = List.of("container image", "Container  Image\tregistry", "PowerShell", "command-line",
                "T1059.001 powershell", "lsass.exe dump", "the", "the a an", "Win32_PnPEntity ListCronjobs", "it's",
                "Masquerading RTLO", "and or not", "créer un fichier", "file file", "x 1 2", "e.g. sh", "AWS,Azure;GCP",
                "C++ code", "a+b", "AWS - EC2 Enumeration", "a + b -", "(a b)", "Modify Registry (HKCU)", "x (y z) w",
                "((nested) groups)", "");
        for (String text : texts) {
            assertThat(QueryFactory.words(text)).as(text).isNotNull();
            assertThat(QueryFactory.flattened(factory.parse(text)).toString()).as(text)
                    .isEqualTo(QueryFactory.flattened(factory.parsed(text)).toString());
        }
    }

    @Test
    void textWithParserSyntaxIsNotPlainWords() {
        for (String text : List.of("a AND b", "NOT b", "a OR b", "\"a phrase\"", "name:x", "wild*", "what?", "-(a b)",
                "+(a b)", "(a OR b)", "(a b)^2", "-excluded", "svchost.exe -k", "+required", "boost^2", "fuzzy~", "a && b", "a || b", "!a", "[a TO b]", "{a TO b}", "a/b",
                "back\\slash")) {
            assertThat(QueryFactory.words(text)).as(text).isNull();
        }
        assertThat(QueryFactory.words(" container\u3000image  ")).containsExactly("container", "image");
    }

    @Test
    void anUnclosedParenthesisIsPunctuation() {
        assertThat(QueryFactory.words("Alternate Data Streams (ADS")).containsExactly("Alternate", "Data", "Streams", "ADS");
        assertThat(factory.parse("Streams (ADS").toString()).isEqualTo(factory.parse("Streams ADS").toString());
        assertThat(factory.parse("Streams ADS)").toString()).isEqualTo(factory.parse("Streams ADS").toString());
    }
}
