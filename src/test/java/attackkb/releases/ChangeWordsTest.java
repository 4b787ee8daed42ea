package attackkb.releases;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.model.TacticRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sentences a change is told in, for the kinds of change the fixture pair does not make. */
class ChangeWordsTest {
    private static final TacticRef PERSISTENCE = new TacticRef("TA0003", "persistence", "Persistence");
    private static final TacticRef EVASION = new TacticRef("TA0005", "defense-evasion", "Defense Evasion");

    private static ObjectState technique(String id, String stixId, String name, String status, List<TacticRef> tactics,
            List<String> platforms, String parent, String version, List<String> mitigations, List<String> detections) {
        return new ObjectState(id, stixId, "technique", name, status, null, List.of("enterprise-attack"), tactics, platforms,
                parent, version, null, mitigations, detections, "Text.");
    }

    private static ObjectState named(String type, String id, String name) {
        return new ObjectState(id, type + "--" + id, type, name, "active", null, List.of("enterprise-attack"), List.of(),
                List.of(), null, "1.0", null, List.of(), List.of(), null);
    }

    private static List<String> words(ReleaseSnapshot from, ReleaseSnapshot to, String id) {
        Change change = ReleaseDiff.between(from, to).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        return ChangeWords.of(change, from, to).stream().map(ChangeWords.Fact::plain).toList();
    }

    @Test
    void tacticsAndPlatformsSayWhatWasAddedAndDroppedWhenSomeStayed() {
        var before = new ReleaseSnapshot("16.1", Map.of(), List.of(technique("T1112", "attack-pattern--1", "Modify Registry",
                "active", List.of(EVASION), List.of("Linux", "macOS"), null, "1.4", List.of(), List.of())));
        var after = new ReleaseSnapshot("18.1", Map.of(), List.of(technique("T1112", "attack-pattern--1", "Modify Registry",
                "active", List.of(PERSISTENCE, EVASION), List.of("Windows", "macOS"), null, "2.0", List.of(), List.of())));
        assertThat(words(before, after, "T1112")).containsExactly(
                "Tactics: Defense Evasion → Persistence, Defense Evasion (added Persistence)",
                "Platforms: Linux, macOS → Windows, macOS (added Windows; dropped Linux)",
                "Version 1.4 → 2.0");
    }

    @Test
    void mitigationsAndDetectionsAreNamedAsTheirReleaseNamesThemAndDataComponentsApart() {
        var before = new ReleaseSnapshot("17.1", Map.of(), List.of(
                technique("T1176", "attack-pattern--2", "Browser Extensions", "active", List.of(PERSISTENCE), List.of("Windows"),
                        null, "1.3", List.of("M1017"), List.of("DC: File Creation", "DC: Windows Registry Key Creation")),
                named("mitigation", "M1017", "User Training")));
        var after = new ReleaseSnapshot("18.1", Map.of(), List.of(
                technique("T1176", "attack-pattern--2", "Software Extensions", "active", List.of(PERSISTENCE), List.of("Windows"),
                        null, "1.3", List.of("M1047"), List.of("DC: File Creation", "DC: Network Traffic Flow", "DET0092")),
                named("mitigation", "M1047", "Audit"), named("detection", "DET0092", "Detection of Software Extensions")));
        assertThat(words(before, after, "T1176")).containsExactly(
                "Renamed from Browser Extensions",
                "Mitigations added: M1047 Audit",
                "Mitigations dropped: M1017 User Training",
                "Detections added: DET0092 Detection of Software Extensions; data component Network Traffic Flow",
                "Detections dropped: data component Windows Registry Key Creation");
    }

    @Test
    void aTechniqueThatLeavesOrJoinsAParentOrIsDeprecatedOrRemovedSaysSo() {
        var before = new ReleaseSnapshot("17.1", Map.of(), List.of(
                technique("T1000.001", "attack-pattern--3", "Sub", "active", List.of(EVASION), List.of(), "T1000", "1.0", List.of(), List.of()),
                technique("T1000", "attack-pattern--4", "Parent", "active", List.of(EVASION), List.of(), null, "1.0", List.of(), List.of()),
                technique("T1005", "attack-pattern--5", "Old", "active", List.of(EVASION), List.of(), null, "1.0", List.of(), List.of()),
                technique("T1006", "attack-pattern--6", "Gone", "active", List.of(EVASION), List.of(), null, "1.0", List.of(), List.of())));
        var after = new ReleaseSnapshot("18.1", Map.of(), List.of(
                technique("T1007", "attack-pattern--3", "Sub", "active", List.of(EVASION), List.of(), null, "1.0", List.of(), List.of()),
                technique("T1000", "attack-pattern--4", "Parent", "active", List.of(EVASION), List.of(), null, "1.0", List.of(), List.of()),
                technique("T1005", "attack-pattern--5", "Old", "deprecated", List.of(EVASION), List.of(), null, "1.0", List.of(), List.of())));
        assertThat(words(before, after, "T1007")).containsExactly("ID changed from T1000.001", "No longer a sub-technique of T1000 Parent");
        assertThat(words(before, after, "T1005")).containsExactly("Deprecated in ATT&CK 18.1");
        assertThat(words(before, after, "T1006")).containsExactly("No longer in ATT&CK 18.1");
    }
}
