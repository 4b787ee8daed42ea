package attackkb.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void removesCitationMarkersIncludingNestedParentheses() {
        assertThat(PlainText.of("Adversaries may do it.(Citation: Summit Route Malicious AMIs) Then more. (Citation: Foo (2019))"))
                .isEqualTo("Adversaries may do it. Then more.");
    }

    @Test
    void reducesLinksToTheirText() {
        assertThat(PlainText.of("via [Upload Malware](https://attack.mitre.org/techniques/T1608/001), and ![alt](x.png)"))
                .isEqualTo("via Upload Malware, and alt");
    }

    @Test
    void dropsHtmlTagsEmphasisAndBackticksAndDecodesEntities() {
        assertThat(PlainText.of("Use <code>cron</code> to run **malicious** `code` &amp; more &lt;here&gt;"))
                .isEqualTo("Use cron to run malicious code & more <here>");
    }

    @Test
    void foldsWhiteSpaceAndHeadings() {
        assertThat(PlainText.of("# Title\n\nFirst  line\n\n * item")).isEqualTo("Title First line item");
    }

    @Test
    void keepsPlainTextAndUnknownEntitiesAsTheyAre() {
        assertThat(PlainText.of("AT&T and C:\\Windows\\System32 (not a citation) [brackets]"))
                .isEqualTo("AT&T and C:\\Windows\\System32 (not a citation) [brackets]");
        assertThat(PlainText.of(null)).isEmpty();
    }
}
