package attackkb.web.pages;

import attackkb.model.Framework;
import attackkb.records.FrameworkEntries.EntrySummary;
import attackkb.records.FrameworkEntries.FrameworkGroup;
import java.util.List;

/**
 * {@code /frameworks/{key}}: a framework's entries, under their groups or, when every group is one entry (cloud
 * capabilities), as one list by name.
 *
 * @param families the groups shown ({@code mappedOnly}: those with an entry mapped to a technique)
 * @param unmapped how many entries map no technique
 * @param flat whether to show {@code entries}, the one list, rather than {@code families}
 * @param freshness the freshness filter ({@code stale} or a status): only entries with such mappings are shown,
 *        each with how many it has; null for all entries
 * @param url the framework's page, which the filters' links extend
 */
record FrameworkPage(String title, Framework framework, List<FrameworkGroup> families, boolean mappedOnly,
        long unmapped, boolean flat, List<EntrySummary> entries, String freshness, String url) {}
