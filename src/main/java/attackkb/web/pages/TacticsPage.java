package attackkb.web.pages;

import attackkb.records.EntityStore.TacticSummary;
import java.util.List;

/** {@code /tactics}: every tactic of every domain. */
record TacticsPage(String title, List<TacticSummary> tactics) {}
