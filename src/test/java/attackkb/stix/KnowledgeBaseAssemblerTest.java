package attackkb.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import attackkb.Fixtures;
import attackkb.model.Actor;
import attackkb.model.DetectionStrategy;
import attackkb.model.EntityType;
import attackkb.model.KnowledgeBase;
import attackkb.model.Mitigation;
import attackkb.model.Status;
import attackkb.model.Tactic;
import attackkb.model.TacticRef;
import attackkb.model.Technique;
import attackkb.model.TechniqueRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseAssemblerTest {
    static KnowledgeBase kb;

    @BeforeAll
    static void read() {
        kb = Fixtures.knowledgeBase();
    }

    static Technique technique(String id) {
        return kb.techniques().stream().filter(t -> id.equals(t.id())).findFirst().orElseThrow();
    }

    @Test
    void linksASubTechniqueToAParentThatComesLaterInTheBundle() {
        Technique image = technique("T1204.003");
        assertThat(image.subtechnique()).isTrue();
        assertThat(image.parent()).isEqualTo(new TechniqueRef("T1204", "User Execution"));
        assertThat(technique("T1204").subtechniques()).containsExactly(new TechniqueRef("T1204.003", "Malicious Image"));
    }

    @Test
    void readsTheStatementPlatformsTacticsAndDates() {
        Technique image = technique("T1204.003");
        assertThat(image.name()).isEqualTo("Malicious Image");
        assertThat(image.description()).contains("(Citation: Summit Route Malicious AMIs)");
        assertThat(image.platforms()).containsExactly("IaaS", "Containers");
        assertThat(image.tactics()).containsExactly(new TacticRef("TA0002", "execution", "Execution"));
        assertThat(image.domains()).containsExactly("enterprise-attack");
        assertThat(image.attackUrl()).isEqualTo("https://attack.mitre.org/techniques/T1204/003");
        assertThat(image.version()).isEqualTo("1.2");
        assertThat(image.created()).isEqualTo("2021-03-30T17:20:05.789Z");
        assertThat(image.references()).extracting("sourceName").containsExactly("Summit Route Malicious AMIs");
    }

    @Test
    void keepsBothTacticsOfATechniqueInMatrixOrder() {
        assertThat(technique("T1053").tactics()).extracting(TacticRef::shortname).containsExactly("execution", "persistence");
    }

    @Test
    void linksActiveMitigationsWithTheirTechniqueSpecificGuidanceAndSkipsDeprecatedOnes() {
        assertThat(technique("T1204.003").mitigations())
                .extracting("id", "name")
                .containsExactly(tuple("M1045", "Code Signing"), tuple("M1047", "Audit"));
        assertThat(technique("T1204.003").mitigations().get(0).guidance()).startsWith("Several cloud service providers");
        assertThat(technique("T1204.003").mitigations().get(0).description()).startsWith("Enforce binary and application");
        Mitigation audit = kb.mitigations().stream().filter(m -> m.id().equals("M1047")).findFirst().orElseThrow();
        assertThat(audit.techniques()).extracting("techniqueId").containsExactly("T1204.003", "T1525");
    }

    @Test
    void linksDetectionStrategiesWithAnalyticsLogSourcesAndDataComponents() {
        Technique image = technique("T1204.003");
        assertThat(image.detections()).extracting("id").containsExactly("DET0248");
        assertThat(image.detections().get(0).analytics()).extracting("id").containsExactly("AN0001", "AN0002");
        assertThat(image.dataComponents()).containsExactly("Container Creation", "Process Creation");
        DetectionStrategy det = kb.detections().get(0);
        assertThat(det.techniqueIds()).containsExactly("T1204.003");
        assertThat(det.analytics()).extracting("id").containsExactly("AN0001", "AN0002");
        var logSource = det.analytics().get(0).logSources().get(0);
        assertThat(logSource.dataComponent()).isEqualTo("Container Creation");
        assertThat(logSource.dataComponentId()).isEqualTo("DC0072");
        assertThat(logSource.name()).isEqualTo("docker:daemon");
        assertThat(logSource.channel()).isEqualTo("container create");
        assertThat(det.analytics().get(0).mutableElements()).extracting("field").containsExactly("TrustedRegistries");
    }

    @Test
    void collectsProcedureExamplesFromGroupsSoftwareAndCampaignsWithTheirCitations() {
        assertThat(technique("T1204.003").procedures())
                .extracting("sourceId", "sourceType", "sourceName")
                .containsExactly(tuple("C0099", EntityType.CAMPAIGN, "Operation Cloudy"),
                        tuple("G0139", EntityType.GROUP, "TeamTNT"));
        var teamTnt = technique("T1204.003").procedures().get(1);
        assertThat(teamTnt.references()).extracting("sourceName").containsExactly("Lacework TeamTNT May 2021");
    }

    /** Before ATT&CK 18 a data component detected a technique itself ("detects"), with no detection strategy between. */
    @Test
    void readsTheDataComponentsThatDetectATechniqueInReleasesBeforeDetectionStrategies(@TempDir Path folder) throws IOException {
        String bundle = """
                {"type": "bundle", "id": "bundle--1", "objects": [
                 {"type": "x-mitre-collection", "id": "x-mitre-collection--1", "name": "Enterprise ATT&CK", "x_mitre_version": "17.1"},
                 {"type": "attack-pattern", "id": "attack-pattern--1", "name": "Browser Extensions",
                  "x_mitre_domains": ["enterprise-attack"],
                  "external_references": [{"source_name": "mitre-attack", "external_id": "T1176"}]},
                 {"type": "x-mitre-data-component", "id": "x-mitre-data-component--1", "name": "Process Creation"},
                 {"type": "x-mitre-data-component", "id": "x-mitre-data-component--2", "name": "File Creation"},
                 {"type": "relationship", "id": "relationship--1", "relationship_type": "detects",
                  "source_ref": "x-mitre-data-component--1", "target_ref": "attack-pattern--1"},
                 {"type": "relationship", "id": "relationship--2", "relationship_type": "detects",
                  "source_ref": "x-mitre-data-component--2", "target_ref": "attack-pattern--1"}]}
                """;
        Path file = Files.writeString(folder.resolve("enterprise-attack-17.1.json"), bundle);
        KnowledgeBase old = Fixtures.ingest(List.of(file.toString()), new ArrayList<>()).knowledgeBase();
        Technique t = old.techniques().get(0);
        assertThat(t.dataComponents()).containsExactly("File Creation", "Process Creation");
        assertThat(t.detections()).isEmpty();
        assertThat(old.detections()).isEmpty();
    }

    @Test
    void resolvesARevokedTechniqueToItsReplacement() {
        Technique old = technique("T9999");
        assertThat(old.status()).isEqualTo(Status.REVOKED);
        assertThat(old.revokedBy()).isEqualTo("T1525");
        assertThat(technique("T1000").status()).isEqualTo(Status.DEPRECATED);
    }

    @Test
    void toleratesMissingOptionalFieldsAndIgnoresUnknownObjectTypes() {
        Technique bare = technique("T1234");
        assertThat(bare.description()).isNull();
        assertThat(bare.platforms()).isEmpty();
        assertThat(bare.tactics()).isEmpty();
        assertThat(bare.mitigations()).isEmpty();
        assertThat(kb.techniques()).extracting(Technique::name).doesNotContain("Something new");
    }

    @Test
    void keepsAnObjectThatAppearsInTwoBundlesOnceAndRecordsEachDomainsVersion() {
        assertThat(kb.actors()).filteredOn(a -> a.type() == EntityType.SOFTWARE)
                .extracting(Actor::id).containsExactly("S0601");
        Actor hildegard = kb.actors().stream().filter(a -> a.id().equals("S0601")).findFirst().orElseThrow();
        assertThat(hildegard.softwareKind()).isEqualTo("malware");
        assertThat(hildegard.aliases()).isEmpty(); // STIX repeats the name as the first alias
        assertThat(kb.attackVersions()).containsEntry("enterprise-attack", "18.1").containsEntry("mobile-attack", "18.1");
    }

    @Test
    void readsTacticsPerDomainWithTheirMatrixColumn() {
        assertThat(kb.tactics()).extracting(Tactic::domain, Tactic::shortname, Tactic::order)
                .containsExactly(tuple("enterprise-attack", "execution", 0), tuple("enterprise-attack", "persistence", 1),
                        tuple("mobile-attack", "execution", 0));
        Technique mobile = technique("T1575");
        assertThat(mobile.tactics()).extracting(TacticRef::id).containsExactly("TA0041");
    }

    @Test
    void groupsKeepTheirAliasesWithoutTheName() {
        Actor group = kb.actors().stream().filter(a -> a.id().equals("G0139")).findFirst().orElseThrow();
        assertThat(group.aliases()).containsExactly("Adept Libra");
        assertThat(group.techniques()).extracting("techniqueId").containsExactly("T1204.003");
    }
}
