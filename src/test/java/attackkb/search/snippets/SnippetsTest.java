package attackkb.search.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where snippets start and end: sentences, not abbreviations. */
class SnippetsTest {
    private static final String TEXT = "Adversaries may run shells (e.g. sh, ash). Shells are common.\nLogs show it.";

    @Test
    void aSentenceStartsAfterItsPredecessorsEndOrALineBreakButNotAfterAnAbbreviation() {
        assertThat(Sentences.scan(TEXT).isStart(0)).isTrue();
        assertThat(Sentences.scan(TEXT).isStart(TEXT.indexOf("sh,"))).as("after e.g.").isFalse();
        assertThat(Sentences.scan(TEXT).isStart(TEXT.indexOf("Shells"))).isTrue();
        assertThat(Sentences.scan(TEXT).isStart(TEXT.indexOf("Logs"))).isTrue();
    }

    @Test
    void theSentenceOfAMatchIsFoundAroundIt() {
        int ash = TEXT.indexOf("ash");
        assertThat(TEXT.substring(Sentences.scan(TEXT).start(ash, 0), Sentences.scan(TEXT).end(ash + 3)))
                .isEqualTo("Adversaries may run shells (e.g. sh, ash).");
        int common = TEXT.indexOf("common");
        assertThat(TEXT.substring(Sentences.scan(TEXT).start(common, 0), Sentences.scan(TEXT).end(common + 6)))
                .isEqualTo("Shells are common.");
        assertThat(Sentences.scan(TEXT).endsAt(TEXT.indexOf(" Shells"))).isTrue();
        assertThat(Sentences.scan(TEXT).endsAt(TEXT.indexOf(" are"))).isFalse();
    }

    @Test
    void escapesEverythingHtmlCares() {
        assertThat(Snippets.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
    }
}
