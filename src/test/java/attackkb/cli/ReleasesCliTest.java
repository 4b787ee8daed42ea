package attackkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.Main;
import attackkb.source.UpstreamRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Several ATT&CK releases on the command line: which releases {@code --attack-version} downloads, and the bundles
 * that cannot be placed among releases. Each bad input is one line, a non-zero exit and the previous index intact.
 */
class ReleasesCliTest {
    @TempDir
    Path tmp;

    private String current;

    private Path index() {
        return tmp.resolve("index");
    }

    @BeforeEach
    void indexTheFixtures() throws IOException {
        Cli cli = Cli.run("index", "--data", Fixtures.enterprise().toString(), "--index", index().toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        current = Files.readString(index().resolve("CURRENT"));
    }

    @Test
    void attackVersionTakesSeveralReleasesSeparatedByCommasOrRepeated() {
        var command = new IndexCommand();
        new CommandLine(command).parseArgs("--attack-version", "17.1,16.1", "--attack-version", "18.1");
        assertThat(command.sources.specs()).isEqualTo(UpstreamRelease.urls(List.of("16.1", "17.1", "18.1")));

        var byDefault = new IndexCommand();
        new CommandLine(byDefault).parseArgs();
        assertThat(byDefault.sources.specs()).isEqualTo(UpstreamRelease.urls(System.getenv()
                .getOrDefault("ATTACK_KB_ATTACK_VERSION", "18.1")));
    }

    @Test
    void anUnknownReleaseIsOneLineListingTheKnownOnesAndDownloadsNothing() {
        Cli cli = Cli.run("index", "--attack-version", "16.1,19.0", "--index", index().toString(),
                "--cache", tmp.resolve("cache").toString());
        assertOneLineAndIntact(cli, "attack-kb: --attack-version 19.0: not a release attack-kb has pinned; it knows "
                + "ATT&CK 1.0 to 18.1 (mobile-attack without 11.0, 11.1, 11.2; ics-attack from 8.0); give the files of "
                + "another release with --data");
        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    @Test
    void twoDifferentBundlesOfOneDomainAndReleaseStopTheBuild() throws IOException {
        Path changed = Files.writeString(tmp.resolve("enterprise-changed.json"),
                Files.readString(Fixtures.enterprise()).replace("\"name\": \"Malicious Image\"", "\"name\": \"Malicious Container Image\""));
        Cli cli = Cli.run("index", "--data", Fixtures.enterprise().toString(), "--data", changed.toString(),
                "--index", index().toString());
        assertOneLineAndIntact(cli, "attack-kb: " + changed + " and " + Fixtures.enterprise()
                + " are two different enterprise-attack bundles of ATT&CK 18.1: give one file per domain and release");
    }

    @Test
    void theSameBundleTwiceIsReadOnce() throws IOException {
        Path copy = Files.copy(Fixtures.enterprise(), tmp.resolve("copy-of-enterprise.json"));
        Cli cli = Cli.run("index", "--data", Fixtures.enterprise().toString(), "--data", copy.toString(),
                "--index", index().toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).contains("read " + copy + ": the same enterprise-attack ATT&CK 18.1 bundle as one read "
                + "before; kept once");
        assertThat(cli.out()).containsPattern("\n16 documents indexed in ");
    }

    @Test
    void aBundleWithoutAReleaseAmongVersionedOnesSaysItCannotBePlaced() throws IOException {
        Path unversioned = Files.writeString(tmp.resolve("enterprise-unversioned.json"),
                Files.readString(Fixtures.enterprise()).replaceFirst("\"x_mitre_version\": \"18.1\",", ""));
        Cli cli = Cli.run("index", "--data", Fixtures.releases().toString(), "--data", unversioned.toString(),
                "--index", index().toString());
        assertOneLineAndIntact(cli, "attack-kb: " + unversioned + ": its bundle names no ATT&CK release (no "
                + "x-mitre-collection with x_mitre_version), so it cannot be placed among releases 18.1, 19.0");
    }

    @Test
    void searchFindsAnOlderReleasesObjectsUnderTheirNamesThenAndSaysWhatBecameOfThem() {
        String releases = tmp.resolve("releases").toString();
        Cli built = Cli.run("index", "--data", Fixtures.releases().toString(), "--index", releases);
        assertThat(built.exitCode()).as(built.err()).isZero();
        assertThat(built.err()).containsPattern("wrote the search index of ATT&CK 18\\.1: 7 documents in \\d+ ms");

        Cli older = Cli.run("search", "--index", releases, "--release", "18.1", "Process", "Injection");
        assertThat(older.exitCode()).as(older.err()).isZero();
        assertThat(older.out()).startsWith(" 1. T1003      Process Injection\n    technique  defense-evasion  Windows\n"
                        + "    revoked in ATT&CK 19.0: replaced by T1004 Process Injection\n"
                        + "    Adversaries inject code into other processes.\n")
                .containsPattern("\n1 of 1 results in [0-9.]+ ms \\(ATT&CK 18\\.1\\)\n$");
        Cli renamed = Cli.run("search", "--index", releases, "--release", "18.1", "--limit", "1", "Command", "Shell");
        assertThat(renamed.out()).contains("T1002      Command Shell\n").contains("    now T1002 Command and Scripting Shell in ATT&CK 19.0\n");
        Cli current = Cli.run("search", "--index", releases, "--release", "19.0", "--limit", "1", "Command", "Shell");
        assertThat(current.out()).contains("T1002      Command and Scripting Shell\n").doesNotContain("ATT&CK 19.0")
                .doesNotContain(" now ");

        Cli unknown = Cli.run("search", "--index", releases, "--release", "17.1", "shell");
        assertThat(unknown.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(unknown.err().strip()).isEqualTo("attack-kb: release 17.1 is not held by this index; it can search "
                + "ATT&CK 18.1 and 19.0 (the current release)");
    }

    private void assertOneLineAndIntact(Cli cli, String message) {
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err().lines().filter(l -> l.startsWith("attack-kb:")).toList()).containsExactly(message);
        assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("Exception");
        try {
            assertThat(Files.readString(index().resolve("CURRENT"))).isEqualTo(current);
            try (var entries = Files.list(index())) {
                assertThat(entries.filter(p -> p.getFileName().toString().startsWith("gen-"))).hasSize(1);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Cli search = Cli.run("search", "--index", index().toString(), "image");
        assertThat(search.exitCode()).isZero();
        assertThat(search.out()).contains("T1204.003  Malicious Image");
    }
}
