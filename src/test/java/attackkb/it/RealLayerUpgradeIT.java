package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import attackkb.Fixtures;
import attackkb.Json;
import attackkb.RealIndex;
import attackkb.model.TacticRef;
import attackkb.releases.LayerUpgrade;
import attackkb.releases.ObjectState;
import attackkb.releases.ReleaseHistory;
import attackkb.releases.ReleaseSnapshot;
import attackkb.releases.UpgradeAction;
import attackkb.releases.UpgradeChange;
import attackkb.releases.UpgradedLayer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A layer made for ATT&CK 16.1 upgraded to 18.1, on the real releases (16.1, 17.1 and 18.1 held). */
class RealLayerUpgradeIT {
    static ReleaseHistory history;
    static LayerUpgrade upgrade;
    static String layer;

    @BeforeAll
    static void open() throws IOException {
        history = RealIndex.all().served().releases();
        upgrade = new LayerUpgrade(history);
        layer = Files.readString(Fixtures.layers().resolve("enterprise-16.json"));
    }

    static List<String> entries(JsonNode layer) {
        List<String> out = new ArrayList<>();
        layer.get("techniques").forEach(t -> out.add(t.get("techniqueID").asText() + "/" + t.path("tactic").asText()));
        return out;
    }

    @Test
    void aSixteenLayerGetsItsSuccessorsRenamesAndTacticChangesFromTheReleasesBetween() {
        UpgradedLayer upgraded = upgrade.upgrade(layer, null);

        assertThat(history.versions()).containsExactly("16.1", "17.1", "18.1");
        assertThat(upgraded.report().from()).isEqualTo("16.1");
        assertThat(upgraded.report().to()).isEqualTo("18.1");
        assertThat(upgraded.layer().get("versions").get("attack").asText()).isEqualTo("18");
        assertThat(entries(upgraded.layer())).containsExactly("T1574.001/defense-evasion", "T1574.001/persistence",
                "T1176/persistence", "T1112/defense-evasion", "T1552.003/credential-access", "T1059.001/execution",
                "T1034/persistence", "T0800/");
        // DLL Side-Loading's entry and DLL Search Order Hijacking's are one now, under Defense Evasion.
        assertThat(upgraded.layer().get("techniques").get(0).toString()).isEqualTo("{\"techniqueID\":\"T1574.001\","
                + "\"tactic\":\"defense-evasion\",\"score\":80,\"comment\":\"sideloading rule\\n\\nsearch order rule\","
                + "\"metadata\":[{\"name\":\"rule\",\"value\":\"R-17\"},{\"divider\":true},{\"name\":\"rule\",\"value\":\"R-18\"}]}");

        assertThat(upgraded.report().changes()).extracting(UpgradeChange::id, c -> c.action().key(), UpgradeChange::successor,
                        UpgradeChange::oldName, UpgradeChange::newName, UpgradeChange::note)
                .containsExactly(
                        tuple("T1574.002", "replaced", "T1574.001", "DLL Side-Loading", "DLL",
                                "revoked in ATT&CK 17.1; T1574.001 replaces it"),
                        tuple("T1086", "replaced", "T1059.001", "PowerShell", "PowerShell",
                                "already revoked in ATT&CK 16.1; T1059.001 replaces it"),
                        tuple("T1574.001", "merged", null, null, null,
                                "T1574.002 and T1574.001 now lead to T1574.001 under defense-evasion: one entry; "
                                        + "the higher score, 80, kept, comments joined, metadata of all kept"),
                        tuple("T1034", "flagged_deprecated", null, null, "Path Interception",
                                "already deprecated in ATT&CK 16.1; kept, with a metadata entry \"ATT&CK status\" saying so"),
                        tuple("T0800", "other_domain", null, null, null,
                                "T0800 is a technique of ICS ATT&CK, not of Enterprise; the Navigator does not show it in this layer"),
                        tuple("T1574.001", "renamed", null, "DLL Search Order Hijacking", "DLL",
                                "same ID, new name since ATT&CK 16.1"),
                        tuple("T1176", "renamed", null, "Browser Extensions", "Software Extensions",
                                "same ID, new name since ATT&CK 16.1"),
                        tuple("T1552.003", "renamed", null, "Bash History", "Shell History",
                                "same ID, new name since ATT&CK 16.1"),
                        tuple("T1112", "tactics_changed", null, null, null,
                                "now also under Persistence since ATT&CK 16.1; the layer's entries stay where they are"),
                        tuple("Azure AD", "platform_unknown", null, null, null, "the layer filters by platform \"Azure AD\", "
                                + "which no Enterprise technique of ATT&CK 18.1 has; kept as it is"));
        // T1112 gained Persistence: its entry stays under Defense Evasion, which it still has, and the user is told.
        UpgradeChange t1112 = upgraded.report().changes().get(8);
        assertThat(t1112.tacticsBefore()).extracting(TacticRef::shortname).containsExactly("defense-evasion");
        assertThat(t1112.tacticsAfter()).extracting(TacticRef::shortname).containsExactly("persistence", "defense-evasion");
    }

