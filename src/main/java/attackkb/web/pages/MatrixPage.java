package attackkb.web.pages;

import attackkb.model.Tactic;
import attackkb.records.EntityStore.TacticColumn;
import java.util.List;
import java.util.Set;

/**
 * {@code /matrix/{domain}}: a domain's tactics as columns and their techniques as cells, those of one platform when
 * {@code platform} is not empty.
 *
 * @param platforms every platform of the domain's techniques, for the filter
 * @param showIds whether cells show IDs; {@code expand} whether sub-technique lists start open
 * @param emptyTactics under a platform filter, the tactics left without a technique (named, not drawn)
 */
record MatrixPage(String title, String domain, String domainLabel, List<TacticColumn> columns, Set<String> platforms,
        String platform, boolean showIds, boolean expand, int techniqueCount, int subCount, List<Tactic> emptyTactics) {}
