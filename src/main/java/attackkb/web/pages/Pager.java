package attackkb.web.pages;

import attackkb.search.SearchRequest;
import attackkb.web.http.SearchUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** The page links of a search's results: the first, the last, and two either side of the current one. */
public final class Pager {
    /** A page's number and URL, or a gap between numbers. */
    public record Link(boolean gap, int number, boolean current, String url) {
        static final Link GAP = new Link(true, 0, false, null);
    }

    private Pager() {}

    /** Page links with gaps between them: "1 … 4 5 6 7 8 … 36". */
    public static List<Link> links(SearchRequest request, long total) {
        int limit = request.limit();
        int count = (int) Math.min((total + limit - 1) / limit, SearchRequest.MAX_OFFSET / limit + 1);
        int current = request.offset() / limit + 1;
        IntPredicate near = n -> n == 1 || n == count || Math.abs(n - current) <= 2;
        List<Link> links = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= count; n++) {
            // A gap never hides a single page: "1 2 3 4 5", not "1 2 3 … 5".
            if (!near.test(n) && !(near.test(n - 1) && near.test(n + 1))) continue;
            if (n > last + 1) links.add(Link.GAP);
            links.add(new Link(false, n, n == current, SearchUrls.page(request, (n - 1) * limit)));
            last = n;
        }
        return links;
    }
}
