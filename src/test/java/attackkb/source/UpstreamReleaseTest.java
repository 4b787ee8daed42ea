package attackkb.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which files a download of several releases fetches, and the pin each is checked against. No network. */
class UpstreamReleaseTest {
    static final String ATTACK = "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/"
            + "7ad8a86f41edc91dd37de0487b0c2f44ae3a3af7/";

    @Test
    void everyReleaseFileUpstreamIsPinnedWithItsGitBlobId() {
        List<String> releases = UpstreamRelease.releases();
        assertThat(releases).hasSize(38).startsWith("1.0", "2.0", "3.0", "4.0", "5.0", "5.1")
                .endsWith("16.0", "16.1", "17.0", "17.1", "18.0", "18.1");
        assertThat(releases).as("numeric order").containsSubsequence("9.0", "10.0", "10.1", "11.0");
        int bundles = releases.stream().mapToInt(v -> UpstreamRelease.domains(v).size()).sum();
        assertThat(bundles).isEqualTo(38 + 35 + 24);
        assertThat(UpstreamRelease.digest(ATTACK + "enterprise-attack/enterprise-attack-16.1.json"))
                .contains(Digest.gitBlob("abaaa24b8d1ea0629fd0be49902a43e77f174325"));
        assertThat(UpstreamRelease.digest(ATTACK + "ics-attack/ics-attack-17.1.json"))
                .contains(Digest.gitBlob("0d48ad53fb6f37d2fe9372e12d6e867ddefb9c80"));
        assertThat(UpstreamRelease.digest(ATTACK + "mobile-attack/mobile-attack-1.0.json"))
                .contains(Digest.gitBlob("338a5e3a4441587149a36da7716b018482bb14e9"));
        assertThat(UpstreamRelease.digest(ATTACK + "ics-attack/ics-attack-7.0.json")).isEmpty();
    }

    @Test
    void severalReleasesAreFetchedOldestFirstEachDomainOnceThenTheMappingsOnce() {
        List<String> urls = UpstreamRelease.urls(List.of("18.1", "16.1", " 17.1", "16.1"));
        assertThat(urls).hasSize(9 + 13 + 1);
        assertThat(urls.subList(0, 9)).containsExactly(
                ATTACK + "enterprise-attack/enterprise-attack-16.1.json",
                ATTACK + "mobile-attack/mobile-attack-16.1.json",
                ATTACK + "ics-attack/ics-attack-16.1.json",
                ATTACK + "enterprise-attack/enterprise-attack-17.1.json",
                ATTACK + "mobile-attack/mobile-attack-17.1.json",
                ATTACK + "ics-attack/ics-attack-17.1.json",
                ATTACK + "enterprise-attack/enterprise-attack-18.1.json",
                ATTACK + "mobile-attack/mobile-attack-18.1.json",
                ATTACK + "ics-attack/ics-attack-18.1.json");
        assertThat(urls.subList(9, urls.size())).isEqualTo(UpstreamRelease.urls("18.1").subList(3, 17));
        assertThat(urls).allSatisfy(url -> assertThat(UpstreamRelease.digest(url)).as(url).isPresent());
    }

    @Test
    void aReleaseADomainLacksFetchesOnlyTheDomainsThatHaveIt() {
        assertThat(UpstreamRelease.urls("7.0").subList(0, 2)).containsExactly(
                ATTACK + "enterprise-attack/enterprise-attack-7.0.json",
                ATTACK + "mobile-attack/mobile-attack-7.0.json");
        assertThat(UpstreamRelease.urls("7.0")).noneMatch(url -> url.contains("ics-attack"));
        assertThat(UpstreamRelease.domains("11.1")).containsExactly("enterprise-attack", "ics-attack");
        assertThat(UpstreamRelease.domains("8.0")).containsExactly("enterprise-attack", "mobile-attack", "ics-attack");
    }

    @Test
    void anUnknownOrMalformedReleaseIsOneLineNamingWhatIsKnown() {
        assertThatThrownBy(() -> UpstreamRelease.urls(List.of("18.1", "19.0")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--attack-version 19.0: not a release attack-kb has pinned; it knows ATT&CK 1.0 to 18.1 "
                        + "(mobile-attack without 11.0, 11.1, 11.2; ics-attack from 8.0); give the files of another "
                        + "release with --data");
        assertThatThrownBy(() -> UpstreamRelease.urls("../../etc"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--attack-version: expected a release such as 18.1, got \"../../etc\"");
        assertThatThrownBy(() -> UpstreamRelease.urls(List.of()))
                .isInstanceOf(BadInputException.class).hasMessage("--attack-version: no release given");
    }
}
