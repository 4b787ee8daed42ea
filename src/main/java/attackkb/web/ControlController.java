package attackkb.web;

import attackkb.BadInputException;
import attackkb.mapping.ControlId;
import attackkb.mapping.FrameworkNames;
import attackkb.model.Control;
import attackkb.model.ControlLink;
import attackkb.model.ControlTechnique;
import attackkb.model.EntityType;
import attackkb.model.Framework;
import attackkb.model.MappingSource;
import attackkb.model.TacticRef;
import attackkb.model.Technique;
import attackkb.search.Crosswalk;
import attackkb.search.LiveIndex;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Frameworks mapped to ATT&CK and their entries (SP 800-53 controls, cloud capabilities, CCM controls, KEV CVEs, …):
 * the API answers, the CSV downloads, and the data their pages show.
 */
final class ControlController {
    private final Supplier<LiveIndex> live;

    ControlController(Supplier<LiveIndex> live) {
        this.live = live;
    }

    /** An entry of any framework by its ID; an SP 800-53 control by any spelling of it (AC-4, ac-04, AC-2(1), ac-2.1). */
    Optional<Control> find(String rawId) {
        var entities = live.get().entities();
        return ControlId.normalize(rawId).flatMap(id -> entities.record(EntityType.CONTROL, id, Control.class))
                .or(() -> entities.record(EntityType.CONTROL, rawId.strip(), Control.class));
    }

    /** An entry of the framework {@code key}. */
    Optional<Control> find(String key, String rawId) {
        return find(rawId).filter(c -> c.framework().equals(key));
    }

    List<Framework> frameworks() {
        List<Framework> frameworks = live.get().index().manifest().frameworks();
        return frameworks == null ? List.of() : frameworks;
    }

