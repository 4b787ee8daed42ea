package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.search.SearchRequest;
import attackkb.web.pages.Pager;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagerTest {
    private static String pager(int offset, int total) {
        SearchRequest r = SearchRequest.of("image").at(20, offset);
        List<Pager.Link> pages = Pager.links(r, total);
        StringBuilder out = new StringBuilder();
        for (Pager.Link p : pages) {
            if (out.length() > 0) out.append(' ');
            out.append(p.gap() ? "…" : p.current() ? "[" + p.number() + "]" : p.number());
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
        assertThat(Pager.links(SearchRequest.of("image").at(20, 40), 708).get(1).url())
                .isEqualTo("/search?q=image&offset=20");
    }
}
