package attackkb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void anObjectsFieldsAreWrittenInTheOrderGiven() throws Exception {
        var object = Json.object("zeta", 1, "alpha", "two", "mid", java.util.List.of(3));

        assertThat(Json.MAPPER.writeValueAsString(object)).isEqualTo("{\"zeta\":1,\"alpha\":\"two\",\"mid\":[3]}");
    }

    @Test
    void namesAndValuesComeInPairs() {
        assertThatThrownBy(() -> Json.object("name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("names and values come in pairs");
        assertThatThrownBy(() -> Json.object("name", null)).isInstanceOf(NullPointerException.class);
    }
}
