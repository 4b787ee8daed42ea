package attackkb.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import attackkb.Fixtures;
import attackkb.ingest.Ingested;
import attackkb.model.Control;
import attackkb.model.ControlLink;
import attackkb.model.ControlTechnique;
import attackkb.model.Framework;
import attackkb.model.Freshness;
import attackkb.model.KnowledgeBase;
import attackkb.model.Technique;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every link carries how the technique its row names stands now; rows naming a revoked technique stay apart. */
class FreshnessLinkingTest {
    static KnowledgeBase pair;
    static KnowledgeBase oneRelease;

    @BeforeAll
    static void ingest() {
        pair = Fixtures.ingest(List.of(Fixtures.releases().toString(), Fixtures.freshness().resolve("pair").toString()),
                new ArrayList<>()).knowledgeBase();
        Ingested one = Fixtures.ingest(List.of(Fixtures.enterprise().toString(),
                Fixtures.freshness().resolve("one-release").toString()), new ArrayList<>());
        oneRelease = one.knowledgeBase();
    }

    private static Technique technique(KnowledgeBase kb, String id) {
        return kb.techniques().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static Control entry(KnowledgeBase kb, String id) {
        return kb.controls().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static Framework framework(KnowledgeBase kb, String key) {
        return kb.frameworks().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void rowsNamingTheRevokedTechniquesShowUnderTheirSuccessorEachWithItsOwnFreshness() {
        assertThat(technique(pair, "T1004").controls())
                .extracting(ControlLink::framework, ControlLink::id, ControlLink::scoreValue, ControlLink::freshness)
                .containsExactly(
                        tuple("gcp", "cloud_logging", "partial",
                                new Freshness("revoked", "18.1", "T1003", "Process Injection", "T1004", List.of())),
                        tuple("gcp", "cloud_logging", "partial",
                                new Freshness("revoked", "18.1", "T1009", "Old Injection", "T1004", List.of())),
                        tuple("m365", "defender", "partial",
                                new Freshness("revoked", "17.1", "T1003", "Process Injection", "T1004", List.of())));
        assertThat(entry(pair, "cloud_logging").techniques())
                .extracting(ControlTechnique::techniqueId, u -> u.freshness().status(), u -> u.freshness().mappedId())
                .containsExactly(tuple("T1001", "changed", "T1001"), tuple("T1004", "revoked", "T1003"),
                        tuple("T1004", "revoked", "T1009"));
    }

    @Test
    void changedMappingsNameTheirMaterialChangesAndMappingsForAReleaseNotHeldAreUnknown() {
        assertThat(entry(pair, "cloud_armor").techniques()).extracting(ControlTechnique::techniqueId, ControlTechnique::freshness)
                .containsExactly(
                        tuple("T1000", new Freshness("current", "18.1", "T1000", "Masquerading", null, List.of())),
                        tuple("T1002", new Freshness("changed", "18.1", "T1002", "Command Shell", null, List.of("renamed"))));
        assertThat(entry(pair, "cloud_logging").techniques().get(0).freshness().categories())
                .containsExactly("tactics_changed", "major_version");
        assertThat(entry(pair, "defender").techniques().get(0).freshness()).as("named as the row names it")
                .isEqualTo(new Freshness("unknown", "17.1", "T1000", "Masquerading as it was", null, List.of()));
    }

    @Test
    void aFrameworkCountsItsMappingsPerStatusInOneOrder() {
        Framework gcp = framework(pair, "gcp");
        assertThat(gcp.freshness()).containsExactly(Map.entry("current", 1), Map.entry("changed", 2),
                Map.entry("revoked", 2), Map.entry("deprecated", 0), Map.entry("unknown", 0));
        assertThat(gcp.stale()).isEqualTo(4);
        assertThat(gcp.mappings()).isEqualTo(gcp.freshness().values().stream().mapToInt(Integer::intValue).sum());
        Framework m365 = framework(pair, "m365");
        assertThat(m365.freshness()).containsExactly(Map.entry("current", 0), Map.entry("changed", 0),
                Map.entry("revoked", 1), Map.entry("deprecated", 0), Map.entry("unknown", 1));
        assertThat(m365.stale()).isEqualTo(1);
    }

    /** One release held: the current release tells revoked and deprecated techniques; nothing else can be told. */
    @Test
    void withOneReleaseARevocationOrDeprecationIsStillToldAndTheRestIsUnknown() {
        Control defender = entry(oneRelease, "defender_for_containers");
        assertThat(defender.techniques()).extracting(ControlTechnique::techniqueId, ControlTechnique::freshness)
                .containsExactly(
                        tuple("T1000", new Freshness("deprecated", "16.1", "T1000", "Deprecated Image Trick", null, List.of())),
                        tuple("T1525", new Freshness("unknown", "16.1", "T1525", "Implant Internal Image", null, List.of())),
                        tuple("T1525", new Freshness("revoked", "16.1", "T9999", "Old Image Implant", "T1525", List.of())));
        assertThat(technique(oneRelease, "T1000").controls()).as("a deprecated technique keeps the mappings made for it")
                .extracting(ControlLink::id).containsExactly("defender_for_containers");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("current", 0);
        expected.put("changed", 0);
        expected.put("revoked", 1);
        expected.put("deprecated", 1);
        expected.put("unknown", 1);
        assertThat(framework(oneRelease, "azure").freshness()).containsExactlyEntriesOf(expected);
        assertThat(framework(oneRelease, "azure").stale()).isEqualTo(2);
    }
}
