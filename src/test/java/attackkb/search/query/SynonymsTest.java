package attackkb.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SynonymsTest {
    private final Synonyms synonyms = Synonyms.parse("""
            # comment
            k8s, kubernetes
            c2, c&c, command and control
            lsass, local security authority subsystem service
            lonely
            """);

    @Test
    void expandsAWordToTheOtherMembersOfItsGroup() {
        assertThat(synonyms.expansions("k8s pods")).containsExactly("kubernetes");
        assertThat(synonyms.expansions("Kubernetes")).containsExactly("k8s");
    }

    @Test
    void matchesWholeWordsAndPhrasesIgnoringCaseAndPunctuation() {
        assertThat(synonyms.expansions("Command and Control over DNS")).containsExactly("c2", "c&c");
        assertThat(synonyms.expansions("Dump LSASS.exe memory")).containsExactly("local security authority subsystem service");
        assertThat(synonyms.expansions("c2c traffic")).isEmpty();
    }

    @Test
    void leavesOutWhatTheQueryAlreadySays() {
        assertThat(synonyms.expansions("c2 command and control")).containsExactly("c&c");
    }

    @Test
    void theShippedListLoadsAndKnowsTheCommonAbbreviations() {
        Synonyms shipped = Synonyms.load();
        assertThat(shipped.expansions("creds")).contains("credentials");
        assertThat(shipped.expansions("AMI")).contains("machine image");
        assertThat(shipped.expansions("EDR")).contains("endpoint detection and response");
        assertThat(shipped.expansions("C2")).contains("command and control");
    }
}
