package attackkb.web.pages;

import attackkb.model.TechniqueUse;
import java.util.List;

/** A technique a mitigation or an actor is recorded against, with the relationship's text as HTML. */
record TechniqueUseView(TechniqueUse use, String html) {

    static List<TechniqueUseView> of(List<TechniqueUse> uses, Citations citations) {
        return uses.stream().map(u -> new TechniqueUseView(u, MarkdownHtml.render(u.description(), u.references(), citations)))
                .toList();
    }
}
