package attackkb.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.BadInputException;
import attackkb.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSnifferTest {
    @TempDir
    Path tmp;

    private SourceKind sniff(String name, String json) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, json);
        return ContentSniffer.sniff(new SourceFile(file, name));
    }

    @Test
    void recognisesEachFormatByContentNotName() throws IOException {
        assertThat(ContentSniffer.sniff(new SourceFile(Fixtures.enterprise(), "e"))).isEqualTo(SourceKind.STIX_BUNDLE);
        assertThat(sniff("a.json", "{\"metadata\": {\"mapping_version\": \"1\"}, \"mapping_objects\": []}"))
                .isEqualTo(SourceKind.CONTROL_MAPPING);
        assertThat(sniff("b.json", "[{\"id\": \"AC-1\", \"description\": \"<p>text</p>\"}]"))
                .isEqualTo(SourceKind.CONTROL_DESCRIPTIONS);
        assertThat(sniff("c.json", "{\"catalog\": {\"uuid\": \"x\", \"groups\": []}}")).isEqualTo(SourceKind.OSCAL_CATALOG);
        assertThat(sniff("bundle-named-oddly.txt.json", "{\"id\": \"bundle--1\", \"objects\": []}"))
                .isEqualTo(SourceKind.STIX_BUNDLE);
    }

    @Test
    void callsOtherJsonUnknown() throws IOException {
        assertThat(sniff("d.json", "{\"name\": \"package\", \"version\": \"1.0\"}")).isEqualTo(SourceKind.UNKNOWN);
        assertThat(sniff("e.json", "{\"type\": \"indicator\"}")).isEqualTo(SourceKind.UNKNOWN);
        assertThat(sniff("f.json", "[1, 2, 3]")).isEqualTo(SourceKind.UNKNOWN);
        assertThat(sniff("g.json", "42")).isEqualTo(SourceKind.UNKNOWN);
    }

    @Test
    void readsGzipByItsMagicBytes() throws IOException {
        Path gz = tmp.resolve("bundle.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Fixtures.enterprise(), out);
        }
        assertThat(ContentSniffer.sniff(new SourceFile(gz, "bundle.json.gz"))).isEqualTo(SourceKind.STIX_BUNDLE);
    }

    @Test
    void rejectsAFileThatIsNotJson() {
        assertThatThrownBy(() -> sniff("notes.json", "this is not json"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("notes.json: not JSON (");
    }
}
