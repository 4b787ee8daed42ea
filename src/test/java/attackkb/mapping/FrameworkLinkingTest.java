package attackkb.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.ingest.Ingested;
import attackkb.model.Control;
import attackkb.model.ControlLink;
import attackkb.model.ControlTechnique;
import attackkb.model.Framework;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Frameworks other than SP 800-53 go through the same linking: scores, groups, revoked techniques, reports. */
class FrameworkLinkingTest {
    static Ingested ingested;

    @BeforeAll
    static void ingest() {
        ingested = Fixtures.ingest(List.of(Fixtures.enterprise().toString(), Fixtures.controls().toString(),
                Fixtures.frameworks().toString()), new ArrayList<>());
    }

    private static Control entry(String id) {
        return ingested.knowledgeBase().controls().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aTechniqueListsEveryFrameworksEntriesInFrameworkOrderWithScores() {
        var image = ingested.knowledgeBase().techniques().stream().filter(t -> t.id().equals("T1204.003")).findFirst().orElseThrow();
        assertThat(image.controls()).extracting(l -> l.framework() + " " + l.id() + " " + l.mappingType() + " "
                + l.scoreCategory() + " " + l.scoreValue()).containsExactly(
                "nist_800_53 AC-4 mitigates null null",
                "nist_800_53 CM-2 mitigates null null",
                "aws aws_config technique_scores detect significant",
                "aws aws_config technique_scores protect partial",
                "kev CVE-2099-0001 exploitation_technique null null");
        ControlLink config = image.controls().get(2);
        assertThat(config.title()).isEqualTo("AWS Config");
        assertThat(config.family()).isEqualTo("aws_config AWS Config");
        assertThat(config.source().label()).isEqualTo("via ctid-attack-to-aws");
        assertThat(config.comments()).isEqualTo("Config rules flag instances from images outside an allow list.");
    }

    @Test
    void anEntryListsItsTechniquesFollowingRevocations() {
        Control inspector = entry("amazon_inspector");
        assertThat(inspector.framework()).isEqualTo("aws");
        assertThat(inspector.techniques()).extracting(ControlTechnique::techniqueId).containsExactly("T1525"); // T9999 → T1525
        Control cve = entry("CVE-2099-0001");
        // A long description is the entry's statement, not its title.
        assertThat(cve.title()).isEqualTo("Example Registry Image Pull Remote Code Execution Vulnerability");
        assertThat(cve.techniques()).extracting(u -> u.techniqueId() + " " + u.mappingType())
                .containsExactly("T1204.003 exploitation_technique", "T1525 primary_impact");
    }

    @Test
    void everyFrameworkIsDescribedAndEveryRowAccountedFor() {
        assertThat(ingested.knowledgeBase().frameworks()).extracting(Framework::key).containsExactly("nist_800_53", "aws", "kev");
        Framework aws = ingested.knowledgeBase().frameworks().get(1);
        assertThat(aws.name()).isEqualTo("AWS security capabilities");
        assertThat(aws.version()).isEqualTo("12/12/2024");
        assertThat(aws.attackVersion()).isEqualTo("16.1");
        assertThat(aws.domains()).containsExactly("enterprise");
        assertThat(aws.groups()).containsExactly(new Framework.Group("aws_config", "AWS Config"),
                new Framework.Group("amazon_inspector", "Amazon Inspector"));
        assertThat(List.of(aws.entries(), aws.techniques(), aws.mappings())).containsExactly(2, 2, 3);
        MappingReport report = ingested.mappings().stream().filter(m -> m.framework().equals("aws")).findFirst().orElseThrow();
        assertThat(List.of(report.rows(), report.mapped(), report.followedRevoked(), report.nonMappable(), report.incomplete(),
                report.unresolved())).containsExactly(6, 3, 1, 1, 1, 1);
        assertThat(report.unresolvedIds()).containsExactly("T8888");
    }
}
