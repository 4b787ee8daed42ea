package attackkb.web.pages;

import attackkb.model.Mitigation;
import java.util.List;

/** {@code /mitigations/{id}}: a mitigation and the techniques it mitigates, with how. */
record MitigationPage(String title, Mitigation mitigation, String statement, List<TechniqueUseView> techniques,
        List<Citations.Numbered> references, HistoryView history, PageActions actions) {}
