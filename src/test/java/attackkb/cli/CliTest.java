package attackkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.Json;
import attackkb.Main;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    @TempDir
    Path tmp;

    private Path index() {
        return tmp.resolve("index");
    }

    private Cli indexFixtures() {
        return Cli.run("index", "--data", Fixtures.dir().toString(), "--index", index().toString());
    }

    @Test
    void indexPrintsProgressThenATableOfCountsPerDomainAndType() {
        Cli cli = indexFixtures();
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).contains("read " + Fixtures.enterprise() + ": enterprise-attack ATT&CK 18.1, 36 objects")
                .containsPattern("linked techniques, tactics, mitigations, detections and procedures in \\d+ ms")
                .containsPattern("wrote 18 documents in \\d+ ms");
        assertThat(cli.out()).containsPattern("domain +version +technique +tactic +mitigation +detection +group +software +campaign")
                .containsPattern("enterprise-attack +18\\.1 +5 +2 +2 +1 +1 +1 +1")
                .containsPattern("mobile-attack +18\\.1 +1 +1 +0 +0 +0 +1 +0")
                .containsPattern("18 documents indexed in [0-9.]+ s into ");
        assertThat(index().resolve("CURRENT")).exists();
        assertThat(cli.out()).as("no framework table without mappings").doesNotContain("framework");
    }

    @Test
    void indexWithMappingsEndsWithATableOfFrameworks() {
        Cli cli = Cli.run("index", "--data", Fixtures.dir().toString(), "--data", Fixtures.controls().toString(),
                "--data", Fixtures.frameworks().toString(), "--index", index().toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).containsPattern("framework +version +ATT&CK +files +rows +linked +entries +techniques +mappings\n"
                        + "NIST SP 800-53 +rev5 +16\\.1 +1 +7 +4 +5 +2 +3\n"
                        + "AWS security capabilities +12/12/2024 +16\\.1 +1 +6 +3 +2 +2 +3\n"
                        + "CISA Known Exploited Vulnerabilities +07/28/2025 +16\\.1 +1 +2 +2 +1 +2 +2\n");
    }

    @Test
    void searchPrintsRankedResultsWithTacticsPlatformsAndSnippets() {
        indexFixtures();
        Cli cli = Cli.run("search", "--index", index().toString(), "container", "image");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).containsPattern("(?m)^ [12]\\. T1204\\.003  Malicious Image  \\(User Execution\\)\n"
                + "    technique  execution  IaaS, Containers\n");
        assertThat(cli.out()).containsPattern("(?m)^ [12]\\. T1525      Implant Internal Image$")
                .containsPattern("\\d+ of \\d+ results in");
        assertThat(cli.out()).as("no HTML in a pipe").doesNotContain("<mark>");
    }

    @Test
    void searchFiltersByPlatformAndTacticAndPrintsJson() throws IOException {
        indexFixtures();
        Cli cli = Cli.run("search", "--index", index().toString(), "--platform", "Containers", "--tactic", "persistence",
                "--json", "image");
        assertThat(cli.exitCode()).isZero();
        JsonNode json = Json.MAPPER.readTree(cli.out());
        assertThat(json.get("total").asInt()).isEqualTo(1);
        assertThat(json.at("/hits/0/id").asText()).isEqualTo("T1525");
        assertThat(json.at("/hits/0/snippet").asText()).contains("<mark>");
        assertThat(json.at("/facets/platform").toString()).isEqualTo("[{\"value\":\"Containers\",\"label\":\"Containers\","
                + "\"count\":1,\"selected\":true},{\"value\":\"IaaS\",\"label\":\"IaaS\",\"count\":1,\"selected\":false}]");
    }

    @Test
    void searchSaysSoWhenNothingMatches() {
        indexFixtures();
        Cli cli = Cli.run("search", "--index", index().toString(), "zzzxqv");
        assertThat(cli.out()).contains("No results.");
    }

    @Test
    void aMissingIndexIsOneLineAndExitCodeTwo() {
        Cli cli = Cli.run("search", "--index", tmp.resolve("nowhere").toString(), "image");
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err().strip()).isEqualTo("attack-kb: " + tmp.resolve("nowhere")
                + ": no index here; build one with 'attack-kb index --index " + tmp.resolve("nowhere") + "'");
    }

    @Test
    void badSourcesAreOneLineEachAndLeaveThePreviousIndexIntact() throws IOException {
        assertThat(indexFixtures().exitCode()).isZero();
        String current = Files.readString(index().resolve("CURRENT"));

        Path notJson = Files.writeString(tmp.resolve("notes.json"), "hello, I am not JSON");
        Path notStix = Files.writeString(tmp.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1\"}");
        String bundle = Files.readString(Fixtures.enterprise());
        Path truncated = Files.writeString(tmp.resolve("truncated.json"), bundle.substring(0, bundle.length() / 2));
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort + "/enterprise-attack.json";

        assertBadSource(notJson.toString(), notJson + ": not JSON (");
        assertBadSource(notStix.toString(), notStix + ": not a STIX bundle, mapping or OSCAL catalog");
        assertBadSource(truncated.toString(), truncated + ": truncated or malformed JSON at line ");
        assertBadSource(unreachable, unreachable + ": unreachable (");
        assertBadSource(tmp.resolve("missing.json").toString(), tmp.resolve("missing.json") + ": no such file or folder");

        assertThat(Files.readString(index().resolve("CURRENT"))).isEqualTo(current);
        Cli search = Cli.run("search", "--index", index().toString(), "image");
        assertThat(search.exitCode()).isZero();
        assertThat(search.out()).contains("T1204.003");
        try (var entries = Files.list(index())) {
            assertThat(entries.filter(p -> p.getFileName().toString().startsWith("gen-"))).hasSize(1);
        }
    }

    private void assertBadSource(String source, String expectedStart) {
        Cli cli = Cli.run("index", "--data", source, "--index", index().toString(), "--cache", tmp.resolve("cache").toString());
        assertThat(cli.exitCode()).as(source).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err()).as(source).contains("attack-kb: " + expectedStart).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(cli.err().lines().filter(l -> l.startsWith("attack-kb:"))).hasSize(1);
    }

    @Test
    void controlMappingsAreReadAndReportedAndNonDataFilesIgnored() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("mappings"));
        Files.copy(Fixtures.enterprise(), data.resolve("enterprise.json"));
        Files.copy(Fixtures.controls().resolve("nist_800_53-mini-mapping.json"), data.resolve("mappings/map.json"));
        Files.writeString(data.resolve("README.md"), "# not data");
        Cli cli = Cli.run("index", "--data", data.toString(), "--index", index().toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).contains("read " + data.resolve("mappings/map.json")
                + ": ATT&CK-to-control mapping (Mappings Explorer format), 7 entries")
                .contains("mapped nist_800_53 rev5 (ATT&CK 16.1): 7 rows, 4 linked (1 through revoked techniques), "
                        + "1 non-mappable, 1 incomplete or not linkable, 1 to techniques that no longer exist");
        assertThat(cli.err()).doesNotContain("README");
        assertThat(cli.out()).containsPattern("(?m)^all \\(distinct\\) .* 3$"); // AC-4, CM-2, SI-7
    }

    @Test
    void searchFiltersByControl() {
        Cli index = Cli.run("index", "--data", Fixtures.dir().toString(), "--data", Fixtures.controls().toString(),
                "--index", index().toString());
        assertThat(index.exitCode()).isZero();
        Cli cli = Cli.run("search", "--index", index().toString(), "--control", "ac-04", "--type", "technique");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("T1204.003").doesNotContain("T1525").contains("1 of 1 results");
    }

    @Test
    void anEmptyMappingFileIsABadSource() throws IOException {
        Path map = Files.writeString(tmp.resolve("map.json"), "{\"metadata\": {}, \"mapping_objects\": []}");
        Cli cli = Cli.run("index", "--data", Fixtures.enterprise().toString(), "--data", map.toString(), "--index", index().toString());
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err()).contains(map + ": mapping file has no mapping_objects");
    }

    @Test
    void invalidOptionValuesAreRejectedWithUsage() {
        Cli cli = Cli.run("search", "--limit", "abc", "image");
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(cli.err()).contains("Invalid value for option '--limit'");
        indexFixtures();
        Cli tooMany = Cli.run("search", "--index", index().toString(), "--limit", "1000", "image");
        assertThat(tooMany.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(tooMany.err().strip()).isEqualTo("attack-kb: limit must be between 1 and 100, got 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"index", "search"})
    void everyCommandHasHelp(String command) {
        Cli cli = Cli.run(command, "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("Usage: attack-kb " + command).contains("--index=DIR");
    }

    @Test
    void theTopLevelHelpListsTheCommands() {
        Cli cli = Cli.run("--help");
        assertThat(cli.out()).contains("index").contains("search");
    }
}
