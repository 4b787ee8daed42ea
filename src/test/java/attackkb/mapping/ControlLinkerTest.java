package attackkb.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.ingest.Ingested;
import attackkb.model.Control;
import attackkb.model.Technique;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mapping, descriptions and catalog fixtures linked to the fixture bundle (ATT&CK 18.1 shapes, a 16.1 mapping). */
class ControlLinkerTest {
    static Ingested ingested;
    static List<String> log = new ArrayList<>();

    @BeforeAll
    static void ingest() {
        ingested = Fixtures.ingest(List.of(Fixtures.enterprise().toString(), Fixtures.controls().toString()), log);
    }

    static Technique technique(String id) {
        return ingested.knowledgeBase().techniques().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    static Control control(String id) {
        return ingested.knowledgeBase().controls().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void linksControlsToTechniquesWithNormalisedIdsOnceEach() {
        Technique image = technique("T1204.003");
        assertThat(image.controls()).extracting("id").containsExactly("AC-4", "CM-2");
        var ac4 = image.controls().get(0);
        assertThat(ac4.title()).isEqualTo("Information Flow Enforcement");
        assertThat(ac4.family()).isEqualTo("AC Access Control");
        assertThat(ac4.mappingType()).isEqualTo("mitigates");
        assertThat(ac4.comments()).isEqualTo("Restricting flows to untrusted registries blocks malicious images.");
        assertThat(ac4.source().framework()).isEqualTo("nist_800_53");
        assertThat(ac4.source().revision()).isEqualTo("rev5");
        assertThat(ac4.source().attackVersion()).isEqualTo("16.1");
        assertThat(image.controlMapping()).isEqualTo("mapped");
    }

    @Test
    void followsARevokedTechniqueToItsReplacementAndReportsTheRest() {
        assertThat(technique("T1525").controls()).extracting("id").containsExactly("SI-7");
        assertThat(technique("T1053").controlMapping()).isEqualTo("non_mappable");
        assertThat(technique("T1053").controls()).isEmpty();
        MappingReport report = ingested.mappings().get(0);
        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.mapped()).isEqualTo(4);
        assertThat(report.followedRevoked()).isEqualTo(1);
        assertThat(report.nonMappable()).isEqualTo(1);
        assertThat(report.incomplete()).as("a complete row with no technique and no mapping type").isEqualTo(1);
        assertThat(report.unresolved()).isEqualTo(1);
        assertThat(report.unresolvedIds()).containsExactly("T1111");
        assertThat(log).anyMatch(l -> l.startsWith("mapped nist_800_53 rev5 (ATT&CK 16.1): 7 rows, 4 linked"));
    }

    @Test
    void controlsCarryCatalogTextAndDescriptionsAndMappingOnlyControlsGetTitlesFromTheMapping() {
        Control ac4 = control("AC-4");
        assertThat(ac4.statement()).contains("based on [Assignment: information flow control policies].");
        assertThat(ac4.guidance()).startsWith("Information flow control regulates");
        assertThat(ac4.discussion()).isEqualTo("Information flow control regulates where information can travel.");
        assertThat(ac4.techniques()).extracting("techniqueId").containsExactly("T1204.003");
        assertThat(control("AC-4(4)").statement()).isEqualTo("a. Decrypt information flows.");
        Control cm2 = control("CM-2");
        assertThat(cm2.title()).isEqualTo("Baseline Configuration");
        assertThat(cm2.family()).isEqualTo("CM Configuration Management");
        assertThat(cm2.statement()).isNull();
        assertThat(control("SC-7").techniques()).as("its only row names a technique that is gone").isEmpty();
        assertThat(ingested.knowledgeBase().controls()).extracting(Control::id)
                .containsExactly("AC-4", "AC-4(4)", "CM-2", "SC-7", "SI-7");
    }
}
