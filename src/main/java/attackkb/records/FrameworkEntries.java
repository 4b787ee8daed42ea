package attackkb.records;

import attackkb.generation.GenerationMemo;
import attackkb.mapping.ControlId;
import attackkb.mapping.FrameworkNames;
import attackkb.model.Control;
import attackkb.model.ControlLink;
import attackkb.model.ControlTechnique;
import attackkb.model.EntityType;
import attackkb.model.Framework;
import attackkb.model.Freshness;
import attackkb.model.MappingSource;
import attackkb.model.TacticRef;
import attackkb.model.Technique;
import attackkb.urls.Links;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of the frameworks mapped to ATT&CK (SP 800-53 controls, cloud capabilities, CCM controls, KEV CVEs, …)
 * of one index generation, as the API and the pages show them: found by any spelling of their ID, grouped, ordered
 * by tactic and crosswalked to the other frameworks. What depends only on the generation is made once.
 */
public final class FrameworkEntries {
    /** The most entries listed per framework on an entry's page. */
    private static final int CROSSWALK_SHOWN = 5;
    /** The most entries the crosswalk API lists. */
    public static final int CROSSWALK_MAX = 100;

    private final EntityStore entities;
    /** Crosswalk tables, groups and tactic order: made once per generation, on first use. */
    private final GenerationMemo memo = new GenerationMemo();
    private final List<Framework> frameworks;

    public FrameworkEntries(EntityStore entities, List<Framework> frameworks) {
        this.entities = entities;
        this.frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
    }

    /** Entries of each framework by their techniques, made once per index. */
    public Crosswalk crosswalk() {
        return memo.get(Crosswalk.class, () -> new Crosswalk(entities.all(EntityType.CONTROL, Control.class)));
    }

    /** An entry of any framework by its ID; an SP 800-53 control by any spelling of it (AC-4, ac-04, AC-2(1), ac-2.1). */
    public Optional<Control> find(String rawId) {

        return ControlId.normalize(rawId).flatMap(id -> entities.record(EntityType.CONTROL, id, Control.class))
                .or(() -> entities.record(EntityType.CONTROL, rawId.strip(), Control.class));
    }

    /** An entry of the framework {@code key}. */
    public Optional<Control> find(String key, String rawId) {
        return find(rawId).filter(c -> c.framework().equals(key));
    }

    public List<Framework> frameworks() {
        return frameworks;
    }

    public Optional<Framework> framework(String key) {
        return frameworks().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * A group of a framework's entries (an SP 800-53 family, a CCM domain, a cloud service) as the API and the
     * framework's page list it. {@code controls} holds the entries: the API has always named them so.
     */
    public record FrameworkGroup(String id, String name, List<EntrySummary> controls) {}

    /**
     * An entry in its framework's listing: its title ("" when it has none), how many techniques it maps, its page,
     * and how many of its mappings are in each {@link Freshness} status (those with any, in status order; null when
     * none was judged).
     */
    public record EntrySummary(String id, String title, long techniqueCount, String url, Map<String, Integer> freshness) {

        /** How many of its mappings {@code filter} (one of {@link Freshness#FILTERS}) selects. */
        public int count(String filter) {
            if (freshness == null) return 0;
            if (!Freshness.STALE.equals(filter)) return freshness.getOrDefault(filter, 0);
            return freshness.entrySet().stream().filter(e -> Freshness.isStale(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        }
    }

    /** The groups of a framework in its order, each with its entries and how many techniques each maps; made once per index. */
    public List<FrameworkGroup> groups(String framework) {
        return memo.get(new GroupsOf(framework), () -> readGroups(framework));
    }

    /** The key of {@link #groups} among an index's derived summaries. */
    private record GroupsOf(String framework) {}

    /**
     * The groups of a framework with only the entries that have a mapping {@code filter} selects (one of
     * {@link Freshness#FILTERS}; null for all of them), groups left without an entry left out.
     */
    public List<FrameworkGroup> groups(String framework, String filter) {
        if (filter == null) return groups(framework);
        return groups(framework).stream()
                .map(g -> new FrameworkGroup(g.id(), g.name(), g.controls().stream().filter(e -> e.count(filter) > 0).toList()))
                .filter(g -> !g.controls().isEmpty())
                .toList();
    }

    /** How many mappings are in each status, those with any in status order; null when none was judged. */
    private static Map<String, Integer> statusCounts(List<ControlTechnique> mappings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String status : Freshness.STATUSES) {
            int n = (int) mappings.stream().filter(u -> u.freshness() != null && status.equals(u.freshness().status())).count();
            if (n > 0) counts.put(status, n);
        }
        return counts.isEmpty() ? null : java.util.Collections.unmodifiableMap(counts);
    }

    /**
     * How many of an entry's mappings each filter selects, every filter of {@link Freshness#FILTERS} in its order
     * (zero included): what the links that filter an entry's page say.
     */
    public static Map<String, Integer> freshnessCounts(Control c) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String filter : Freshness.FILTERS) {
            counts.put(filter, (int) c.techniques().stream().filter(u -> Freshness.matches(u.freshness(), filter)).count());
        }
        return java.util.Collections.unmodifiableMap(counts);
    }

