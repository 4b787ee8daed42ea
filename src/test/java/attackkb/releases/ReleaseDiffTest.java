package attackkb.releases;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.model.TacticRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseDiffTest {
    private static ObjectState technique(String name, String version, List<String> platforms, String description) {
        return new ObjectState("T1000", "attack-pattern--1", "technique", name, "active", null, List.of("enterprise-attack"),
                List.of(new TacticRef("TA0005", "defense-evasion", "Defense Evasion")), platforms, null, version, null,
                List.of("M1001"), List.of(), description);
    }

    @Test
    void descriptionsAreComparedWithoutCitationsAndExtraSpace() {
        assertThat(ReleaseDiff.plainText("Adversaries  hide.(Citation: A 2020)\n Then (Citation: B) run (quietly)."))
                .isEqualTo("Adversaries hide. Then run (quietly).");
        assertThat(ReleaseDiff.plainText("An unclosed (Citation: marker")).isEqualTo("An unclosed (Citation: marker");
        assertThat(ReleaseDiff.plainText(null)).isEmpty();
    }

    @Test
    void aNewCitationAloneIsNoChangeButNewWordsAre() {
        var before = technique("Masquerading", "1.0", List.of("Windows"), "Make a file look legitimate.");
        assertThat(ReleaseDiff.categories(before,
                technique("Masquerading", "1.0", List.of("Windows"), "Make a file look legitimate.(Citation: X)"))).isEmpty();
        assertThat(ReleaseDiff.categories(before,
                technique("Masquerade", "1.1", List.of("Windows", "Linux"), "Make a file look harmless.")))
                .containsExactly(ChangeCategory.RENAMED, ChangeCategory.PLATFORMS_CHANGED, ChangeCategory.MINOR_VERSION,
                        ChangeCategory.DESCRIPTION_CHANGED);
        assertThat(ReleaseDiff.categories(before, technique("Masquerading", "2.0", List.of("Windows"),
                "Make a file look legitimate."))).containsExactly(ChangeCategory.MAJOR_VERSION);
    }
}
