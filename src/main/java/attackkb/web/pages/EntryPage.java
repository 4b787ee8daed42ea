package attackkb.web.pages;

import attackkb.model.Control;
import attackkb.records.FrameworkEntries.CrosswalkColumn;
import attackkb.records.FrameworkEntries.TacticGroup;
import java.util.List;
import java.util.Map;

/**
 * {@code /frameworks/{key}/{entry}}: a framework's entry, its techniques by tactic, and the other frameworks'
 * entries that share the most of them.
 *
 * @param url the entry's canonical path, which its downloads' addresses extend
 * @param guidance SP 800-53's guidance as HTML
 * @param rationale whether any mapping gives a rationale or references (the table has the column only then)
 * @param refs each reference of the mappings to its number in {@code references}
 * @param scored whether the framework scores its mappings
 * @param entry the entry with the mappings {@code freshness} selects (all of them when it is null)
 * @param freshnessCounts how many of all its mappings each freshness filter selects, {@code stale} first
 * @param total how many mappings it has in all
 */
record EntryPage(String title, Control entry, String frameworkName, String url, List<TacticGroup> groups,
        List<CrosswalkColumn> crosswalks, String guidance, boolean rationale, Map<String, Integer> refs,
        List<Citations.Numbered> references, boolean scored, PageActions actions, String freshness,
        Map<String, Integer> freshnessCounts, int total) {}
