package attackkb.mapping;

import attackkb.model.Control;
import attackkb.model.ControlLink;
import attackkb.model.ControlTechnique;
import attackkb.model.Framework;
import attackkb.model.Freshness;
import attackkb.model.KnowledgeBase;
import attackkb.model.MappingSource;
import attackkb.model.Status;
import attackkb.model.Technique;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Links every framework's mappings to the techniques of the knowledge base, the same way for each framework. Mappings
 * are made for an older ATT&CK release than the one indexed (most for 16.1), so a row naming a technique revoked
 * since then is linked to its replacement, one naming a technique deprecated since stays on it, and a row naming a
 * technique that no longer exists is counted and listed, not lost. Each link carries its {@link Freshness}: how the
 * technique it names stands now. SP 800-53 alone has a catalog (statements, guidance) and control descriptions
 * besides its mappings.
 */
public final class ControlLinker {
    /** The knowledge base with framework entries linked, and a report per mapping file. */
    public record Linked(KnowledgeBase knowledgeBase, List<MappingReport> reports) {}

    /** An entry of one framework: IDs are unique within a framework. */
    private record EntryKey(String framework, String id) {}

    /** A description this long, or one that ends a sentence, describes its entry rather than naming it. */
    private static final int MAX_TITLE = 150;

    /** Entries in listing order: by framework, SP 800-53 controls in catalog order, others by ID. */
    static final Comparator<EntryKey> ENTRY_ORDER = Comparator.comparing(EntryKey::framework, FrameworkNames.ORDER_OF_KEYS)
            .thenComparing((a, b) -> FrameworkNames.NIST_800_53.equals(a.framework())
                    ? ControlId.ORDER.compare(a.id(), b.id()) : a.id().compareTo(b.id()));

    private ControlLinker() {}

    /** How a mapping to technique {@code mappedId}, made for ATT&CK {@code mappedRelease}, stands now. */
    @FunctionalInterface
    public interface FreshnessCheck {
        Freshness of(String mappedRelease, String mappedId);
    }

