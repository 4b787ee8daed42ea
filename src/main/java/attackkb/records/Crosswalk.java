package attackkb.records;

import attackkb.model.Control;
import attackkb.model.ControlTechnique;
import attackkb.urls.Links;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * From one framework's entry to another framework's: the target entries ranked by how many of the source entry's
 * techniques they map too (AC-4 → CSA CCM, CVE-2021-44228 → AWS capabilities). Made once per index generation:
 * the entries of each technique, so a crosswalk visits only the entries that share one, not every entry.
 */
public final class Crosswalk {
    /** A target entry, the techniques it shares with the source, and their Jaccard index (shared / either's). */
    public record Match(String framework, String id, String title, String url, int shared, double jaccard,
            List<String> techniques) {}

    /** {@code techniques} sorted, so two entries' shared techniques are one merge. */
    private record Entry(String framework, String id, String title, String url, String[] techniques) {}

    private static final Comparator<Match> BEST_FIRST = Comparator.comparingInt(Match::shared).reversed()
            .thenComparing(Comparator.comparingDouble(Match::jaccard).reversed())
            .thenComparing(Match::id);

    private static final int[] NONE = new int[0];

    private final Entry[] entries;
    private final Map<String, int[]> entriesOfTechnique;

    public Crosswalk(List<Control> controls) {
        List<Entry> list = new ArrayList<>();
        Map<String, List<Integer>> byTechnique = new HashMap<>();
        for (Control c : controls) {
            var techniques = techniques(c);
            if (techniques.isEmpty()) continue;
            int index = list.size();
            list.add(new Entry(c.framework(), c.id(), c.title(), Links.entry(c.framework(), c.id()), techniques.toArray(String[]::new)));
            for (String t : techniques) byTechnique.computeIfAbsent(t, k -> new ArrayList<>()).add(index);
        }
        entries = list.toArray(Entry[]::new);
        entriesOfTechnique = new HashMap<>();
        byTechnique.forEach((t, indexes) -> entriesOfTechnique.put(t, indexes.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static TreeSet<String> techniques(Control c) {
        TreeSet<String> techniques = new TreeSet<>();
        for (ControlTechnique u : c.techniques()) techniques.add(u.techniqueId());
        return techniques;
    }

    /** Up to {@code limit} entries of {@code framework} sharing techniques with {@code from}, most shared first. */
    public List<Match> from(Control from, String framework, int limit) {
        return fromEach(from, limit, framework).getOrDefault(framework, List.of());
    }

    /** For every framework with an entry sharing techniques with {@code from}: its best {@code limit}, most shared first. */
    public Map<String, List<Match>> fromEach(Control from, int limit) {
        return fromEach(from, limit, null);
    }

    private Map<String, List<Match>> fromEach(Control from, int limit, String onlyFramework) {
        TreeSet<String> source = techniques(from);
        int[] shared = new int[entries.length];
        List<Integer> touched = new ArrayList<>();
        for (String t : source) {
            for (int e : entriesOfTechnique.getOrDefault(t, NONE)) {
                Entry entry = entries[e];
                if (onlyFramework != null && !onlyFramework.equals(entry.framework())) continue;
                if (entry.framework().equals(from.framework()) && entry.id().equals(from.id())) continue;
                if (shared[e]++ == 0) touched.add(e);
            }
        }
        // Each candidate keeps its entry, so the shown ones find their shared techniques without a lookup.
        record Candidate(Match match, Entry entry) {}
        Map<String, List<Candidate>> byFramework = new LinkedHashMap<>();
        for (int e : touched) {
            Entry entry = entries[e];
            int union = source.size() + entry.techniques().length - shared[e];
            double jaccard = Math.round(1000.0 * shared[e] / union) / 1000.0;
            byFramework.computeIfAbsent(entry.framework(), k -> new ArrayList<>()).add(new Candidate(
                    new Match(entry.framework(), entry.id(), entry.title(), entry.url(), shared[e], jaccard, List.of()), entry));
        }
        Map<String, List<Match>> out = new LinkedHashMap<>();
        byFramework.forEach((framework, candidates) -> {
            candidates.sort(Comparator.comparing(Candidate::match, BEST_FIRST));
            out.put(framework, candidates.subList(0, Math.min(limit, candidates.size())).stream()
                    .map(c -> withTechniques(c.match(), source, c.entry())).toList());
        });
        return out;
    }

    /** The shared technique IDs, found only for the matches shown: a merge of two sorted lists. */
    private static Match withTechniques(Match m, TreeSet<String> source, Entry target) {
        List<String> techniques = new ArrayList<>(m.shared());
        String[] theirs = target.techniques();
        int j = 0;
        for (String t : source) {
            while (j < theirs.length && theirs[j].compareTo(t) < 0) j++;
            if (j < theirs.length && theirs[j].equals(t)) techniques.add(t);
        }
        return new Match(m.framework(), m.id(), m.title(), m.url(), m.shared(), m.jaccard(), List.copyOf(techniques));
    }
}
