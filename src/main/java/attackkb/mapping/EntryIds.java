package attackkb.mapping;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One spelling per entry ID. VERIS's mapping files write the same enumeration as
 * {@code action.malware.variety.C2} and {@code Action.Malware.Variety.C2}; IDs that differ only in case are one
 * entry, under the spelling most rows use (the first in code-point order on a tie, so every build agrees).
 * SP 800-53 IDs are normalised by {@link ControlId} instead.
 */
final class EntryIds {
    private final Map<String, String> canonical = new HashMap<>();

    private EntryIds() {}

    static EntryIds of(List<ControlSources.MappingFile> files) {
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        for (var file : files) {
            String framework = file.source().framework();
            if (FrameworkNames.NIST_800_53.equals(framework)) continue;
            for (var row : file.rows()) {
                if (row.controlId() == null) continue;
                spellings.computeIfAbsent(key(framework, row.controlId()), k -> new HashMap<>())
                        .merge(row.controlId(), 1, Integer::sum);
            }
        }
        var ids = new EntryIds();
        spellings.forEach((key, counts) -> {
            if (counts.size() < 2) return;
            String best = counts.entrySet().stream()
                    .min(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            ids.canonical.put(key, best);
        });
        return ids;
    }

    /** The row with its entry's one spelling of its ID. */
    ControlSources.Row canonical(String framework, ControlSources.Row row) {
        if (row.controlId() == null) return row;
        String id = canonical.get(key(framework, row.controlId()));
        return id == null || id.equals(row.controlId()) ? row : row.withControlId(id);
    }

    private static String key(String framework, String id) {
        return framework + "|" + id.toLowerCase(Locale.ROOT);
    }
}