    @Test
    void fromSeventeenTheRenamesOfSeventeenAreNoLongerNews() {
        UpgradedLayer upgraded = upgrade.upgrade(layer, "17.1");

        assertThat(upgraded.report().changes()).extracting(UpgradeChange::id, c -> c.action().key())
                .containsExactly(tuple("T1574.002", "replaced"), tuple("T1086", "replaced"), tuple("T1574.001", "merged"),
                        tuple("T1034", "flagged_deprecated"), tuple("T0800", "other_domain"), tuple("T1552.003", "renamed"),
                        tuple("Azure AD", "platform_unknown"));
        assertThat(upgraded.report().changes().get(0).note()).isEqualTo("revoked in ATT&CK 17.1; T1574.001 replaces it");
    }

    /**
     * Every Enterprise technique of 16.1, active, revoked or deprecated, under each of its tactics: after the upgrade
     * none is revoked, and every entry is under a tactic its technique has in 18.1.
     */
    @Test
    void aLayerOfAllOfSixteenLeavesNothingRevokedAndNothingUnderATacticItsTechniqueLacks() {
        ReleaseSnapshot sixteen = history.release("16.1").orElseThrow();
        ReleaseSnapshot current = history.current();
        ObjectNode all = Json.MAPPER.createObjectNode().put("name", "all of 16.1");
        all.putObject("versions").put("attack", "16");
        all.put("domain", "enterprise-attack");
        ArrayNode techniques = all.putArray("techniques");
        int revoked = 0;
        for (ObjectState t : sixteen.objects()) {
            if (!t.type().equals("technique") || !t.domains().contains("enterprise-attack")) continue;
            if (t.revoked()) revoked++;
            for (TacticRef tactic : t.tactics()) techniques.addObject().put("techniqueID", t.id()).put("tactic", tactic.shortname()).put("score", 1);
        }
        UpgradedLayer upgraded = upgrade.upgrade(all.toString(), null);

        assertThat(revoked).isGreaterThan(100);
        Set<String> unresolved = new HashSet<>();
        upgraded.report().changes().stream().filter(c -> c.action() == UpgradeAction.TACTIC_UNRESOLVED)
                .forEach(c -> unresolved.add(c.currentId() + "/" + c.tactic()));
        for (JsonNode entry : upgraded.layer().get("techniques")) {
            ObjectState now = current.byId("technique", entry.get("techniqueID").asText());
            assertThat(now).as(entry.toString()).isNotNull();
            assertThat(now.revoked()).as(entry.toString()).isFalse();
            String tactic = entry.get("tactic").asText();
            if (unresolved.contains(now.id() + "/" + tactic)) continue;
            assertThat(now.tactics()).as(entry.toString()).extracting(TacticRef::shortname).contains(tactic);
        }
        assertThat(upgraded.report().counts()).containsKeys("replaced", "merged", "flagged_deprecated", "renamed")
                .doesNotContainKeys("unknown", "normalised");
    }

    @Test
    void theApiUpgradesTheLayerOverHttp() {
        RealIndex.all().server().test((server, client) -> {
            Request request = new Request.Builder().url(client.getOrigin() + "/api/layers/upgrade?format=layer")
                    .post(RequestBody.create(layer, MediaType.get("application/json"))).build();
            try (Response r = client.getOkHttp().newCall(request).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"soc-coverage-2024-for-attack-18.json\"");
                assertThat(entries(Json.MAPPER.readTree(r.body().string()))).startsWith("T1574.001/defense-evasion");
            }
        });
    }
}