    /** The entry with only the mappings {@code filter} selects (one of {@link Freshness#FILTERS}); null: all of them. */
    public static Control withFreshness(Control c, String filter) {
        if (filter == null) return c;
        return new Control(c.framework(), c.id(), c.title(), c.familyId(), c.familyName(), c.statement(), c.guidance(),
                c.discussion(), c.techniques().stream().filter(u -> Freshness.matches(u.freshness(), filter)).toList(),
                c.source());
    }

    /** A group while its entries are gathered: the catalog may still rename it. */
    private static final class GroupBuilder {
        final String id;
        String name;
        final List<EntrySummary> entries = new ArrayList<>();

        GroupBuilder(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private List<FrameworkGroup> readGroups(String framework) {
        Map<String, GroupBuilder> groups = new LinkedHashMap<>();
        framework(framework).ifPresent(f -> f.groups().forEach(g -> groups.put(g.id(), new GroupBuilder(g.id(), g.name()))));
        for (Control c : entities.all(EntityType.CONTROL, Control.class)) {
            if (!c.framework().equals(framework)) continue;
            var group = groups.computeIfAbsent(Optional.ofNullable(c.familyId()).orElse(""),
                    k -> new GroupBuilder(c.familyId(), c.familyName()));
            // The catalog's family name (SP 800-53 rev5's "Assessment, Authorization, and Monitoring") over the
            // mapping file's older one, so the page and the entries say the same.
            if (c.familyName() != null) group.name = c.familyName();
            group.entries.add(new EntrySummary(c.id(), c.title() == null ? "" : c.title(), techniqueCount(c),
                    Links.entry(c.framework(), c.id()), statusCounts(c.techniques())));
        }
        boolean nist = FrameworkNames.NIST_800_53.equals(framework);
        Comparator<EntrySummary> byId = nist ? Comparator.comparing(EntrySummary::id, ControlId.ORDER)
                : Comparator.comparing(EntrySummary::id);
        // SP 800-53 families in ID order (AC, AT, AU, CA …), as GRC people read them; other groups as their file has them.
        var ordered = nist ? groups.values().stream().sorted(Comparator.comparing(g -> String.valueOf(g.id))).toList()
                : List.copyOf(groups.values());
        return ordered.stream()
                .filter(g -> !g.entries.isEmpty())
                .map(g -> new FrameworkGroup(g.id, g.name, g.entries.stream().sorted(byId).toList()))
                .toList();
    }

    /** One other framework's entries that share the most techniques with an entry: a column of its page. */
    public record CrosswalkColumn(String key, String name, List<Crosswalk.Match> matches) {}

    /** For an entry's page: per other framework (in framework order), its entries that share the most techniques. */
    public List<CrosswalkColumn> crosswalks(Control entry) {
        List<CrosswalkColumn> out = new ArrayList<>();
        var matchesByFramework = crosswalk().fromEach(entry, CROSSWALK_SHOWN);
        for (Framework f : frameworks()) {
            var matches = matchesByFramework.get(f.key());
            if (!f.key().equals(entry.framework()) && matches != null) out.add(new CrosswalkColumn(f.key(), f.name(), matches));
        }
        return out;
    }

    /** Techniques an entry maps, each once, however many ways it maps them. */
    public static long techniqueCount(Control c) {
        return c.techniques().stream().map(ControlTechnique::techniqueId).distinct().count();
    }

    /** An entry's techniques under one tactic (by name; "No tactic" for those without one). */
    public record TacticGroup(String tactic, List<ControlTechnique> techniques) {}

    /**
     * An entry's techniques grouped by tactic (a technique in two tactics is listed under both), the tactics in
     * matrix order ({@code order}: tactic ID to its place across the domains), as attack.mitre.org lists them.
     */
    public static List<TacticGroup> byTactic(Control c, Map<String, Integer> order) {
        Map<String, List<ControlTechnique>> groups = new LinkedHashMap<>();
        c.techniques().stream()
                .flatMap(t -> (t.tactics().isEmpty() ? List.of(new TacticRef(null, null, "No tactic")) : t.tactics()).stream()
                        .map(tactic -> Map.entry(tactic, t)))
                .sorted(Comparator.comparingInt((Map.Entry<TacticRef, ControlTechnique> e) ->
                        e.getKey().id() == null ? Integer.MAX_VALUE : order.getOrDefault(e.getKey().id(), Integer.MAX_VALUE - 1)))
                .forEach(e -> groups.computeIfAbsent(e.getKey().name(), k -> new ArrayList<>()).add(e.getValue()));
        return groups.entrySet().stream().map(e -> new TacticGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** Each tactic's place in matrix order, domain by domain; made once per index. */
    public Map<String, Integer> tacticOrder() {
        return memo.get(TacticOrder.class, () -> {
            Map<String, Integer> order = new HashMap<>();
            entities.tactics().forEach(t -> order.putIfAbsent(t.id(), order.size()));
            return Map.copyOf(order);
        });
    }

    /** The key of {@link #tacticOrder} among an index's derived summaries. */
    private record TacticOrder() {}

    /**
     * A framework's entries on a technique's page; {@code rationale} says whether any of them gives one, {@code stale}
     * how many of the mappings are stale, {@code unjudged} whether none could be judged (their release is not held),
     * which the page then says once rather than on each.
     */
    public record MappedFramework(String key, String name, MappingSource source, boolean rationale, int stale,
            boolean unjudged, List<MappedEntry> entries) {}

    /**
     * A technique's mapping to one entry, the entry's page, the mapping's references as short links, and its
     * freshness in words (null when current).
     */
    public record MappedEntry(ControlLink link, String url, List<Site> sites, FreshnessNote freshness) {}

    /** A reference as a short link: its URL, and its host to show ("docs.aws.amazon.com"). */
    public record Site(String url, String host) {
        static Site of(String url) {
            String host;
            try {
                host = java.net.URI.create(url).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
            return new Site(url, host == null ? url : host.replaceFirst("^www\\.", ""));
        }
    }

    /** A technique's framework entries grouped by framework, in framework order, each with its page's URL. */
    public static List<MappedFramework> byFramework(Technique t) {
        Map<String, List<ControlLink>> groups = new LinkedHashMap<>();
        for (ControlLink link : t.controls()) groups.computeIfAbsent(link.framework(), k -> new ArrayList<>()).add(link);
        return groups.entrySet().stream().map(e -> new MappedFramework(e.getKey(), FrameworkNames.name(e.getKey()),
                        e.getValue().get(0).source(), e.getValue().stream().anyMatch(l -> hasText(l.comments()) || !l.references().isEmpty()),
                        (int) e.getValue().stream().filter(l -> l.freshness() != null && l.freshness().stale()).count(),
                        e.getValue().stream().allMatch(l -> Freshness.matches(l.freshness(), Freshness.UNKNOWN)),
                        e.getValue().stream().map(l -> new MappedEntry(l, Links.entry(l.framework(), l.id()),
                                l.references().stream().map(Site::of).toList(), FreshnessNote.of(l.freshness()))).toList()))
                .toList();
    }

    /** Every reference of an entry's mappings, each once, numbered in order of first citation. */
    public static Map<String, Integer> referenceNumbers(Control c) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (ControlTechnique t : c.techniques()) {
            for (String r : t.references()) numbers.putIfAbsent(r, numbers.size() + 1);
        }
        return numbers;
    }

    /** Whether any of an entry's mappings gives a rationale or references: the entry's page shows the column only then. */
    public static boolean hasRationale(Control c) {
        return c.techniques().stream().anyMatch(t -> hasText(t.comments()) || !t.references().isEmpty());
    }

    /** Whether the entry's framework scores its mappings (protect/detect/respond, minimal to significant). */
    public static boolean scored(Control c) {
        return c.techniques().stream().anyMatch(t -> t.scoreValue() != null);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
