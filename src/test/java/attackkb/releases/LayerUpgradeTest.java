package attackkb.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import attackkb.BadInputException;
import attackkb.Fixtures;
import attackkb.Json;
import attackkb.model.TacticRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The upgrade of a layer written for "18.1" to the fixture's "19.0", and of lists of IDs. */
class LayerUpgradeTest {
    private static ReleaseHistory history;
    private static LayerUpgrade upgrade;
    private static String layer;

    @BeforeAll
    static void ingest() throws IOException {
        history = Fixtures.ingest(List.of(Fixtures.releases().toString()), new ArrayList<>()).releases();
        upgrade = new LayerUpgrade(history);
        layer = Files.readString(Fixtures.layers().resolve("enterprise-18.json"));
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String text(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void revokedTechniquesBecomeTheirSuccessorsAndEntriesThatMeetAreMerged() {
        UpgradedLayer upgraded = upgrade.upgrade(layer, null);

        // Everything but the techniques and the release is the layer's own, field for field and in its order.
        ObjectNode expected = json(layer);
        ((ObjectNode) expected.get("versions")).put("attack", "19");
        expected.set("techniques", json("""
                {"t": [
                  {"techniqueID": "T1004", "tactic": "stealth", "score": 5, "color": "#ff6666", "comment": "rule 12\\n\\nrule 40",
                   "enabled": true, "metadata": [{"name": "owner", "value": "blue team"}, {"divider": true},
                                                 {"name": "owner", "value": "red team"}],
                   "links": [{"label": "rule", "url": "https://example.org/rules/12"}], "showSubtechniques": false},
                  {"techniqueID": "T1001", "tactic": "defense-impairment", "score": 2, "color": "", "comment": "audit policy",
                   "enabled": false, "metadata": [{"name": "source", "value": "sysmon"}], "links": [], "showSubtechniques": false},
                  {"techniqueID": "T1000", "tactic": "stealth", "score": 1, "color": "#66b1ff", "comment": "",
                   "enabled": true, "metadata": [], "links": [], "showSubtechniques": false},
                  {"techniqueID": "T1002", "tactic": "execution", "score": 4, "comment": "EDR", "metadata": [{"divider": true}]},
                  {"techniqueID": "T1999", "score": 0, "comment": "typo in a hand-made layer"}
                ]}""").get("t"));
        assertThat(text(upgraded.layer())).isEqualTo(text(expected));
        assertThat(upgraded.ids()).containsExactly("T1004", "T1001", "T1000", "T1002", "T1999");
    }

    @Test
    void theReportNamesEveryChangeWithTheNamesAndTacticsBeforeAndAfter() {
        UpgradeReport report = upgrade.upgrade(layer, null).report();

        assertThat(report).extracting(UpgradeReport::input, UpgradeReport::declaredRelease, UpgradeReport::releaseSource,
                        UpgradeReport::from, UpgradeReport::to, UpgradeReport::domain, UpgradeReport::entriesIn,
                        UpgradeReport::entriesOut, UpgradeReport::notes)
                .containsExactly("layer", "18", "layer", "18.1", "19.0", "enterprise-attack", 6, 5, List.of());
        assertThat(report.changes()).extracting(UpgradeChange::id, c -> c.action().key(), UpgradeChange::tactic,
                        UpgradeChange::successor, UpgradeChange::oldName, UpgradeChange::newName, UpgradeChange::merged)
                .containsExactly(
                        tuple("T1003", "replaced", null, "T1004", "Process Injection", "Process Injection", null),
                        tuple("T1009", "replaced", null, "T1004", "Old Injection", "Process Injection", null),
                        tuple("T1004", "merged", "stealth", null, null, null, List.of("T1003", "T1009")),
                        tuple("T1001", "tactic_moved", "defense-evasion", null, null, null, null),
                        tuple("T1003", "tactic_renamed", "defense-evasion", "T1004", null, null, null),
                        tuple("T1009", "tactic_renamed", "defense-evasion", "T1004", null, null, null),
                        tuple("T1000", "tactic_renamed", "defense-evasion", null, null, null, null),
                        tuple("T1999", "unknown", null, null, null, null, null),
                        tuple("T1002", "renamed", null, null, "Command Shell", "Command and Scripting Shell", null),
                        tuple("Linux", "platform_unknown", null, null, null, null, null));
        assertThat(report.counts()).containsExactly(Map.entry("replaced", 2), Map.entry("merged", 1),
                Map.entry("tactic_moved", 1), Map.entry("tactic_renamed", 3), Map.entry("unknown", 1),
                Map.entry("renamed", 1), Map.entry("platform_unknown", 1));

        UpgradeChange moved = report.changes().get(3);
        assertThat(moved.tacticsBefore()).containsExactly(new TacticRef("TA0005", "defense-evasion", "Defense Evasion"));
        assertThat(moved.tacticsAfter()).containsExactly(new TacticRef("TA0112", "defense-impairment", "Defense Impairment"));
        assertThat(moved.note()).isEqualTo("T1001 Impair Logging is not under Defense Evasion now; the entry goes under Defense Impairment");
        UpgradeChange renamedTactic = report.changes().get(6);
        assertThat(renamedTactic.tacticsAfter()).containsExactly(new TacticRef("TA0005", "stealth", "Stealth"));
        assertThat(renamedTactic.note()).isEqualTo("Defense Evasion (TA0005) is Stealth now, written \"stealth\"");
        assertThat(report.changes().get(1).note()).isEqualTo("already revoked in ATT&CK 18.1; T1004 replaces it");
        assertThat(report.changes().get(0).note()).isEqualTo("revoked in ATT&CK 19.0; T1004 replaces it");
        assertThat(report.changes().get(2).note()).isEqualTo("T1003 and T1009 now lead to T1004 under stealth: one entry; "
                + "the higher score, 5, kept, comments joined, metadata of all kept");
    }

    @Test
    void anUpgradedLayerUpgradesToItself() {
        UpgradedLayer once = upgrade.upgrade(layer, null);
        UpgradedLayer twice = upgrade.upgrade(text(once.layer()), null);

        assertThat(text(twice.layer())).isEqualTo(text(once.layer()));
        assertThat(twice.report().from()).isEqualTo("19.0");
        assertThat(twice.report().changes()).extracting(c -> c.action().key(), UpgradeChange::id)
                .containsExactly(tuple("unknown", "T1999"), tuple("platform_unknown", "Linux"));
    }

    @Test
    void withOnlyTheCurrentReleaseHeldRevocationsResolveAndTacticsAreLeftWithAReason() {
        var currentOnly = new LayerUpgrade(new ReleaseHistory(List.of(history.current())));
        UpgradedLayer upgraded = currentOnly.upgrade(layer, null);
        UpgradeReport report = upgraded.report();

        assertThat(report.from()).isNull();
        assertThat(report.releaseHeld()).isFalse();
        assertThat(report.notes()).containsExactly("ATT&CK 18 is not held here (releases held: 19.0): revocations are "
                + "resolved from 19.0, but renames and tactic changes since 18 cannot be told.");
        assertThat(report.changes()).extracting(UpgradeChange::id, c -> c.action().key(), UpgradeChange::successor)
                .containsExactly(
                        tuple("T1003", "replaced", "T1004"),
                        tuple("T1009", "replaced", "T1004"),
                        tuple("T1004", "merged", null),
                        tuple("T1003", "tactic_unresolved", "T1004"),
                        tuple("T1009", "tactic_unresolved", "T1004"),
                        tuple("T1001", "tactic_unresolved", null),
                        tuple("T1000", "tactic_unresolved", null),
                        tuple("T1999", "unknown", null),
                        tuple("Linux", "platform_unknown", null));
        assertThat(report.changes().get(5).note())
                .isEqualTo("ATT&CK 18 is not held here, so which tactic \"defense-evasion\" was cannot be told; kept as it is");
        assertThat(upgraded.layer().get("techniques")).extracting(t -> t.get("techniqueID").asText(), t -> t.path("tactic").asText())
                .containsExactly(tuple("T1004", "defense-evasion"), tuple("T1001", "defense-evasion"),
                        tuple("T1000", "defense-evasion"), tuple("T1002", "execution"), tuple("T1999", ""));
    }

    @Test
    void aListOfIdsInAnyFormBecomesALayerOfTheirSuccessors() throws IOException {
        String ids = Files.readString(Fixtures.layers().resolve("ids-18.txt"));
        UpgradedLayer upgraded = upgrade.upgrade(ids, "18.1");

        assertThat(upgraded.ids()).containsExactly("T1004", "T1002", "T1001.000", "T1000");
        assertThat(text(upgraded.layer())).isEqualTo(text(json("""
                {"name": "Technique list upgraded to ATT&CK 19.0",
                 "versions": {"attack": "19", "navigator": "5.1.0", "layer": "4.5"},
                 "domain": "enterprise-attack",
                 "description": "4 techniques listed for ATT&CK 18.1, upgraded to ATT&CK 19.0 by attack-kb.",
                 "techniques": [{"techniqueID": "T1004", "score": 1}, {"techniqueID": "T1002", "score": 1},
                                {"techniqueID": "T1001.000", "score": 1}, {"techniqueID": "T1000", "score": 1}],
                 "gradient": {"colors": ["#ffffff", "#66b1ff"], "minValue": 0, "maxValue": 1},
                 "layout": {"layout": "side", "showID": true, "showName": true, "expandedSubtechniques": "annotated"}}""")));
        UpgradeReport report = upgraded.report();
        assertThat(report).extracting(UpgradeReport::input, UpgradeReport::releaseSource, UpgradeReport::from,
                UpgradeReport::entriesIn, UpgradeReport::entriesOut).containsExactly("id_list", "from", "18.1", 6, 4);
        assertThat(report.changes()).extracting(UpgradeChange::id, c -> c.action().key(), UpgradeChange::merged, UpgradeChange::note)
                .containsExactly(
                        tuple("T1003", "replaced", null, "revoked in ATT&CK 19.0; T1004 replaces it"),
                        tuple("T1009", "replaced", null, "already revoked in ATT&CK 18.1; T1004 replaces it"),
                        tuple("T1004", "merged", List.of("T1003", "T1009"), "T1003 and T1009 now lead to T1004: one entry"),
                        tuple("T1001.000", "unknown", null, "no technique T1001.000 in ATT&CK 19.0 or 18.1; kept as it is"),
                        tuple("PowerShell", "unknown", null, "line 6 holds no technique ID; left out"),
                        tuple("T1002", "renamed", null, "same ID, new name since ATT&CK 18.1"));
    }

    @Test
    void aListWithoutItsReleaseStillResolvesRevocationsAndSaysWhatItCannotTell() {
        UpgradeReport report = upgrade.upgrade("T1003\nT1002\n", null).report();

        assertThat(report.from()).isNull();
        assertThat(report.changes()).extracting(UpgradeChange::id, c -> c.action().key()).containsExactly(tuple("T1003", "replaced"));
        assertThat(report.notes()).containsExactly("A list of IDs does not say which ATT&CK release it was written for: "
                + "revocations are resolved from 19.0, but renames cannot be told. Give the release (from) to see them.");
    }

    @Test
    void fromOverridesTheReleaseTheLayerSays() {
        ObjectNode claimsCurrent = json(layer);
        ((ObjectNode) claimsCurrent.get("versions")).put("attack", "19");
        assertThat(upgrade.upgrade(text(claimsCurrent), null).report().counts()).doesNotContainKey("renamed");

        UpgradeReport report = upgrade.upgrade(text(claimsCurrent), "v18.1").report();
        assertThat(report).extracting(UpgradeReport::declaredRelease, UpgradeReport::releaseSource, UpgradeReport::from)
                .containsExactly("18.1", "from", "18.1");
        assertThat(report.counts()).containsEntry("renamed", 1).containsEntry("tactic_moved", 1);
    }

    @Test
    void olderLayerFormatsAreReadAndWrittenAs45() {
        String old = """
                {"name": "v3 layer", "version": "3.0", "domain": "mitre-enterprise",
                 "techniques": [{"techniqueID": "t1003", "score": 1}, {"techniqueID": "T1002", "enabled": false}]}""";
        UpgradedLayer upgraded = upgrade.upgrade(old, null);

        assertThat(text(upgraded.layer())).isEqualTo(text(json("""
                {"name": "v3 layer", "versions": {"attack": "19", "navigator": "5.1.0", "layer": "4.5"},
                 "domain": "enterprise-attack",
                 "techniques": [{"techniqueID": "T1004", "score": 1}, {"techniqueID": "T1002", "enabled": false}]}""")));
        assertThat(upgraded.report().changes()).extracting(UpgradeChange::id, c -> c.action().key())
                .containsExactly(tuple("T1003", "replaced"), tuple("t1003", "normalised"));
        assertThat(upgraded.report().notes()).containsExactly(
                "Layer format 3.0 does not record its ATT&CK release: revocations are resolved from 19.0, but renames "
                        + "and tactic changes cannot be told. Give the release (from) to see them.",
                "The domain \"mitre-enterprise\" of older layer formats is \"enterprise-attack\" now.");
    }

    @Test
    void aLayerWithoutDomainOrVersionsGetsThemAndKeepsItsOtherFields() {
        UpgradedLayer upgraded = upgrade.upgrade("""
                {"name": "bare", "techniques": [{"techniqueID": "T1000", "tactic": "stealth", "custom": [1, 2]}], "x": null}""", "19");

        assertThat(text(upgraded.layer())).isEqualTo(text(json("""
                {"name": "bare", "versions": {"attack": "19", "navigator": "5.1.0", "layer": "4.5"},
                 "techniques": [{"techniqueID": "T1000", "tactic": "stealth", "custom": [1, 2]}], "x": null,
                 "domain": "enterprise-attack"}""")));
        assertThat(upgraded.report().changes()).isEmpty();
        assertThat(upgraded.report().notes())
                .containsExactly("The layer names no domain: enterprise-attack, the domain of most of its techniques, is written.");
    }

    @Test
    void aNewerNavigatorVersionIsKeptAnOlderOneRaised() {
        String v = "{\"name\": \"n\", \"versions\": {\"attack\": \"18\", \"navigator\": \"%s\", \"layer\": \"4.3\"}, "
                + "\"domain\": \"enterprise-attack\", \"techniques\": []}";
        assertThat(upgrade.upgrade(v.formatted("5.2.0"), null).layer().get("versions").toString())
                .isEqualTo("{\"attack\":\"19\",\"navigator\":\"5.2.0\",\"layer\":\"4.5\"}");
        assertThat(upgrade.upgrade(v.formatted("4.8.1"), null).layer().get("versions").toString())
                .isEqualTo("{\"attack\":\"19\",\"navigator\":\"5.1.0\",\"layer\":\"4.5\"}");
    }

    @Test
    void inputThatIsNotALayerOrAListIsRefusedWithAReason() {
        assertThatThrownBy(() -> upgrade.upgrade("  \n", null)).isInstanceOf(BadInputException.class)
                .hasMessage("nothing to upgrade: the input is empty");
        assertThatThrownBy(() -> upgrade.upgrade("{\"techniques\": [", null))
                .hasMessage("not valid JSON at line 1, column 17: Unexpected end-of-input: expected close marker for Array");
        assertThatThrownBy(() -> upgrade.upgrade("{\"a\": 1}", null))
                .hasMessage("not an ATT&CK Navigator layer: it has no \"techniques\", \"domain\" or \"versions\"");
        assertThatThrownBy(() -> upgrade.upgrade("[{\"techniques\": []}, {\"techniques\": []}]", null))
                .hasMessage("this file holds 2 layers; upgrade them one at a time");
        assertThatThrownBy(() -> upgrade.upgrade("{\"techniques\": {}}", null))
                .hasMessage("not an ATT&CK Navigator layer: \"techniques\" is not a list");
        assertThatThrownBy(() -> upgrade.upgrade("{\"techniques\": [{\"score\": 1}]}", null))
                .hasMessage("not an ATT&CK Navigator layer: techniques[0] has no techniqueID");
        assertThatThrownBy(() -> upgrade.upgrade("{\"domain\": \"pre-attack\", \"techniques\": []}", null))
                .hasMessage("domain must be one of enterprise-attack, mobile-attack, ics-attack, got \"pre-attack\"");
        assertThatThrownBy(() -> upgrade.upgrade("{\"versions\": {\"attack\": \"20\"}, \"techniques\": []}", null))
                .hasMessage("the layer is for ATT&CK 20, newer than 19.0, the current release here: there is nothing to upgrade it to");
        assertThatThrownBy(() -> upgrade.upgrade("T1003", "latest"))
                .hasMessage("from must be an ATT&CK release such as 16 or 16.1, got \"latest\"");
        assertThatThrownBy(() -> upgrade.upgrade("T1003", "19.1"))
                .hasMessage("from: ATT&CK 19.1 is newer than 19.0, the current release here");
        assertThatThrownBy(() -> upgrade.upgrade("# only a comment\n\n", null))
                .hasMessage("nothing to upgrade: the list holds only blank lines and comments");
        assertThatThrownBy(() -> upgrade.upgrade("Command and Scripting Interpreter", null))
                .hasMessage("no technique ID in the input: neither a Navigator layer (JSON) nor a list of IDs such as T1059.001");
    }

    @Test
    void aLayerFileOfOneLayerInAListIsUpgradedAsThatLayer() {
        UpgradedLayer upgraded = upgrade.upgrade("[" + layer + "]", null);
        assertThat(upgraded.ids()).containsExactly("T1004", "T1001", "T1000", "T1002", "T1999");
    }

    // A made-up pair of releases for what the fixture pair does not show: deprecation, a technique that leaves one
    // tactic for two, one that loses a tactic it shared, one that gains one.

    private static final TacticRef ALPHA = new TacticRef("TA0901", "alpha", "Alpha");
    private static final TacticRef BETA = new TacticRef("TA0902", "beta", "Beta");
    private static final TacticRef GAMMA = new TacticRef("TA0903", "gamma", "Gamma");

    private static ObjectState technique(String id, String name, String status, TacticRef... tactics) {
        return new ObjectState(id, "attack-pattern--" + id, "technique", name, status, null, List.of("enterprise-attack"),
                List.of(tactics), List.of("Windows"), null, "1.0", "2025-01-01", List.of(), List.of(), name);
    }

    private static ObjectState tactic(TacticRef t) {
        return new ObjectState(t.id(), "x-mitre-tactic--" + t.id(), "tactic", t.name(), "active", null,
                List.of("enterprise-attack"), List.of(), List.of(), null, "1.0", "2025-01-01", List.of(), List.of(), "");
    }

    private static LayerUpgrade madeUp() {
        var tactics = List.of(tactic(ALPHA), tactic(BETA), tactic(GAMMA));
        var older = new ArrayList<>(tactics);
        older.addAll(List.of(technique("T2000", "Split", "active", ALPHA), technique("T2001", "Old Trick", "active", BETA),
                technique("T2002", "Growing", "active", ALPHA), technique("T2003", "Shrinking", "active", ALPHA, BETA),
                technique("T2004", "Gamma Only", "active", GAMMA)));
        var newer = new ArrayList<>(tactics);
        newer.addAll(List.of(technique("T2000", "Split", "active", BETA, GAMMA), technique("T2001", "Old Trick", "deprecated", BETA),
                technique("T2002", "Growing", "active", ALPHA, BETA), technique("T2003", "Shrinking", "active", ALPHA),
                technique("T2004", "Gamma Only", "active", GAMMA)));
        return new LayerUpgrade(new ReleaseHistory(List.of(new ReleaseSnapshot("16.1", Map.of("enterprise-attack", "16.1"), older),
                new ReleaseSnapshot("17.1", Map.of("enterprise-attack", "17.1"), newer))));
    }

    @Test
    void anEntryMovesToEveryTacticItsTechniqueGainedMergingWithEntriesAlreadyThere() {
        UpgradedLayer upgraded = madeUp().upgrade("""
                {"versions": {"attack": "16"}, "domain": "enterprise-attack", "techniques": [
                  {"techniqueID": "T2000", "tactic": "alpha", "score": 2, "comment": "moved"},
                  {"techniqueID": "T2000", "tactic": "beta", "score": 4, "comment": "already there"},
                  {"techniqueID": "T2003", "tactic": "alpha", "score": 1},
                  {"techniqueID": "T2003", "tactic": "beta", "score": 3, "links": [{"label": "x", "url": "https://x.example"}]},
                  {"techniqueID": "T2002", "tactic": "alpha"},
                  {"techniqueID": "T2002", "tactic": "gamma"}
                ]}""", null);

        assertThat(text(upgraded.layer().get("techniques"))).isEqualTo(text(json("""
                {"t": [
                  {"techniqueID": "T2000", "tactic": "beta", "score": 4, "comment": "moved\\n\\nalready there"},
                  {"techniqueID": "T2000", "tactic": "gamma", "score": 2, "comment": "moved"},
                  {"techniqueID": "T2003", "tactic": "alpha", "score": 3, "links": [{"label": "x", "url": "https://x.example"}]},
                  {"techniqueID": "T2002", "tactic": "alpha"},
                  {"techniqueID": "T2002", "tactic": "gamma"}
                ]}""").get("t")));
        assertThat(upgraded.report().changes()).extracting(UpgradeChange::id, c -> c.action().key(), UpgradeChange::tactic,
                        c -> c.tacticsAfter() == null ? null : c.tacticsAfter().stream().map(TacticRef::shortname).toList())
                .containsExactly(
                        tuple("T2000", "merged", "beta", null),
                        tuple("T2003", "merged", "alpha", null),
                        tuple("T2000", "tactic_moved", "alpha", List.of("beta", "gamma")),
                        tuple("T2003", "tactic_moved", "beta", List.of("alpha")),
                        tuple("T2002", "tactic_unresolved", "gamma", List.of("alpha", "beta")),
                        tuple("T2002", "tactics_changed", null, List.of("alpha", "beta")));
        assertThat(upgraded.report().changes().get(4).note())
                .isEqualTo("T2002 Growing was not under Gamma in ATT&CK 16.1 either; kept as it is");
        assertThat(upgraded.report().changes().get(5).note())
                .isEqualTo("now also under Beta since ATT&CK 16.1; the layer's entries stay where they are");
    }

    @Test
    void aDeprecatedTechniqueIsKeptAndFlaggedOnce() {
        LayerUpgrade madeUp = madeUp();
        String old = """
                {"versions": {"attack": "16"}, "domain": "enterprise-attack", "techniques": [
                  {"techniqueID": "T2001", "tactic": "beta", "score": 1, "metadata": [{"name": "owner", "value": "me"}]}]}""";
        UpgradedLayer upgraded = madeUp.upgrade(old, null);

        assertThat(text(upgraded.layer().get("techniques"))).isEqualTo("[{\"techniqueID\":\"T2001\",\"tactic\":\"beta\","
                + "\"score\":1,\"metadata\":[{\"name\":\"owner\",\"value\":\"me\"},"
                + "{\"name\":\"ATT&CK status\",\"value\":\"deprecated as of ATT&CK 17.1\"}]}]");
        assertThat(upgraded.report().changes()).extracting(UpgradeChange::id, c -> c.action().key(), UpgradeChange::newName,
                UpgradeChange::note).containsExactly(tuple("T2001", "flagged_deprecated", "Old Trick",
                "deprecated in ATT&CK 17.1; kept, with a metadata entry \"ATT&CK status\" saying so"));

        ArrayNode again = (ArrayNode) madeUp.upgrade(text(upgraded.layer()), null).layer().get("techniques");
        assertThat(again.get(0).get("metadata")).hasSize(2);
    }
}
