package attackkb.search;

import attackkb.model.Control;
import attackkb.model.ControlTechnique;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * From one framework's entry to another framework's: the target entries ranked by how many of the source entry's
 * techniques they map too (AC-4 → CSA CCM, CVE-2021-44228 → AWS capabilities). Made once per index generation from
 * every entry's techniques.
 */
public final class Crosswalk {
    /** A target entry, the techniques it shares with the source, and their Jaccard index (shared / either's). */
    public record Match(String framework, String id, String title, String url, int shared, double jaccard,
            List<String> techniques) {}

    private record Entry(String framework, String id, String title, Set<String> techniques) {}

    private final Map<String, List<Entry>> byFramework = new LinkedHashMap<>();

    public Crosswalk(List<Control> entries) {
        for (Control c : entries) {
            Set<String> techniques = new TreeSet<>();
            for (ControlTechnique u : c.techniques()) techniques.add(u.techniqueId());
            if (techniques.isEmpty()) continue;
            byFramework.computeIfAbsent(c.framework(), k -> new ArrayList<>())
                    .add(new Entry(c.framework(), c.id(), c.title(), Set.copyOf(techniques)));
        }
    }

    /** Up to {@code limit} entries of {@code framework} sharing techniques with {@code from}, most shared first. */
    public List<Match> from(Control from, String framework, int limit) {
        Set<String> source = new TreeSet<>();
        from.techniques().forEach(u -> source.add(u.techniqueId()));
        List<Match> matches = new ArrayList<>();
        for (Entry e : byFramework.getOrDefault(framework, List.of())) {
            if (e.framework().equals(from.framework()) && e.id().equals(from.id())) continue;
            List<String> shared = source.stream().filter(e.techniques()::contains).toList();
            if (shared.isEmpty()) continue;
            int union = source.size() + e.techniques().size() - shared.size();
            double jaccard = Math.round(1000.0 * shared.size() / union) / 1000.0;
            matches.add(new Match(e.framework(), e.id(), e.title(), Links.entry(e.framework(), e.id()), shared.size(),
                    jaccard, shared));
        }
        matches.sort(Comparator.comparingInt(Match::shared).reversed()
                .thenComparing(Comparator.comparingDouble(Match::jaccard).reversed())
                .thenComparing(Match::id));
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }
}
