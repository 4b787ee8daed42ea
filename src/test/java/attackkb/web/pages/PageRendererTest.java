package attackkb.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageRendererTest {
    record Listing(String title, List<String> items, String next) {}

    @Test
    void aPageRecordsComponentsAreItsTemplatesVariablesNullsIncluded() {
        Map<String, Object> expected = new HashMap<>();
        expected.put("title", "Tactics");
        expected.put("items", List.of("TA0001", "TA0002"));
        expected.put("next", null); // a template may test it: it must be there, as null
        assertThat(PageRenderer.variables(new Listing("Tactics", List.of("TA0001", "TA0002"), null))).isEqualTo(expected);
    }
}
