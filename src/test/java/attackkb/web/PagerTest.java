package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.search.SearchRequest;
import attackkb.web.pages.SearchPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagerTest {
    private static String pager(int offset, int total) {
        SearchRequest r = SearchRequest.of("image").at(20, offset);
        List<Map<String, Object>> pages = SearchPage.pages(r, total);
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> p : pages) {
            if (out.length() > 0) out.append(' ');
            out.append((Boolean) p.get("gap") ? "…" : (Boolean) p.get("current") ? "[" + p.get("number") + "]" : p.get("number"));
        }
        return out.toString();
    }

    @Test
    void theFirstTheLastAndTwoEitherSideOfTheCurrentPage() {
        assertThat(pager(100, 708)).isEqualTo("1 … 4 5 [6] 7 8 … 36");
        assertThat(pager(0, 708)).isEqualTo("[1] 2 3 … 36");
        assertThat(pager(700, 708)).isEqualTo("1 … 34 35 [36]");
        assertThat(pager(0, 95)).isEqualTo("[1] 2 3 4 5");
        assertThat(pager(0, 20)).isEqualTo("[1]");
        assertThat(SearchPage.pages(SearchRequest.of("image").at(20, 40), 708).get(1).get("url"))
                .isEqualTo("/search?q=image&offset=20");
    }
}
