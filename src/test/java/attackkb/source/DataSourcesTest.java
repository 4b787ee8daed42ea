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
    void pinsTheUpstreamFilesToCommitsWithDigests() {
        List<String> urls = UpstreamRelease.urls("18.1");
        String attack = "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/7ad8a86f41edc91dd37de0487b0c2f44ae3a3af7/";
        String mappings = "https://raw.githubusercontent.com/center-for-threat-informed-defense/mappings-explorer/"
                + "2911162ca45dc34971f3a9fbc9892d1c7fa07b99/mappings/";
        assertThat(urls).hasSize(3 + 13 + 1);
        assertThat(urls.subList(0, 3)).containsExactly(
                attack + "enterprise-attack/enterprise-attack-18.1.json",
                attack + "mobile-attack/mobile-attack-18.1.json",
                attack + "ics-attack/ics-attack-18.1.json");
        assertThat(urls).contains(
                mappings + "nist_800_53/attack-16.1/nist_800_53-rev5/enterprise/nist_800_53-rev5_attack-16.1-enterprise.json",
                mappings + "aws/attack-16.1/aws-12.12.2024/enterprise/aws-12.12.2024_attack-16.1-enterprise.json",
                mappings + "csa_ccm/attack-17.1/csa_ccm-4.1/enterprise/csa_ccm-4.1_attack-17.1-enterprise.json",
                mappings + "kev/attack-16.1/kev-07.28.2025/mobile/kev-07.28.2025_attack-16.1-mobile.json",
                mappings + "intel-vpro/attack-15.1/intel-vpro-08.20.2024/enterprise/intel-vpro-08.20.2024_attack-15.1-enterprise.json");
        assertThat(urls.get(urls.size() - 1)).isEqualTo("https://raw.githubusercontent.com/usnistgov/oscal-content/"
                + "88bb8deeaa815f8914d68ea7e31a622ebbc1719d/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json");
        assertThat(urls).allSatisfy(url -> assertThat(UpstreamRelease.digest(url)).isPresent())
                .noneMatch(url -> url.contains("/master/") || url.contains("/main/"));
        assertThat(UpstreamRelease.digest(urls.get(0))).contains(Digest.gitBlob("c634454a95b4d761958dd9c8c60499bbb8c06a58"));
    }

    @Test
    void computesGitBlobIdsAsGitDoes() throws IOException {
        Path file = Files.writeString(tmp.resolve("hello.txt"), "hello\n");
        assertThat(Digest.gitBlob("ce013625030ba8dba906f756967f9e9ca394464a").matches(file)).isTrue();
        assertThat(Digest.sha256("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03").matches(file)).isTrue();
    }
}
