package attackkb.index;

import attackkb.ingest.SourceRecord;
import attackkb.mapping.MappingReport;
import attackkb.model.Framework;
import java.util.List;
import java.util.Map;

/**
 * What an index was built from and what it holds, written as {@code manifest.json} beside the Lucene files.
 *
 * @param counts active entities per domain, then per type ({@code enterprise-attack → technique → 691})
 * @param totals active entities per type, across domains (an entity in two domains counts once)
 * @param inactive revoked and deprecated entities per type, indexed but hidden from search by default
 * @param mappings what became of each mapping file's rows (linked, non-mappable, unresolved)
 * @param frameworks every mapped framework, with its version and how many entries, techniques and mappings it has
 * @param releases the ATT&CK releases held, oldest first: the last is the one searched, the others give history
 */
public record IndexManifest(
        int schemaVersion,
        String builtAt,
        long buildMillis,
        Map<String, String> attackVersions,
        List<SourceRecord> sources,
        Map<String, Map<String, Integer>> counts,
        Map<String, Integer> totals,
        Map<String, Integer> inactive,
        List<MappingReport> mappings,
        List<Framework> frameworks,
        int documents,
        List<String> releases) {

    public static final String FILE_NAME = "manifest.json";
}
