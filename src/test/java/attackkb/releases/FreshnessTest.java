package attackkb.releases;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.model.Freshness;
import attackkb.model.TacticRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a mapping made for one release stands in the current one: only material changes make it stale. */
class FreshnessTest {
    private static final TacticRef EVASION = new TacticRef("TA0005", "defense-evasion", "Defense Evasion");
    private static final TacticRef PERSISTENCE = new TacticRef("TA0003", "persistence", "Persistence");

    private static ObjectState technique(String id, String stixId, String name, String status, String successor,
            List<TacticRef> tactics, List<String> platforms, String version) {
        return new ObjectState(id, stixId, "technique", name, status, successor, List.of("enterprise-attack"), tactics,
                platforms, null, version, null, List.of(), List.of(), name + " does things.");
    }

    private static ReleaseSnapshot release(String version, ObjectState... objects) {
        return new ReleaseSnapshot(version, Map.of("enterprise-attack", version), List.of(objects));
    }

    /** 16.1 → 18.1 as ATT&CK made them: ESXi added, a rename with a major version, a tactic added, a revocation. */
    private static final ReleaseHistory HISTORY = new ReleaseHistory(List.of(
            release("16.1",
                    technique("T1001", "attack-pattern--1", "Masquerading", "active", null, List.of(EVASION), List.of("Windows"), "1.2"),
                    technique("T1002", "attack-pattern--2", "DLL Search Order Hijacking", "active", null, List.of(EVASION), List.of("Windows"), "1.3"),
                    technique("T1003", "attack-pattern--3", "Modify Registry", "active", null, List.of(EVASION), List.of("Windows"), "1.3"),
                    technique("T1004", "attack-pattern--4", "DLL Side-Loading", "active", null, List.of(EVASION), List.of("Windows"), "2.0"),
                    technique("T1005", "attack-pattern--5", "Old Trick", "active", null, List.of(EVASION), List.of("Windows"), "1.0")),
            release("18.1",
                    technique("T1001", "attack-pattern--1", "Masquerading", "active", null, List.of(EVASION), List.of("Windows", "ESXi"), "1.3"),
                    technique("T1002", "attack-pattern--2", "DLL", "active", null, List.of(EVASION), List.of("Windows"), "2.0"),
                    technique("T1003", "attack-pattern--3", "Modify Registry", "active", null, List.of(EVASION, PERSISTENCE), List.of("Windows"), "2.0"),
                    technique("T1004", "attack-pattern--4", "DLL Side-Loading", "revoked", "T1002", List.of(EVASION), List.of("Windows"), "2.0"),
                    technique("T1005", "attack-pattern--5", "Old Trick", "deprecated", null, List.of(EVASION), List.of("Windows"), "1.1"),
                    technique("T1006", "attack-pattern--6", "New Trick", "active", null, List.of(EVASION), List.of("Windows"), "1.0"))));

    @Test
    void aPlatformAddedWithAMinorVersionLeavesAMappingCurrent() {
        assertThat(HISTORY.freshness("16.1", "T1001"))
                .isEqualTo(new Freshness("current", "16.1", "T1001", "Masquerading", null, List.of()));
    }

    @Test
    void aChangedMappingListsOnlyTheMaterialChangesAndTheNameItWasMadeFor() {
        assertThat(HISTORY.freshness("16.1", "T1002")).isEqualTo(new Freshness("changed", "16.1", "T1002",
                "DLL Search Order Hijacking", null, List.of("renamed", "major_version")));
        assertThat(HISTORY.freshness("16.1", "T1003")).isEqualTo(new Freshness("changed", "16.1", "T1003",
                "Modify Registry", null, List.of("tactics_changed", "major_version")));
    }

    @Test
    void revokedAndDeprecatedTechniquesAreToldFromTheCurrentReleaseEvenWhenTheMappingsReleaseIsNotHeld() {
        assertThat(HISTORY.freshness("16.1", "T1004"))
                .isEqualTo(new Freshness("revoked", "16.1", "T1004", "DLL Side-Loading", "T1002", List.of()));
        assertThat(HISTORY.freshness("16.1", "T1005"))
                .isEqualTo(new Freshness("deprecated", "16.1", "T1005", "Old Trick", null, List.of()));
        assertThat(HISTORY.freshness("15.1", "T1004"))
                .isEqualTo(new Freshness("revoked", "15.1", "T1004", "DLL Side-Loading", "T1002", List.of()));
        assertThat(HISTORY.freshness("15.1", "T1005").status()).isEqualTo("deprecated");
    }

    @Test
    void withoutTheMappingsReleaseOrTheTechniqueInItNothingElseCanBeTold() {
        assertThat(HISTORY.freshness("15.1", "T1002"))
                .isEqualTo(new Freshness("unknown", "15.1", "T1002", null, null, List.of()));
        assertThat(HISTORY.freshness("16.1", "T1006"))
                .as("a technique the mapping's own release did not have").extracting(Freshness::status).isEqualTo("unknown");
    }

    @Test
    void inTheFixturePairARenameIsChangedButANewShortnameOfTheSameTacticIsNot() {
        ReleaseHistory pair = Fixtures.ingest(List.of(Fixtures.releases().toString()), new ArrayList<>()).releases();
        assertThat(pair.freshness("18.1", "T1002")).as("minor version and description are not listed")
                .isEqualTo(new Freshness("changed", "18.1", "T1002", "Command Shell", null, List.of("renamed")));
        assertThat(pair.freshness("18.1", "T1000"))
                .isEqualTo(new Freshness("current", "18.1", "T1000", "Masquerading", null, List.of()));
    }

    @Test
    void filtersSelectTheStaleOrOneStatusInAnyCase() {
        var revoked = HISTORY.freshness("16.1", "T1004");
        var current = HISTORY.freshness("16.1", "T1001");
        assertThat(Freshness.filter(" Stale ")).contains("stale");
        assertThat(Freshness.filter("REVOKED")).contains("revoked");
        assertThat(Freshness.filter("fresh")).isEmpty();
        assertThat(Freshness.matches(revoked, "stale")).isTrue();
        assertThat(Freshness.matches(revoked, "revoked")).isTrue();
        assertThat(Freshness.matches(current, "stale")).isFalse();
        assertThat(Freshness.matches(current, "current")).isTrue();
        assertThat(Freshness.matches(null, "unknown")).as("not judged is not unknown").isFalse();
    }
}
