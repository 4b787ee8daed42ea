package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.RealIndex;
import attackkb.generation.IndexGeneration;
import attackkb.index.IndexManifest;
import attackkb.model.KnowledgeBase;
import attackkb.model.Technique;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.search.SearchService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indexer over the real ATT&CK 18.1 bundles ({@code ../shared/data/attack} or {@code $ATTACK_KB_DATA/attack}),
 * checked against counts known from the data's README. Skipped when the data is absent.
 */
class RealAttackDataIT {
    static KnowledgeBase kb;
    static IndexManifest manifest;
    static IndexGeneration index;

    @BeforeAll
    static void openIndex() {
        RealIndex real = RealIndex.attack();
        kb = real.knowledgeBase();
        manifest = real.manifest();
        index = real.served().index();
    }

    static Technique technique(String id) {
        return kb.techniques().stream().filter(t -> id.equals(t.id())).findFirst().orElseThrow();
    }

    @Test
    void enterpriseHasTheKnownNumbersOfActiveObjects() {
        Map<String, Integer> enterprise = manifest.counts().get("enterprise-attack");
        assertThat(enterprise).containsEntry("technique", 691).containsEntry("mitigation", 44)
                .containsEntry("detection", 691).containsEntry("tactic", 14);
        long subs = kb.techniques().stream()
                .filter(t -> t.active() && t.subtechnique() && t.domains().contains("enterprise-attack")).count();
        assertThat(subs).isEqualTo(475);
        assertThat(manifest.attackVersions()).containsEntry("enterprise-attack", "18.1")
                .containsEntry("mobile-attack", "18.1").containsEntry("ics-attack", "18.1");
    }

    @Test
    void mobileAndIcsHaveTheKnownNumbersOfActiveTechniques() {
        assertThat(manifest.counts().get("mobile-attack")).containsEntry("technique", 124);
        assertThat(manifest.counts().get("ics-attack")).containsEntry("technique", 83);
    }

    @Test
    void everySourceIsRecordedWithItsSha256() {
        assertThat(manifest.sources()).hasSize(3).allSatisfy(s -> {
            assertThat(s.sha256()).hasSize(64);
            assertThat(s.kind()).isEqualTo("stix_bundle");
        });
    }

    @Test
    void maliciousImageIsLinkedAsOnAttackMitreOrg() {
        Technique t = technique("T1204.003");
        assertThat(t.name()).isEqualTo("Malicious Image");
        assertThat(t.tactics()).extracting("shortname").containsExactly("execution");
        assertThat(t.platforms()).containsExactlyInAnyOrder("IaaS", "Containers");
        assertThat(t.parent().id()).isEqualTo("T1204");
        assertThat(t.mitigations()).extracting("id").containsExactlyInAnyOrder("M1045", "M1031", "M1017", "M1047");
        assertThat(t.detections()).extracting("id").containsExactly("DET0248");
        assertThat(t.mitigations()).allSatisfy(m -> assertThat(m.guidance()).isNotBlank());
    }

    @Test
    void revokedTechniquesPointToTheirFinalReplacements() {
        List<Technique> revoked = kb.techniques().stream().filter(t -> t.revokedBy() != null).toList();
        assertThat(revoked).hasSize(184);
        // Chains are followed: T1150 was revoked by T1547.011, itself revoked by T1647.
        assertThat(technique("T1150").revokedBy()).isEqualTo("T1647");
        // In Enterprise every replacement is current; Mobile has a few replaced by techniques since deprecated.
        assertThat(revoked).filteredOn(t -> t.domains().contains("enterprise-attack"))
                .allSatisfy(t -> assertThat(technique(t.revokedBy()).active()).as(t.id()).isTrue());
    }

    @Test
    void executionHoldsFortySixEnterpriseTechniques() {
        var request = new SearchRequest("", List.of(), List.of("execution"), List.of(), List.of("enterprise-attack"),
                List.of("technique"), 10, 0);
        assertThat(new SearchService(index).search(request).total()).isEqualTo(46);
    }

    @Test
    void containerImageFindsTheUserStoryTechniquesOnTheFirstPage() {
        SearchResult r = new SearchService(index).search(SearchRequest.of("container image"));
        assertThat(r.hits().subList(0, 5)).extracting("id").contains("T1204.003", "T1525");
    }
}
