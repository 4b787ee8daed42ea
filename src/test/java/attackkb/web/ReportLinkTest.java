package attackkb.web;

import static attackkb.web.ControlsWebTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.BadInputException;
import attackkb.FixtureIndex;
import attackkb.web.http.ServerSettings;
import attackkb.web.pages.PageActions;
import attackkb.web.http.ReportLink;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Report an issue" follows the template a team configures, on every kind of entity page. */
class ReportLinkTest {
    private static final String TEMPLATE = "https://git.example.org/kb/issues/new?title={type}%20{id}%3A%20{name}&body={url}%20{version}%20{stix}";

    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.FRAMEWORKS,
            new ServerSettings(ServerSettings.MIN_THREADS, false, ReportLink.of(TEMPLATE)));

    @Test
    void placeholdersAreFilledAndEncoded() {
        assertThat(ReportLink.of(TEMPLATE).url(PageActions.reportValues("technique", "T1204.003", "Malicious Image & co",
                "attack-pattern--1", "ATT&CK 18.1", "http://kb/techniques/T1204.003")))
                .isEqualTo("https://git.example.org/kb/issues/new?title=technique%20T1204.003%3A%20Malicious%20Image%20%26%20co"
                        + "&body=http%3A%2F%2Fkb%2Ftechniques%2FT1204.003%20ATT%26CK%2018.1%20attack-pattern--1");
        assertThat(ReportLink.of("mailto:kb@example.org?subject={id}").url(Map.of())).isEqualTo("mailto:kb@example.org?subject=");
        assertThat(ReportLink.of(null)).isSameAs(ReportLink.MITRE);
    }

    @Test
    void aTemplateMustBeALinkWithKnownPlaceholders() {
        assertThatThrownBy(() -> ReportLink.of("javascript:alert(1)")).isInstanceOf(BadInputException.class)
                .hasMessage("--report-url must start with https://, http:// or mailto:, got \"javascript:alert(1)\"");
        assertThatThrownBy(() -> ReportLink.of("https://x.org/?t={title}")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--report-url: unknown placeholder {title}");
    }

    @Test
    void everyEntityPageLinksToTheConfiguredTracker() {
        server.test((s, client) -> {
            String base = "https://git.example.org/kb/issues/new?title=";
            assertThat(body(client, "/techniques/T1204.003")).contains("href=\"" + base + "technique%20T1204.003%3A%20Malicious%20Image"
                    + "&amp;body=http%3A%2F%2F127.0.0.1%3A");
            assertThat(body(client, "/techniques/T1204.003")).contains("%2Ftechniques%2FT1204.003%20ATT%26CK%2018.1%20"
                    + "attack-pattern--00000000-0000-4000-8000-000001204003\"");
            assertThat(body(client, "/mitigations/M1045")).contains("href=\"" + base + "mitigation%20M1045%3A%20Code%20Signing");
            assertThat(body(client, "/detections/DET0248")).contains("href=\"" + base + "detection%20strategy%20DET0248");
            assertThat(body(client, "/groups/G0139")).contains("href=\"" + base + "group%20G0139%3A%20TeamTNT");
            assertThat(body(client, "/tactics/TA0002")).contains("href=\"" + base + "tactic%20TA0002%3A%20Execution");
            assertThat(body(client, "/frameworks/aws/aws_config")).contains("href=\"" + base
                    + "AWS%20security%20capabilities%20entry%20aws_config%3A%20AWS%20Config&amp;body=")
                    .contains("%20AWS%20security%20capabilities%2012%2F12%2F2024%20mapped%20to%20ATT%26CK%2016.1%20\"");
        });
    }
}
