package attackkb.web.pages;

import attackkb.model.Actor;
import attackkb.model.ActorLink;
import java.util.List;

/**
 * {@code /groups/{id}}, {@code /software/{id}}, {@code /campaigns/{id}}: an actor, the groups, software and
 * campaigns tied to it, and the techniques it used.
 *
 * @param pageUrl the page's own path, which its Navigator layer's address extends
 */
record ActorPage(String title, Actor actor, String statement, List<Relation> associated,
        List<TechniqueUseView> techniques, String pageUrl, List<Citations.Numbered> references, HistoryView history,
        PageActions actions) {

    /** The actors tied by one relation, under its heading ("Software used", "Attributed to" …). */
    record Relation(String heading, List<Associate> actors) {}

    /** One tied actor, its page, and what ATT&CK says of the tie as HTML. */
    record Associate(ActorLink link, String url, String html) {}
}
