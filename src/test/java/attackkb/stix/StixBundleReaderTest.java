package attackkb.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StixBundleReaderTest {
    private static List<StixObject> read(String json) throws IOException {
        List<StixObject> out = new ArrayList<>();
        StixBundleReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", out::add);
        return out;
    }

    @Test
    void readsObjectsWhateverTheOrderOfTheBundlesKeys() throws IOException {
        var objects = read("""
                {"objects": [{"type": "attack-pattern", "id": "attack-pattern--1", "name": "A",
                              "x_mitre_platforms": ["Linux"], "unknown_property": {"deep": [1, 2]}}],
                 "id": "bundle--1", "type": "bundle"}""");
        assertThat(objects).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("A");
            assertThat(o.xMitrePlatforms()).containsExactly("Linux");
        });
    }

    @Test
    void rejectsJsonThatIsNotABundle() {
        assertThatThrownBy(() -> read("{\"type\": \"indicator\", \"objects\": []}"))
                .isInstanceOf(BadInputException.class).hasMessage("test.json: not a STIX bundle (its type is \"indicator\")");
        assertThatThrownBy(() -> read("{\"type\": \"bundle\"}"))
                .isInstanceOf(BadInputException.class).hasMessage("test.json: not a STIX bundle (no \"objects\" array)");
        assertThatThrownBy(() -> read("[1, 2]"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("top level is not a JSON object");
    }

    @Test
    void reportsATruncatedFileWithItsPosition() {
        assertThatThrownBy(() -> read("{\"type\": \"bundle\", \"objects\": [{\"type\": \"attack-pattern\", \"id\": \"x\""))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("test.json: truncated or malformed JSON at line 1");
    }

    @Test
    void rejectsAnObjectWithoutTypeOrId() {
        assertThatThrownBy(() -> read("{\"type\": \"bundle\", \"objects\": [{\"name\": \"nameless\"}]}"))
                .isInstanceOf(BadInputException.class).hasMessage("test.json: object #1 has no \"type\" or \"id\"");
    }
}
