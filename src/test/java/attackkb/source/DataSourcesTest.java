package attackkb.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    @TempDir
    Path tmp;

    private final DataSources sources =
            new DataSources(new Downloader(Path.of("/nonexistent"), new PrintStream(OutputStream.nullOutputStream())));

    @Test
    void searchesFoldersRecursivelyForJsonAndGzipAndIgnoresEverythingElse() throws IOException {
        Files.createDirectories(tmp.resolve("attack/nested"));
        Files.writeString(tmp.resolve("attack/b.json"), "{}");
        Files.writeString(tmp.resolve("attack/nested/a.JSON.gz"), "");
        Files.writeString(tmp.resolve("README.md"), "# data");
        Files.writeString(tmp.resolve("attack/.hidden.json"), "{}");
        Files.writeString(tmp.resolve("attack/notes.txt"), "x");
        List<SourceFile> files = sources.resolve(List.of(tmp.toString()));
        assertThat(files).extracting(f -> tmp.relativize(f.path()).toString())
                .containsExactly("attack/b.json", "attack/nested/a.JSON.gz");
    }

    @Test
    void takesANamedFileAsItIs() throws IOException {
        Path file = Files.writeString(tmp.resolve("bundle.data"), "{}");
        assertThat(sources.resolve(List.of(file.toString()))).extracting(SourceFile::origin).containsExactly(file.toString());
    }

    @Test
    void namesAMissingPathOrAnEmptyFolder() throws IOException {
        assertThatThrownBy(() -> sources.resolve(List.of(tmp.resolve("missing").toString())))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("missing: no such file or folder");
        Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> sources.resolve(List.of(tmp.resolve("empty").toString())))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("empty: folder holds no .json or .json.gz file");
    }

    @Test
    void recognisesUrls() {
        assertThat(DataSources.isUrl("https://example.org/a.json")).isTrue();
        assertThat(DataSources.isUrl("HTTP://example.org/a.json")).isTrue();
        assertThat(DataSources.isUrl("../shared/data")).isFalse();
    }

    @Test
    void pinsTheUpstreamReleaseUrlsByVersion() {
        assertThat(UpstreamRelease.urls("18.1")).containsExactly(
                "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack-18.1.json",
                "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/mobile-attack/mobile-attack-18.1.json",
                "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/ics-attack/ics-attack-18.1.json",
                "https://raw.githubusercontent.com/center-for-threat-informed-defense/mappings-explorer/main/mappings/"
                        + "nist_800_53/attack-16.1/nist_800_53-rev5/enterprise/nist_800_53-rev5_attack-16.1-enterprise.json");
        assertThat(UpstreamRelease.urls("17.0").get(0)).endsWith("/enterprise-attack-17.0.json");
        assertThatThrownBy(() -> UpstreamRelease.urls("../../etc"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("--attack-version: expected a release");
    }
}