    public static Linked link(KnowledgeBase kb, ControlSources sources, FreshnessCheck freshness) {
        if (sources.isEmpty() && sources.catalog().isEmpty()) return new Linked(kb, List.of());
        Map<String, Technique> byId = new HashMap<>();
        for (Technique t : kb.techniques()) {
            // An ID can belong to one active and one revoked object; the active one wins.
            byId.merge(t.id(), t, (a, b) -> a.active() ? a : b);
        }
        Map<String, Map<String, ControlLink>> linksByTechnique = new HashMap<>();
        Map<String, String> mappingStatus = new HashMap<>();
        Map<EntryKey, Map<String, ControlTechnique>> techniquesByEntry = new LinkedHashMap<>();
        Map<EntryKey, ControlSources.Row> firstRowOfEntry = new HashMap<>();
        Map<EntryKey, MappingSource> sourceOfEntry = new HashMap<>();
        Map<String, FrameworkTally> tallies = new LinkedHashMap<>();
        List<MappingReport> reports = new ArrayList<>();
        EntryIds ids = EntryIds.of(sources.mappings());

        for (ControlSources.MappingFile file : sources.mappings()) {
            String framework = file.source().framework();
            boolean nist = FrameworkNames.NIST_800_53.equals(framework);
            tallies.computeIfAbsent(framework, k -> new FrameworkTally(file.source())).add(file);
            int mapped = 0;
            int followed = 0;
            int nonMappable = 0;
            int incomplete = 0;
            TreeSet<String> unresolved = new TreeSet<>();
            for (ControlSources.Row fileRow : file.rows()) {
                ControlSources.Row row = ids.canonical(framework, fileRow);
                Technique t = resolve(byId, row.techniqueId());
                if ("non_mappable".equals(row.status()) || "non_mappable".equals(row.mappingType())) {
                    nonMappable++;
                    if (nist && t != null) mappingStatus.putIfAbsent(t.id(), "non_mappable");
                    continue;
                }
                if (row.techniqueId() == null || row.controlId() == null) {
                    incomplete++;
                    continue;
                }
                if (t == null) {
                    unresolved.add(row.techniqueId());
                    continue;
                }
                if (!t.id().equals(row.techniqueId())) followed++;
                mapped++;
                if (nist) mappingStatus.put(t.id(), "mapped");
                var entry = new EntryKey(framework, row.controlId());
                firstRowOfEntry.putIfAbsent(entry, row);
                sourceOfEntry.putIfAbsent(entry, file.source());
                var catalog = nist ? sources.catalog().get(row.controlId()) : null;
                String family = Control.familyLabel(familyId(entry, catalog, row), familyName(catalog, row));
                Freshness fresh = freshness.of(file.source().attackVersion(), row.techniqueId());
                // A release not held names nothing: the row's own name for its technique is the name it was made for.
                if (fresh != null) fresh = fresh.withMappedName(row.techniqueName());
                var link = new ControlLink(framework, row.controlId(), title(entry, sources, row), family, row.mappingType(),
                        row.scoreCategory(), row.scoreValue(), row.comments(), row.references(), file.source(), fresh);
                // One entry can map one technique in several ways: AWS Config both detects and protects. A row naming
                // a revoked technique stays apart from one naming its successor: their freshness differs.
                String way = row.mappingType() + "|" + row.scoreCategory() + "|" + row.techniqueId();
                linksByTechnique.computeIfAbsent(t.id(), k -> new LinkedHashMap<>())
                        .merge(framework + "|" + row.controlId() + "|" + way, link, ControlLinker::mergeLinks);
                var use = new ControlTechnique(t.id(), t.name(), t.tactics(), row.mappingType(), row.scoreCategory(),
                        row.scoreValue(), row.comments(), row.references(), fresh);
                techniquesByEntry.computeIfAbsent(entry, k -> new LinkedHashMap<>()).merge(t.id() + "|" + way, use, ControlLinker::mergeUses);
            }
            reports.add(new MappingReport(file.origin(), framework, file.source().revision(), file.source().attackVersion(),
                    file.rows().size(), mapped, followed, nonMappable, incomplete, unresolved.size(), List.copyOf(unresolved)));
        }

        List<Technique> techniques = new ArrayList<>(kb.techniques().size());
        for (Technique t : kb.techniques()) {
            Map<String, ControlLink> links = linksByTechnique.get(t.id());
            String status = t.active() ? mappingStatus.get(t.id()) : null;
            if (links == null && status == null) {
                techniques.add(t);
                continue;
            }
            List<ControlLink> sorted = links == null ? List.of() : links.values().stream()
                    .sorted(Comparator.comparing((ControlLink l) -> new EntryKey(l.framework(), l.id()), ENTRY_ORDER)
                            .thenComparing(l -> Objects.toString(l.scoreCategory(), ""))
                            .thenComparing(l -> mappedId(l.freshness())))
                    .toList();
            techniques.add(t.withControls(sorted, status));
        }

        Map<EntryKey, Control> entries = new HashMap<>();
        for (var c : sources.catalog().values()) {
            var key = new EntryKey(FrameworkNames.NIST_800_53, c.id());
            entries.put(key, control(key, sources, firstRowOfEntry.get(key), techniquesByEntry.get(key), sourceOfEntry.get(key)));
        }
        firstRowOfEntry.forEach((key, row) -> entries.computeIfAbsent(key,
                k -> control(key, sources, row, techniquesByEntry.get(key), sourceOfEntry.get(key))));
        List<Control> sortedEntries = entries.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ENTRY_ORDER)).map(Map.Entry::getValue).toList();
        List<Framework> frameworks = tallies.values().stream()
                .map(tally -> tally.framework(sortedEntries))
                .sorted(Comparator.comparing(Framework::key, FrameworkNames.ORDER_OF_KEYS))
                .toList();
        return new Linked(kb.withControls(techniques, sortedEntries, frameworks), List.copyOf(reports));
    }

    /** The technique a row shows under: the one it names, its replacement if revoked; null when neither exists. */
    private static Technique resolve(Map<String, Technique> byId, String id) {
        Technique t = id == null ? null : byId.get(id);
        if (t == null) return null;
        if (t.status() == Status.REVOKED && t.revokedBy() != null) t = byId.get(t.revokedBy());
        return t != null && (t.active() || t.status() == Status.DEPRECATED) ? t : null;
    }

    /** Rows of one entry and technique in one order: the one naming the technique itself before a revoked one's. */
    private static String mappedId(Freshness freshness) {
        return freshness == null ? "" : freshness.mappedId();
    }

    private static Control control(EntryKey key, ControlSources sources, ControlSources.Row row,
            Map<String, ControlTechnique> techniques, MappingSource source) {
        boolean nist = FrameworkNames.NIST_800_53.equals(key.framework());
        var catalog = nist ? sources.catalog().get(key.id()) : null;
        List<ControlTechnique> uses = techniques == null ? List.of() : techniques.values().stream()
                .sorted(Comparator.comparing(ControlTechnique::techniqueId)
                        .thenComparing(u -> Objects.toString(u.scoreCategory(), ""))
                        .thenComparing(u -> mappedId(u.freshness())))
                .toList();
        String statement = catalog != null ? catalog.statement()
                : !nist && row != null && isDescription(row.controlTitle()) ? row.controlTitle() : null;
        return new Control(key.framework(), key.id(), title(key, sources, row), familyId(key, catalog, row),
                familyName(catalog, row), statement, catalog == null ? null : catalog.guidance(),
                nist ? sources.descriptions().get(key.id()) : null, uses, source);
    }

    private static String title(EntryKey key, ControlSources sources, ControlSources.Row row) {
        var catalog = FrameworkNames.NIST_800_53.equals(key.framework()) ? sources.catalog().get(key.id()) : null;
        if (catalog != null && catalog.title() != null) return catalog.title();
        if (row == null || row.controlTitle() == null || isDescription(row.controlTitle())) return key.id();
        return row.controlTitle();
    }

    private static boolean isDescription(String text) {
        return text != null && (text.length() > MAX_TITLE || text.strip().endsWith("."));
    }

    /** SP 800-53: the catalog's family, or the letters of the ID when no catalog names it. Others: the row's group. */
    private static String familyId(EntryKey key, ControlSources.CatalogControl catalog, ControlSources.Row row) {
        if (!FrameworkNames.NIST_800_53.equals(key.framework())) return row == null ? null : row.family();
        return catalog != null && catalog.familyId() != null ? catalog.familyId() : ControlId.family(key.id());
    }

    /** The catalog's family name, or the mapping's when the catalog gives none. */
    private static String familyName(ControlSources.CatalogControl catalog, ControlSources.Row row) {
        if (catalog != null && catalog.familyName() != null) return catalog.familyName();
        return row == null ? null : row.familyName();
    }

    /** Two rows map an entry to one technique in the same way: keep one link, with both rationales when they differ. */
    private static ControlLink mergeLinks(ControlLink a, ControlLink b) {
        String comments = joinComments(a.comments(), b.comments());
        List<String> references = joinReferences(a.references(), b.references());
        return Objects.equals(comments, a.comments()) && references.equals(a.references()) ? a
                : new ControlLink(a.framework(), a.id(), a.title(), a.family(), a.mappingType(), a.scoreCategory(),
                        a.scoreValue(), comments, references, a.source(), a.freshness());
    }

    private static ControlTechnique mergeUses(ControlTechnique a, ControlTechnique b) {
        String comments = joinComments(a.comments(), b.comments());
        List<String> references = joinReferences(a.references(), b.references());
        return Objects.equals(comments, a.comments()) && references.equals(a.references()) ? a
                : new ControlTechnique(a.techniqueId(), a.techniqueName(), a.tactics(), a.mappingType(),
                        a.scoreCategory(), a.scoreValue(), comments, references, a.freshness());
    }

    /** Both rows' references, each once, in order. */
    private static List<String> joinReferences(List<String> first, List<String> second) {
        if (second.isEmpty() || first.containsAll(second)) return first;
        var all = new java.util.LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** Both rationales when they differ, else the first. */
    private static String joinComments(String first, String second) {
        if (second == null || second.equals(first)) return first;
        return first == null ? second : first + "\n\n" + second;
    }

    /** What the files of one framework say about it: its version, domains and groups. */
    private static final class FrameworkTally {
        private final MappingSource source;
        private final Set<String> domains = new LinkedHashSet<>();
        private final Map<String, String> groups = new LinkedHashMap<>();

        FrameworkTally(MappingSource source) {
            this.source = source;
        }

        void add(ControlSources.MappingFile file) {
            if (file.domain() != null) domains.add(file.domain());
            file.groups().forEach(groups::putIfAbsent);
        }

        Framework framework(List<Control> entries) {
            int count = 0;
            int mappings = 0;
            Map<String, Integer> freshness = new LinkedHashMap<>();
            Set<String> techniques = new HashSet<>();
            Set<String> used = new HashSet<>();
            for (Control c : entries) {
                if (!c.framework().equals(source.framework())) continue;
                count++;
                mappings += c.techniques().size();
                for (ControlTechnique u : c.techniques()) {
                    techniques.add(u.techniqueId());
                    if (u.freshness() == null) continue;
                    // Every status counted, none when no mapping was judged: the same keys for every framework.
                    if (freshness.isEmpty()) Freshness.STATUSES.forEach(status -> freshness.put(status, 0));
                    freshness.merge(u.freshness().status(), 1, Integer::sum);
                }
                if (c.familyId() != null) used.add(c.familyId());
            }
            // SP 800-53 families come from the catalog; other groups from the files, those with entries only.
            Map<String, String> shown = new LinkedHashMap<>();
            groups.forEach((id, name) -> {
                if (used.contains(id)) shown.put(id, name);
            });
            for (Control c : entries) {
                if (c.framework().equals(source.framework()) && c.familyId() != null) shown.putIfAbsent(c.familyId(), c.familyName());
            }
            return new Framework(source.framework(), FrameworkNames.name(source.framework()), source.revision(),
                    source.attackVersion(), List.copyOf(domains), FrameworkNames.MAPPINGS_LICENCE, FrameworkNames.MAPPINGS_URL,
                    shown.entrySet().stream().map(e -> new Framework.Group(e.getKey(), e.getValue())).toList(),
                    count, techniques.size(), mappings, java.util.Collections.unmodifiableMap(freshness));
        }
    }
}