    Optional<Framework> framework(String key) {
        return frameworks().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    void control(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(find(id).orElseThrow(() -> new NotFoundException("no framework entry with ID \"" + id + "\"")));
    }

    void controls(Context ctx) {
        ctx.json(Map.of("families", groups(FrameworkNames.NIST_800_53)));
    }

    void frameworks(Context ctx) {
        ctx.json(Map.of("frameworks", frameworks()));
    }

    void framework(Context ctx) {
        Framework f = requireFramework(ctx.pathParam("key"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("framework", f);
        body.put("groups", groups(f.key()));
        ctx.json(body);
    }

    void entry(Context ctx) {
        ctx.json(requireEntry(ctx));
    }

    private Framework requireFramework(String key) {
        return framework(key).orElseThrow(() -> new NotFoundException("no framework \"" + key + "\"; see " + Routes.API_FRAMEWORKS));
    }

    private Control requireEntry(Context ctx) {
        Framework f = requireFramework(ctx.pathParam("key"));
        String id = ctx.pathParam("entry");
        return find(f.key(), id).orElseThrow(() -> new NotFoundException("no entry \"" + id + "\" in " + f.name()));
    }

    /** The groups of a framework in its order, each with its entries and how many techniques each maps; made once per index. */
    List<Map<String, Object>> groups(String framework) {
        return live.get().entities().derived(new GroupsOf(framework), () -> readGroups(framework));
    }

    /** The key of {@link #groups} among an index's derived summaries. */
    private record GroupsOf(String framework) {}

    private List<Map<String, Object>> readGroups(String framework) {
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        framework(framework).ifPresent(f -> f.groups().forEach(g -> groups.put(g.id(), group(g.id(), g.name()))));
        for (Control c : live.get().entities().all(EntityType.CONTROL, Control.class)) {
            if (!c.framework().equals(framework)) continue;
            var group = groups.computeIfAbsent(Optional.ofNullable(c.familyId()).orElse(""), k -> group(c.familyId(), c.familyName()));
            // The catalog's family name (SP 800-53 rev5's "Assessment, Authorization, and Monitoring") over the
            // mapping file's older one, so the page and the entries say the same.
            if (c.familyName() != null) group.put("name", c.familyName());
            @SuppressWarnings("unchecked")
            var list = (List<Map<String, Object>>) group.get("controls");
            list.add(Map.of("id", c.id(), "title", c.title() == null ? "" : c.title(), "technique_count", techniqueCount(c),
                    "url", attackkb.search.Links.entry(c.framework(), c.id())));
        }
        Comparator<Map<String, Object>> byId = FrameworkNames.NIST_800_53.equals(framework)
                ? Comparator.comparing(m -> (String) m.get("id"), ControlId.ORDER) : Comparator.comparing(m -> (String) m.get("id"));
        // SP 800-53 families in ID order (AC, AT, AU, CA …), as GRC people read them; other groups as their file has them.
        var ordered = FrameworkNames.NIST_800_53.equals(framework)
                ? groups.values().stream().sorted(Comparator.comparing(g -> String.valueOf(g.get("id")))).toList()
                : List.copyOf(groups.values());
        return ordered.stream()
                .filter(g -> !((List<?>) g.get("controls")).isEmpty())
                .map(g -> {
                    @SuppressWarnings("unchecked")
                    var list = new ArrayList<>((List<Map<String, Object>>) g.get("controls"));
                    list.sort(byId);
                    g.put("controls", List.copyOf(list));
                    return java.util.Collections.unmodifiableMap(g);
                })
                .toList();
    }

    private static Map<String, Object> group(String id, String name) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", id);
        g.put("name", name);
        g.put("controls", new ArrayList<Map<String, Object>>());
        return g;
    }

    /** Entries of each framework by their techniques, made once per index. */
    private Crosswalk crosswalkTable() {
        return live.get().entities().derived(Crosswalk.class,
                () -> new Crosswalk(live.get().entities().all(EntityType.CONTROL, Control.class)));
    }

    /** The most entries listed per framework on an entry's page, and by default in the API. */
    static final int CROSSWALK_SHOWN = 5;
    static final int CROSSWALK_MAX = 100;

    /** {@code /api/crosswalk?from=nist_800_53:AC-4&to=csa_ccm[&limit=N]}. */
    void crosswalk(Context ctx) {
        String from = QueryParams.text(ctx, "from");
        String to = QueryParams.text(ctx, "to");
        int colon = from.indexOf(':');
        if (colon <= 0 || colon == from.length() - 1 || to.isBlank()) {
            throw new BadInputException("crosswalk needs from=FRAMEWORK:ENTRY and to=FRAMEWORK, e.g. "
                    + "from=nist_800_53:AC-4&to=csa_ccm; got from=\"" + from + "\" to=\"" + to + "\"");
        }
        int limit = QueryParams.integer(ctx, "limit", 20);
        if (limit < 1 || limit > CROSSWALK_MAX) throw new BadInputException("limit must be between 1 and " + CROSSWALK_MAX + ", got " + limit);
        Framework source = requireFramework(from.substring(0, colon));
        Framework target = requireFramework(to.strip());
        String id = from.substring(colon + 1);
        Control entry = find(source.key(), id).orElseThrow(() -> new NotFoundException("no entry \"" + id + "\" in " + source.name()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", Map.of("framework", entry.framework(), "id", entry.id(), "title", entry.title(),
                "techniques", techniqueCount(entry)));
        body.put("to", target.key());
        body.put("entries", crosswalkTable().from(entry, target.key(), limit));
        ctx.json(body);
    }

    /** For an entry's page: per other framework (in framework order), its entries that share the most techniques. */
    Map<String, Map<String, Object>> crosswalks(Control entry) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        var matchesByFramework = crosswalkTable().fromEach(entry, CROSSWALK_SHOWN);
        for (Framework f : frameworks()) {
            var matches = matchesByFramework.get(f.key());
            if (!f.key().equals(entry.framework()) && matches != null) out.put(f.name(), Map.of("key", f.key(), "matches", matches));
        }
        return out;
    }

    /** Techniques an entry maps, each once, however many ways it maps them. */
    static long techniqueCount(Control c) {
        return c.techniques().stream().map(ControlTechnique::techniqueId).distinct().count();
    }

    /**
     * An entry's techniques grouped by tactic (a technique in two tactics is listed under both), the tactics in
     * matrix order ({@code order}: tactic ID to its place across the domains), as attack.mitre.org lists them.
     */
    static Map<String, List<ControlTechnique>> byTactic(Control c, Map<String, Integer> order) {
        Map<String, List<ControlTechnique>> groups = new LinkedHashMap<>();
        c.techniques().stream()
                .flatMap(t -> (t.tactics().isEmpty() ? List.of(new TacticRef(null, null, "No tactic")) : t.tactics()).stream()
                        .map(tactic -> Map.entry(tactic, t)))
                .sorted(Comparator.comparingInt((Map.Entry<TacticRef, ControlTechnique> e) ->
                        e.getKey().id() == null ? Integer.MAX_VALUE : order.getOrDefault(e.getKey().id(), Integer.MAX_VALUE - 1)))
                .forEach(e -> groups.computeIfAbsent(e.getKey().name(), k -> new ArrayList<>()).add(e.getValue()));
        return groups;
    }

    /** Each tactic's place in matrix order, domain by domain; made once per index. */
    Map<String, Integer> tacticOrder() {
        return live.get().entities().derived(TacticOrder.class, () -> {
            Map<String, Integer> order = new HashMap<>();
            live.get().entities().tactics().forEach(t -> order.putIfAbsent(t.id(), order.size()));
            return Map.copyOf(order);
        });
    }

    /** The key of {@link #tacticOrder} among an index's derived summaries. */
    private record TacticOrder() {}

    /** A framework's entries on a technique's page; {@code rationale} says whether any of them gives one. */
    record MappedFramework(String key, String name, MappingSource source, boolean rationale, List<Map<String, Object>> links) {}

    /** A technique's framework entries grouped by framework, in framework order, each with its page's URL. */
    static List<MappedFramework> byFramework(Technique t) {
        Map<String, List<ControlLink>> groups = new LinkedHashMap<>();
        for (ControlLink link : t.controls()) groups.computeIfAbsent(link.framework(), k -> new ArrayList<>()).add(link);
        return groups.entrySet().stream().map(e -> new MappedFramework(e.getKey(), FrameworkNames.name(e.getKey()),
                        e.getValue().get(0).source(), e.getValue().stream().anyMatch(l -> hasText(l.comments()) || !l.references().isEmpty()),
                        e.getValue().stream().map(l -> Map.<String, Object>of("c", l,
                                "url", attackkb.search.Links.entry(l.framework(), l.id()),
                                "refs", l.references().stream().map(ControlController::site).toList())).toList()))
                .toList();
    }

    /** A reference as a short link: its URL, and its host to show ("docs.aws.amazon.com"). */
    private static Map<String, String> site(String url) {
        String host;
        try {
            host = java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return Map.of("url", url, "host", host == null ? url : host.replaceFirst("^www\\.", ""));
    }

    /** Every reference of an entry's mappings, each once, numbered in order of first citation. */
    static Map<String, Integer> referenceNumbers(Control c) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (ControlTechnique t : c.techniques()) {
            for (String r : t.references()) numbers.putIfAbsent(r, numbers.size() + 1);
        }
        return numbers;
    }

    /** Whether any of an entry's mappings gives a rationale or references: the entry's page shows the column only then. */
    static boolean hasRationale(Control c) {
        return c.techniques().stream().anyMatch(t -> hasText(t.comments()) || !t.references().isEmpty());
    }

    /** Whether the entry's framework scores its mappings (protect/detect/respond, minimal to significant). */
    static boolean scored(Control c) {
        return c.techniques().stream().anyMatch(t -> t.scoreValue() != null);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    void controlTechniquesCsv(Context ctx) {
        String id = ctx.pathParam("id");
        sendTechniques(ctx, find(id).orElseThrow(() -> new NotFoundException("no framework entry with ID \"" + id + "\"")));
    }

    void entryTechniquesCsv(Context ctx) {
        sendTechniques(ctx, requireEntry(ctx));
    }

    /** {@code /api/frameworks/{key}/{entry}/layer.json[?domain=mobile-attack]}: the entry's Navigator layer. */
    void entryLayer(Context ctx) {
        Control c = requireEntry(ctx);
        var entities = live.get().entities();
        String domain = ctx.queryParam("domain");
        Map<String, Object> layer = EntryLayer.of(c, domain == null || domain.isBlank() ? null : domain.strip(),
                id -> entities.hit(EntityType.TECHNIQUE, id).map(h -> h.domains().isEmpty() ? null : h.domains().get(0)).orElse(null),
                live.get().index().manifest().attackVersions());
        ctx.header("Content-Disposition", "attachment; filename=\"" + EntryLayer.fileName(c) + "\"");
        ctx.json(layer);
    }

    private static void sendTechniques(Context ctx, Control c) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("framework", "entry_id", "technique_id", "technique_name", "tactics", "mapping_type",
                "score_category", "score_value", "comments", "references"));
        for (ControlTechnique t : c.techniques()) {
            rows.add(List.of(c.framework(), c.id(), t.techniqueId(), t.techniqueName(),
                    String.join(";", t.tactics().stream().map(TacticRef::shortname).toList()),
                    nullToEmpty(t.mappingType()), nullToEmpty(t.scoreCategory()), nullToEmpty(t.scoreValue()),
                    nullToEmpty(t.comments()), String.join(" ", t.references())));
        }
        Csv.send(ctx, c.id().replaceAll("[^\\w.()-]+", "_") + "-techniques.csv", rows);
    }

    void techniqueControlsCsv(Context ctx) {
        String id = ctx.pathParam("id");
        Technique t = live.get().entities().record(EntityType.TECHNIQUE, id, Technique.class)
                .orElseThrow(() -> new NotFoundException("no technique with ID \"" + id + "\""));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("technique_id", "framework", "control_id", "control_title", "family", "mapping_type",
                "score_category", "score_value", "comments", "references", "source"));
        for (ControlLink c : t.controls()) {
            rows.add(List.of(t.id(), c.framework(), c.id(), nullToEmpty(c.title()), nullToEmpty(c.family()),
                    nullToEmpty(c.mappingType()), nullToEmpty(c.scoreCategory()), nullToEmpty(c.scoreValue()),
                    nullToEmpty(c.comments()), String.join(" ", c.references()), c.source() == null ? "" : c.source().framework() + " " + c.source().revision()
                            + " (ATT&CK " + c.source().attackVersion() + ")"));
        }
        Csv.send(ctx, t.id() + "-controls.csv", rows);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
