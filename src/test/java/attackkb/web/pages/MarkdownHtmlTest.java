package attackkb.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.model.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownHtmlTest {
    @Test
    void numbersCitationsAcrossAPageAndListsTheirSources() {
        var citations = new Citations();
        var refs = List.of(new Reference("Summit Route", "Piper, S. (2018). Investigating Malicious AMIs.", "https://example.org/amis"));
        String first = MarkdownHtml.render("Backdoored images.(Citation: Summit Route)", refs, citations);
        String second = MarkdownHtml.render("Again (Citation: Summit Route) and (Citation: Other (2020))", refs, citations);
        assertThat(first).isEqualTo("<p>Backdoored images.<a rel=\"nofollow\" href=\"#ref-1\">[1]</a></p>\n");
        assertThat(second).contains("Again<a rel=\"nofollow\" href=\"#ref-1\">[1]</a>").contains("href=\"#ref-2\">[2]</a>");
        assertThat(citations.list()).extracting("number", "sourceName").containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "Summit Route"), org.assertj.core.groups.Tuple.tuple(2, "Other (2020)"));
        assertThat(citations.list().get(0).url()).isEqualTo("https://example.org/amis");
    }

    @Test
    void escapesRawHtmlAndSanitisesLinks() {
        String html = MarkdownHtml.render("<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert%281%29)",
                List.of(), new Citations());
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript:");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void turnsCodeTagsIntoCodeSpansAndAttackLinksIntoLocalOnes() {
        String html = MarkdownHtml.render("Run <code>schtasks /create</code> as in [Upload Malware](https://attack.mitre.org/techniques/T1608/001) "
                + "or [APT29](https://attack.mitre.org/groups/G0016).", List.of(), new Citations());
        assertThat(html).contains("<code>schtasks /create</code>")
                .contains("href=\"/techniques/T1608.001\">Upload Malware</a>")
                .contains("href=\"/groups/G0016\">APT29</a>");
    }

    @Test
    void controlCrossReferencesLinkToTheControlsPagesAndOtherAnchorsAreDropped() {
        assertThat(MarkdownHtml.controlProse("As in [CA-6(1)](#ca-6.1), [AC-2g](#ac-2_smt.g) and [the list](#s-1)."))
                .isEqualTo("<p>As in <a rel=\"nofollow\" href=\"/frameworks/nist_800_53/CA-6(1)\">CA-6(1)</a>, "
                        + "<a rel=\"nofollow\" href=\"/frameworks/nist_800_53/AC-2\">AC-2g</a> and the list.</p>\n");
    }
}
