package attackkb.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import attackkb.Fixtures;
import attackkb.model.Freshness;
import attackkb.model.TacticRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture pair shaped like ATT&CK 19.0's change: a tactic renamed, a new one taking techniques, a re-IDed technique. */
class ReleaseHistoryTest {
    private static ReleaseHistory history;

    @BeforeAll
    static void ingest() {
        history = Fixtures.ingest(List.of(Fixtures.releases().toString()), new ArrayList<>()).releases();
    }

    @Test
    void theNewestReleaseIsTheCurrentOne() {
        assertThat(history.versions()).containsExactly("18.1", "19.0");
        assertThat(history.current().version()).isEqualTo("19.0");
    }

    @Test
    void changesNameTheRenamedAndAddedTacticTheMovedTechniquesAndTheRevocationChain() {
        List<Change> changes = history.changes("18.1", "19.0");

        assertThat(changes).extracting(Change::type, Change::id, Change::categories, Change::oldName, Change::successor)
                .containsExactly(
                        tuple("technique", "T1004", List.of(ChangeCategory.ADDED), null, null),
                        tuple("technique", "T1003", List.of(ChangeCategory.REVOKED), null, "T1004"),
                        tuple("technique", "T1009", List.of(ChangeCategory.SUCCESSOR_CHANGED), null, "T1004"),
                        tuple("technique", "T1002", List.of(ChangeCategory.RENAMED, ChangeCategory.MINOR_VERSION,
                                ChangeCategory.DESCRIPTION_CHANGED), "Command Shell", null),
                        tuple("technique", "T1001", List.of(ChangeCategory.TACTICS_CHANGED, ChangeCategory.MAJOR_VERSION),
                                null, null),
                        tuple("tactic", "TA0112", List.of(ChangeCategory.ADDED), null, null),
                        tuple("tactic", "TA0005", List.of(ChangeCategory.RENAMED, ChangeCategory.MAJOR_VERSION,
                                ChangeCategory.DESCRIPTION_CHANGED),
                                "Defense Evasion", null));
        Change moved = changes.get(4);
        assertThat(moved.tacticsBefore()).extracting(TacticRef::id, TacticRef::name).containsExactly(tuple("TA0005", "Defense Evasion"));
        assertThat(moved.tacticsAfter()).extracting(TacticRef::id, TacticRef::name).containsExactly(tuple("TA0112", "Defense Impairment"));
        assertThat(changes.get(1).successorName()).isEqualTo("Process Injection");
    }

    @Test
    void aRevokedTechniqueLeadsThroughItsChainToTheActiveOne() {
        assertThat(history.current().byId("technique", "T1009").successor()).isEqualTo("T1004");
        assertThat(history.freshness("18.1", "T1009"))
                .isEqualTo(new Freshness("revoked", "18.1", "T1009", "Old Injection", "T1004", List.of()));
    }

    @Test
    void aTechniqueRevokedEarlierIsChangedWhenItsSuccessorIsRevokedInTurn() {
        Change chained = history.changes("18.1", "19.0").stream().filter(c -> c.id().equals("T1009")).findFirst().orElseThrow();
        assertThat(chained.categories()).containsExactly(ChangeCategory.SUCCESSOR_CHANGED);
        assertThat(chained.successorBefore()).isEqualTo("T1003");
        assertThat(chained.successor()).isEqualTo("T1004");
        assertThat(chained.successorName()).isEqualTo("Process Injection");
        assertThat(chained.name()).isEqualTo("Old Injection");
        String stixId = history.current().byId("technique", "T1009").stixId();
        assertThat(history.history(stixId).steps().get(1).change()).isEqualTo(chained);
    }

    @Test
    void freshnessSaysWhatChangedUnderAMappingAndWhenItCannotTell() {
        assertThat(history.freshness("18.1", "T1000").status()).isEqualTo("current");
        assertThat(history.freshness("18.1", "T1001"))
                .isEqualTo(new Freshness("changed", "18.1", "T1001", "Impair Logging", null, List.of("tactics_changed", "major_version")));
        assertThat(history.freshness("18.1", "T1003"))
                .isEqualTo(new Freshness("revoked", "18.1", "T1003", "Process Injection", "T1004", List.of()));
        assertThat(history.freshness("15.1", "T1002").status()).isEqualTo("unknown");
    }

    @Test
    void historyListsEachReleaseAndTheFormerNames() {
        String stixId = history.current().byId("technique", "T1002").stixId();
        ObjectHistory h = history.history(stixId);
        assertThat(h.steps()).extracting(ObjectHistory.Step::release).containsExactly("18.1", "19.0");
        assertThat(h.steps().get(1).change().categories()).contains(ChangeCategory.RENAMED);
        assertThat(h.formerNames()).containsExactly("Command Shell");
        assertThat(history.formerNames().get(stixId)).containsExactly("Command Shell");
    }

    @Test
    void changesBetweenReleasesNotHeldOrOutOfOrderAreRefused() {
        assertThatThrownBy(() -> history.changes("17.1", "19.0")).hasMessageContaining("17.1 is not held");
        assertThatThrownBy(() -> history.changes("19.0", "18.1")).hasMessageContaining("must be older");
    }
}
