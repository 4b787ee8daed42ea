package attackkb.web.pages;

import attackkb.model.Tactic;
import attackkb.records.EntityStore.MatrixTechnique;
import java.util.List;

/** {@code /tactics/{id}}: a tactic and its techniques in matrix order. */
record TacticPage(String title, Tactic tactic, String statement, List<MatrixTechnique> techniques,
        List<Citations.Numbered> references, HistoryView history, PageActions actions) {}
