package attackkb.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where snippets start and end: sentences, not abbreviations. */
class SnippetsTest {
    private static final String TEXT = "Adversaries may run shells (e.g. sh, ash). Shells are common.\nLogs show it.";

    @Test
    void aSentenceStartsAfterItsPredecessorsEndOrALineBreakButNotAfterAnAbbreviation() {
        assertThat(Snippets.isSentenceStart(TEXT, 0)).isTrue();
        assertThat(Snippets.isSentenceStart(TEXT, TEXT.indexOf("sh,"))).as("after e.g.").isFalse();
        assertThat(Snippets.isSentenceStart(TEXT, TEXT.indexOf("Shells"))).isTrue();
        assertThat(Snippets.isSentenceStart(TEXT, TEXT.indexOf("Logs"))).isTrue();
    }

    @Test
    void theSentenceOfAMatchIsFoundAroundIt() {
        int ash = TEXT.indexOf("ash");
        assertThat(TEXT.substring(Snippets.sentenceStart(TEXT, ash), Snippets.sentenceEnd(TEXT, ash + 3)))
                .isEqualTo("Adversaries may run shells (e.g. sh, ash).");
        int common = TEXT.indexOf("common");
        assertThat(TEXT.substring(Snippets.sentenceStart(TEXT, common), Snippets.sentenceEnd(TEXT, common + 6)))
                .isEqualTo("Shells are common.");
        assertThat(Snippets.endsSentence(TEXT, TEXT.indexOf(" Shells"))).isTrue();
        assertThat(Snippets.endsSentence(TEXT, TEXT.indexOf(" are"))).isFalse();
    }

    @Test
    void escapesEverythingHtmlCares() {
        assertThat(Snippets.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
    }
}
