package attackkb.web.pages;

import attackkb.model.Framework;
import attackkb.records.EntityStore.TacticSummary;
import attackkb.search.SearchRequest;
import java.util.List;

/**
 * The search page before anything is asked: what this is, what it holds, and where to start.
 *
 * @param landing always true: the search template shows this section instead of results
 * @param documents how many documents the index holds
 * @param releases the releases that can be searched, and the one chosen
 */
record LandingPage(String title, SearchRequest request, boolean landing, List<Framework> frameworks,
        List<TacticSummary> tactics, long documents, List<Example> examples, ReleaseChoice releases) {

    /** A search to try, and what it shows off. */
    record Example(String q, String why) {}
}
