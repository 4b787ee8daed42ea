package attackkb.cli;

import attackkb.index.IndexManifest;
import attackkb.model.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table of active entities per domain and type that ends an index build. */
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
        return format(rows);
    }

    private static List<String> row(String label, String version, Map<String, Integer> counts, List<String> types) {
        List<String> row = new ArrayList<>();
        row.add(label);
        row.add(version);
        for (String type : types) row.add(String.format("%,d", counts.getOrDefault(type, 0)));
        return row;
    }

    private static String format(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) widths[c] = Math.max(widths[c], row.get(c).length());
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                // Labels left-aligned, numbers right-aligned.
                sb.append(c < 2 ? pad(cell, widths[c], false) : pad(cell, widths[c], true));
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
