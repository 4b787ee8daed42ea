package attackkb.cli;

import attackkb.index.IndexManifest;
import attackkb.mapping.MappingReport;
import attackkb.model.EntityType;
import attackkb.model.Framework;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tables that end an index build: active entities per domain and type, then every mapped framework with its
 * entries and how many of its files' rows were linked.
 */
final class CountsTable {
    private CountsTable() {}

    static String render(IndexManifest manifest) {
        List<String> types = java.util.Arrays.stream(EntityType.values()).map(EntityType::key).toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("domain");
        header.add("version");
        header.addAll(types);
        rows.add(header);
        manifest.counts().forEach((domain, counts) -> rows.add(row(domain,
                manifest.attackVersions().getOrDefault(domain, ""), counts, types)));
        rows.add(row("all (distinct)", "", manifest.totals(), types));
        return format(rows, 2);
    }

    /** One line per framework; empty when the build read no mapping. */
    static String frameworks(IndexManifest manifest) {
        if (manifest.frameworks() == null || manifest.frameworks().isEmpty()) return "";
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("framework", "version", "ATT&CK", "files", "rows", "linked", "entries", "techniques", "mappings"));
        for (Framework f : manifest.frameworks()) {
            List<MappingReport> files = manifest.mappings().stream().filter(r -> f.key().equals(r.framework())).toList();
            rows.add(List.of(f.name(), f.version(), f.attackVersion(), count(files.size()),
                    count(files.stream().mapToInt(MappingReport::rows).sum()),
                    count(files.stream().mapToInt(MappingReport::mapped).sum()),
                    count(f.entries()), count(f.techniques()), count(f.mappings())));
        }
        return format(rows, 3);
    }

    private static String count(int n) {
        return String.format("%,d", n);
    }

    private static List<String> row(String label, String version, Map<String, Integer> counts, List<String> types) {
        List<String> row = new ArrayList<>();
        row.add(label);
        row.add(version);
        for (String type : types) row.add(count(counts.getOrDefault(type, 0)));
        return row;
    }

    /** Columns left-aligned up to {@code labels}, numbers right-aligned after. */
    private static String format(List<List<String>> rows, int labels) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) widths[c] = Math.max(widths[c], row.get(c).length());
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                sb.append(pad(cell, widths[c], c >= labels));
                sb.append(c == columns - 1 ? "\n" : "  ");
            }
        }
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }
}
