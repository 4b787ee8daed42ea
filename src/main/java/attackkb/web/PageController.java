package attackkb.web;

import attackkb.graph.Graph;
import attackkb.index.HitRecord;
import attackkb.index.IndexManifest;
import attackkb.mapping.FrameworkNames;
import attackkb.model.Actor;
import attackkb.model.Analytic;
import attackkb.model.Control;
import attackkb.model.DetectionStrategy;
import attackkb.model.EntityType;
import attackkb.model.Mitigation;
import attackkb.model.MitigationUse;
import attackkb.model.Procedure;
import attackkb.model.RelatedTechnique;
import attackkb.model.Status;
import attackkb.model.Tactic;
import attackkb.model.TacticRef;
import attackkb.model.Technique;
import attackkb.model.TechniqueUse;
import attackkb.search.AttackId;
import attackkb.search.EntityStore;
import attackkb.search.Links;
import attackkb.search.LiveIndex;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTML pages. One URL, two representations: an htmx request ({@code HX-Request}) for the search page gets just
 * the results fragment, anything else the whole page, so links, reloads and browsers without JavaScript all work.
 */
final class PageController {
    private static final Map<String, EntityType> ID_PREFIXES = Map.of(
            "T", EntityType.TECHNIQUE, "TA", EntityType.TACTIC, "M", EntityType.MITIGATION,
            "DET", EntityType.DETECTION, "G", EntityType.GROUP, "S", EntityType.SOFTWARE, "C", EntityType.CAMPAIGN);

    private final Supplier<LiveIndex> live;
    private final Pages pages;
    private final ControlController controls;
    private final ReportLink report;
    private final GraphController graphs;

    PageController(Supplier<LiveIndex> live, Pages pages, ControlController controls, ReportLink report,
                   GraphController graphs) {
        this.live = live;
        this.pages = pages;
        this.controls = controls;
        this.report = report;
        this.graphs = graphs;
    }

    /** {@code /graph/{id}}: the neighbourhood drawn by graph.js, and as grouped lists without JavaScript. */
    void graph(Context ctx) {
        String id = ctx.pathParam("id");
        Graph g;
        try {
            g = graphs.graph(id, 1);
        } catch (NotFoundException e) {
            notFound(ctx, "entity", id);
            return;
        }
        Graph.Node center = g.nodes().stream().filter(n -> n.id().equals(g.center())).findFirst().orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("g", g);
        model.put("center", center);
        model.put("groups", GraphController.byKind(g));
        model.put("apiUrl", "/api" + Links.graph(g.center()));
        model.put("truncations", GraphController.truncations(g));
        model.put("kinds", GraphController.KINDS);
        model.put("edgeKinds", GraphController.EDGES);
        model.put("title", "Graph of " + center.label() + (center.name() == null ? "" : " " + center.name()));
        render(ctx, "graph", model);
    }

    /** The buttons of an ATT&CK object's page: its MITRE page at the indexed release, its graph, "Report an issue". */
    private PageActions actions(Context ctx, EntityType type, String id, String name, String stixId, String attackUrl,
                                List<String> domains) {
        String domain = domains == null || domains.isEmpty() ? "enterprise-attack" : domains.get(0);
        String version = live.get().index().manifest().attackVersions().get(domain);
        return new PageActions(PageActions.pinned(attackUrl, version), version == null ? null : PageActions.release(version),
                report.url(PageActions.reportValues(type == EntityType.DETECTION ? "detection strategy" : type.key(), id, name, stixId,
                        version == null ? null : "ATT&CK " + version, canonical(ctx, Links.path(type.key(), id)))),
                Links.graph(id), id);
    }

    /** The page's own address, whichever alias was asked for ({@code /controls/ac-04} is {@code /frameworks/nist_800_53/AC-4}). */
    private static String canonical(Context ctx, String path) {
        return ctx.scheme() + "://" + ctx.host() + path;
    }

    /** SP 800-53's page under its first address. */
    void controls(Context ctx) {
        frameworkPage(ctx, FrameworkNames.NIST_800_53);
    }

    /** An entry of any framework by its ID alone (IDs do not repeat across frameworks): the first control pages' address. */
    void control(Context ctx) {
        String id = ctx.pathParam("id");
        controls.find(id).ifPresentOrElse(c -> entryPage(ctx, c), () -> notFound(ctx, "control", id));
    }

    void frameworks(Context ctx) {
        render(ctx, "frameworks", Map.of("frameworks", controls.frameworks(), "title", "Frameworks mapped to ATT&CK"));
    }

    void framework(Context ctx) {
        frameworkPage(ctx, ctx.pathParam("key"));
    }

    private void frameworkPage(Context ctx, String key) {
        var framework = controls.framework(key).orElse(null);
        if (framework == null) {
            notFound(ctx, "framework", key);
            return;
        }
        var groups = controls.groups(key);
        boolean mappedOnly = "true".equals(ctx.queryParam("mapped"));
        long unmapped = groups.stream().flatMap(g -> ((List<?>) g.get("controls")).stream())
                .filter(c -> ((Number) ((Map<?, ?>) c).get("technique_count")).longValue() == 0).count();
        // A family whose entries are all hidden is left out with them.
        var shown = !mappedOnly ? groups : groups.stream().filter(g -> ((List<?>) g.get("controls")).stream()
                .anyMatch(c -> ((Number) ((Map<?, ?>) c).get("technique_count")).longValue() > 0)).toList();
        render(ctx, "controls", Map.of("framework", framework, "families", shown, "mappedOnly", mappedOnly,
                "unmapped", unmapped, "title", framework.name() + " " + framework.version()));
    }

    void frameworkEntry(Context ctx) {
        String key = ctx.pathParam("key");
        String id = ctx.pathParam("entry");
        controls.find(key, id).ifPresentOrElse(c -> entryPage(ctx, c), () -> notFound(ctx, "framework entry", key + " " + id));
    }

    private void entryPage(Context ctx, Control c) {
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", c.id().equals(c.title()) ? c.id() : c.id() + " " + c.title());
        model.put("groups", ControlController.byTactic(c));
        model.put("frameworkName", FrameworkNames.name(c.framework()));
        model.put("url", Links.entry(c.framework(), c.id()));
        model.put("crosswalks", controls.crosswalks(c));
        model.put("guidance", MarkdownHtml.controlProse(c.guidance()));
        model.put("rationale", ControlController.hasRationale(c));
        String version = c.source() == null ? null : FrameworkNames.name(c.framework()) + " " + c.source().revision()
                + " mapped to ATT&CK " + c.source().attackVersion();
        model.put("actions", new PageActions(null, null, report.url(PageActions.reportValues(
                FrameworkNames.name(c.framework()) + " entry", c.id(), c.title(), null, version,
                canonical(ctx, Links.entry(c.framework(), c.id())))), Links.graph(c.framework() + ":" + c.id()), c.id()));
        Map<String, Integer> refs = ControlController.referenceNumbers(c);
        model.put("refs", refs);
        model.put("references", refs.entrySet().stream()
                .map(e -> new Citations.Numbered(e.getValue(), e.getKey(), null, e.getKey())).toList());
        model.put("scored", ControlController.scored(c));
        render(ctx, "control", model);
    }

    void search(Context ctx) {
        SearchRequest request = QueryParams.search(ctx, SearchRequest.DEFAULT_LIMIT);
        boolean fragment = Htmx.isFragmentRequest(ctx);
        ctx.header("Vary", "HX-Request");
        // Submitting an exact ID goes to its page; typing one (an htmx request from the search box) just searches,
        // so live search looks nothing up.
        boolean submitted = !fragment || Htmx.isSubmit(ctx);
        Optional<String> jump = !submitted ? Optional.empty() : AttackId.parse(request.query()).flatMap(this::pageOf)
                .or(() -> controls.find(request.query()).map(c -> Links.entry(c.framework(), c.id())));
        if (jump.isPresent()) {
            Htmx.redirect(ctx, jump.get());
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("request", request);
        // Nothing asked yet: say what this is and where to start, rather than list everything in ID order.
        if (request.query().isBlank() && request.selections().values().stream().allMatch(List::isEmpty) && request.offset() == 0) {
            model.put("landing", true);
            model.put("title", "attack-kb: search MITRE ATT&CK and the frameworks mapped to it");
            model.put("frameworks", controls.frameworks());
            model.put("tactics", live.get().entities().tactics());
            model.put("documents", live.get().index().manifest().documents());
            model.put("examples", EXAMPLES);
            model.put("domainLabels", attackkb.model.Domains.labels());
            render(ctx, fragment ? "_results" : "search", model);
            return;
        }
        model.put("landing", false);
        SearchResult result = live.get().responses().result(request);
        model.put("result", result);
        model.put("title", request.query().isEmpty() ? "Search" : request.query() + " - Search");
        int offset = request.offset();
        int limit = request.limit();
        model.put("from", result.total() == 0 ? 0 : offset + 1);
        model.put("to", offset + result.hits().size());
        model.put("previous", offset > 0 ? SearchUrls.page(request, Math.max(0, offset - limit)) : null);
        model.put("next", offset + limit < result.total() ? SearchUrls.page(request, offset + limit) : null);
        model.put("pages", pages(request, result.total()));
        // Without words there is no relevance to sort by: such a listing is in ID order unless asked by name.
        var effective = request.query().isBlank() && request.sort() == attackkb.search.Sort.RELEVANCE
                ? attackkb.search.Sort.ID : request.sort();
        List<Map<String, Object>> sorts = new ArrayList<>();
        for (var sort : attackkb.search.Sort.values()) {
            if (sort == attackkb.search.Sort.RELEVANCE && request.query().isBlank()) continue;
            sorts.add(Map.of("key", sort.key(), "label", SORT_LABELS.get(sort), "url", SearchUrls.sorted(request, sort),
                    "current", sort == effective));
        }
        model.put("sorts", sorts);
        model.put("didYouMeanUrl", result.didYouMean() == null ? null : SearchUrls.page(new SearchRequest(result.didYouMean(),
                request.platforms(), request.tactics(), request.dataComponents(), request.domains(), request.types(),
                request.frameworks(), request.families(), request.controls(), request.limit(), 0), 0));
        model.put("exports", Map.of("csv", SearchUrls.export(request, "csv"), "json", SearchUrls.export(request, "json"),
                "navigator", SearchUrls.export(request, "navigator")));
        Map<String, String> labels = new LinkedHashMap<>(FACET_LABELS);
        if (!request.controls().isEmpty()) labels.put("control", "Control"); // long: shown when filtering by one
        model.put("facetViews", facetViews(result, labels));
        model.put("chips", chips(request, result, labels));
        render(ctx, fragment ? "_results" : "search", model);
    }

    /** Page links: the first, the last, and two either side of the current one, with gaps between ("1 … 4 5 6 7 8 … 36"). */
    static List<Map<String, Object>> pages(SearchRequest request, long total) {
        int limit = request.limit();
        int count = (int) Math.min((total + limit - 1) / limit, SearchRequest.MAX_OFFSET / limit + 1);
        int current = request.offset() / limit + 1;
        java.util.function.IntPredicate near = n -> n == 1 || n == count || Math.abs(n - current) <= 2;
        List<Map<String, Object>> pages = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= count; n++) {
            // A gap never hides a single page: "1 2 3 4 5", not "1 2 3 … 5".
            if (!near.test(n) && !(near.test(n - 1) && near.test(n + 1))) continue;
            if (n > last + 1) pages.add(Map.of("gap", true));
            pages.add(Map.of("gap", false, "number", n, "current", n == current,
                    "url", SearchUrls.page(request, (n - 1) * limit)));
            last = n;
        }
        return pages;
    }

    /** Values a facet shows before "N more": enough for every dimension but data components and controls. */
    static final int FACET_TOP = 8;

    /** Each dimension with values: its label, the first values, the rest, and whether one of the rest is ticked. */
    private static List<Map<String, Object>> facetViews(SearchResult result, Map<String, String> labels) {
        List<Map<String, Object>> views = new ArrayList<>();
        labels.forEach((key, label) -> {
            var values = result.facets().getOrDefault(key, List.of());
            if (values.isEmpty()) return;
            var top = values.subList(0, Math.min(FACET_TOP, values.size()));
            var more = values.subList(top.size(), values.size());
            views.add(Map.of("key", key, "label", label, "top", top, "more", more,
                    "moreSelected", more.stream().anyMatch(f -> f.selected())));
        });
        return views;
    }

    /** Each selected facet value as a chip: its dimension, its label, and the search without it. */
    private static List<Map<String, String>> chips(SearchRequest request, SearchResult result, Map<String, String> dimensions) {
        List<Map<String, String>> chips = new ArrayList<>();
        request.selections().forEach((dim, values) -> {
            for (String value : values) {
                String label = result.facets().getOrDefault(dim, List.of()).stream()
                        .filter(f -> f.value().equals(value)).map(f -> f.label()).findFirst().orElse(value);
                chips.add(Map.of("dimension", dimensions.getOrDefault(dim, dim), "label", label,
                        "url", SearchUrls.pageWithout(request, dim, value)));
            }
        });
        return chips;
    }

    private static final Map<attackkb.search.Sort, String> SORT_LABELS = Map.of(
            attackkb.search.Sort.RELEVANCE, "relevance", attackkb.search.Sort.ID, "ID", attackkb.search.Sort.NAME, "name");

    /** What the landing page offers to try, and what each shows off. */
    private static final List<Map<String, String>> EXAMPLES = List.of(
            Map.of("q", "container image", "why", "techniques, detections and cloud capabilities"),
            Map.of("q", "lsass dump", "why", "words as analysts write them"),
            Map.of("q", "kerberoasting", "why", "a name ATT&CK does not use as a title"),
            Map.of("q", "T1059.001", "why", "an ID goes straight to its page"),
            Map.of("q", "CVE-2021-44228", "why", "a KEV vulnerability and the techniques it enables"),
            Map.of("q", "conditional access", "why", "Microsoft 365 capabilities"));

    private static final Map<String, String> FACET_LABELS = facetLabels();

    private static Map<String, String> facetLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("type", "Type");
        labels.put("domain", "Domain");
        labels.put("framework", "Framework");
        labels.put("platform", "Platform");
        labels.put("tactic", "Tactic");
        labels.put("data_component", "Data component");
        labels.put("family", "SP 800-53 family");
        return labels;
    }

    private Optional<String> pageOf(String id) {
        String prefix = id.replaceAll("\\d.*", "");
        EntityType type = ID_PREFIXES.get(prefix);
        if (type == null || live.get().entities().hit(type, id).isEmpty()) return Optional.empty();
        return Optional.of(Links.path(type.key(), id));
    }

    /** {@code /techniques/T1204/003} → {@code /techniques/T1204.003}, so links copied from attack.mitre.org work. */
    void techniqueAsOnMitre(Context ctx) {
        String id = ctx.pathParam("id");
        String sub = ctx.pathParam("sub");
        if (!sub.matches("\\d{3}")) {
            notFound(ctx, "technique", id + "/" + sub);
            return;
        }
        ctx.redirect(Links.path(EntityType.TECHNIQUE.key(), id.toUpperCase(java.util.Locale.ROOT) + "." + sub),
                HttpStatus.MOVED_PERMANENTLY);
    }

    void technique(Context ctx) {
        String id = ctx.pathParam("id");
        EntityStore entities = live.get().entities();
        Technique t = entities.record(EntityType.TECHNIQUE, id, Technique.class).orElse(null);
        if (t == null) {
            notFound(ctx, "technique", id);
            return;
        }
        if (t.status() == Status.REVOKED && t.revokedBy() != null) {
            ctx.redirect(Links.path(EntityType.TECHNIQUE.key(), t.revokedBy()), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        if (!t.id().equals(id)) { // t1204.003 → the canonical URL
            ctx.redirect(Links.path(EntityType.TECHNIQUE.key(), t.id()), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        var citations = new Citations();
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("title", t.id() + " " + t.name());
        model.put("statement", MarkdownHtml.render(t.description(), t.references(), citations));
        List<Map<String, Object>> detections = new ArrayList<>();
        for (DetectionStrategy d : t.detections()) detections.add(detectionView(d, citations));
        model.put("detections", detections);
        List<Map<String, Object>> mitigations = new ArrayList<>();
        for (MitigationUse m : t.mitigations()) {
            mitigations.add(Map.of("m", m,
                    "guidance", MarkdownHtml.render(m.guidance(), m.references(), citations),
                    "description", MarkdownHtml.render(m.description(), List.of(), citations)));
        }
        model.put("mitigations", mitigations);
        List<Map<String, Object>> procedures = new ArrayList<>();
        for (Procedure p : t.procedures()) {
            procedures.add(Map.of("p", p, "url", Links.path(p.sourceType().key(), p.sourceId()),
                    "html", MarkdownHtml.render(p.description(), p.references(), citations)));
        }
        model.put("procedures", procedures);
        var siblings = siblings(t, entities);
        model.put("siblings", siblings);
        model.put("siblingCount", siblings.stream().mapToInt(s -> 1 + s.subtechniques().size()).sum());
        model.put("frameworks", ControlController.byFramework(t));
        model.put("related", related(t));
        model.put("references", citations.list());
        model.put("actions", actions(ctx, EntityType.TECHNIQUE, t.id(), t.name(), t.stixId(), t.attackUrl(), t.domains()));
        render(ctx, "technique", model);
    }

    /** Related techniques as the page lists them: each reason as words, with a link where it names a page. */
    private static List<Map<String, Object>> related(Technique t) {
        if (t.related() == null) return List.of();
        List<Map<String, Object>> out = new ArrayList<>();
        for (RelatedTechnique r : t.related()) {
            List<Map<String, String>> reasons = new ArrayList<>();
            for (RelatedTechnique.Reason why : r.reasons()) {
                Map<String, String> reason = new HashMap<>();
                reason.put("url", null); // the template asks every reason for one
                switch (why.kind()) {
                    case "mitigation" -> {
                        reason.put("label", "shares " + why.id() + " " + why.name());
                        reason.put("url", Links.path(EntityType.MITIGATION.key(), why.id()));
                    }
                    case "data_component" -> reason.put("label", "data component " + why.name());
                    case "control" -> {
                        reason.put("label", "both mapped to " + FrameworkNames.name(why.framework()) + " " + why.id());
                        reason.put("url", Links.entry(why.framework(), why.id()));
                    }
                    default -> reason.put("label", why.name());
                }
                reasons.add(reason);
            }
            out.add(Map.of("id", r.id(), "name", r.name(), "reasons", reasons));
        }
        return out;
    }

    /** The other techniques of the technique's first tactic, in matrix order. */
    private static List<EntityStore.MatrixTechnique> siblings(Technique t, EntityStore entities) {
        if (t.tactics().isEmpty()) return List.of();
        TacticRef first = t.tactics().get(0);
        String domain = t.domains().isEmpty() ? "enterprise-attack" : t.domains().get(0);
        return entities.tactic(first.id(), domain).map(EntityStore.TacticColumn::techniques).orElse(List.of());
    }

    private static Map<String, Object> detectionView(DetectionStrategy d, Citations citations) {
        List<Map<String, Object>> analytics = new ArrayList<>();
        for (Analytic a : d.analytics()) {
            analytics.add(Map.of("a", a, "html", MarkdownHtml.render(a.description(), List.of(), citations)));
        }
        return Map.of("d", d, "analytics", analytics);
    }

    void tactic(Context ctx) {
        String id = ctx.pathParam("id");
        String domain = ctx.queryParamAsClass("domain", String.class).getOrDefault("enterprise-attack");
        var column = live.get().entities().tactic(id, domain).orElse(null);
        if (column == null) {
            notFound(ctx, "tactic", id);
            return;
        }
        var citations = new Citations();
        Tactic t = column.tactic();
        render(ctx, "tactic", Map.of("t", t, "techniques", column.techniques(), "title", t.id() + " " + t.name(),
                "statement", MarkdownHtml.render(t.description(), t.references(), citations),
                "references", citations.list(),
                "actions", actions(ctx, EntityType.TACTIC, t.id(), t.name(), t.stixId(), t.attackUrl(), List.of(t.domain()))));
    }

    void tactics(Context ctx) {
        render(ctx, "tactics", Map.of("tactics", live.get().entities().tactics(), "title", "Tactics"));
    }

    void mitigation(Context ctx) {
        String id = ctx.pathParam("id");
        Mitigation m = live.get().entities().record(EntityType.MITIGATION, id, Mitigation.class).orElse(null);
        if (m == null) {
            notFound(ctx, "mitigation", id);
            return;
        }
        var citations = new Citations();
        render(ctx, "mitigation", Map.of("m", m, "title", m.id() + " " + m.name(),
                "statement", MarkdownHtml.render(m.description(), m.references(), citations),
                "techniques", uses(m.techniques(), citations), "references", citations.list(),
                "actions", actions(ctx, EntityType.MITIGATION, m.id(), m.name(), m.stixId(), m.attackUrl(), m.domains())));
    }

    void detection(Context ctx) {
        String id = ctx.pathParam("id");
        DetectionStrategy d = live.get().entities().record(EntityType.DETECTION, id, DetectionStrategy.class).orElse(null);
        if (d == null) {
            notFound(ctx, "detection strategy", id);
            return;
        }
        var citations = new Citations();
        List<Map<String, String>> techniques = new ArrayList<>();
        for (String techniqueId : d.techniqueIds()) {
            // The name from the hit record: a technique's whole record can be hundreds of kilobytes.
            String name = live.get().entities().hit(EntityType.TECHNIQUE, techniqueId)
                    .map(HitRecord::name).orElse(techniqueId);
            techniques.add(Map.of("id", techniqueId, "name", name));
        }
        render(ctx, "detection", Map.of("view", detectionView(d, citations), "d", d, "techniques", techniques,
                "title", d.id() + " " + d.name(), "references", citations.list(),
                "actions", actions(ctx, EntityType.DETECTION, d.id(), d.name(), d.stixId(), d.attackUrl(), d.domains())));
    }

    void actor(Context ctx, EntityType type) {
        String id = ctx.pathParam("id");
        Actor a = live.get().entities().record(type, id, Actor.class).orElse(null);
        if (a == null) {
            notFound(ctx, type.key(), id);
            return;
        }
        if (a.status() == Status.REVOKED && a.revokedBy() != null) {
            ctx.redirect(Links.path(type.key(), a.revokedBy()), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        var citations = new Citations();
        render(ctx, "actor", Map.of("a", a, "title", a.id() + " " + a.name(),
                "statement", MarkdownHtml.render(a.description(), a.references(), citations),
                "techniques", uses(a.techniques(), citations), "references", citations.list(),
                "actions", actions(ctx, type, a.id(), a.name(), a.stixId(), a.attackUrl(), a.domains())));
    }

    private static List<Map<String, Object>> uses(List<TechniqueUse> uses, Citations citations) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TechniqueUse u : uses) {
            out.add(Map.of("u", u, "html", MarkdownHtml.render(u.description(), u.references(), citations)));
        }
        return out;
    }

    /** The matrix of a domain: tactics as columns, techniques as cells, optionally only one platform's. */
    void matrix(Context ctx) {
        String domain = ctx.pathParamMap().getOrDefault("domain",
                Optional.ofNullable(ctx.queryParam("domain")).filter(d -> !d.isBlank()).orElse("enterprise-attack"));
        if (!ctx.pathParamMap().containsKey("domain") && ctx.queryParam("domain") != null) {
            // The form without JavaScript: to the domain's own address, keeping the other choices.
            String rest = ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)domain=[^&]*", "").replaceFirst("^&", "");
            ctx.redirect("/matrix/" + java.net.URLEncoder.encode(domain, java.nio.charset.StandardCharsets.UTF_8)
                    + (rest.isEmpty() ? "" : "?" + rest), HttpStatus.SEE_OTHER);
            return;
        }
        String platform = Optional.ofNullable(ctx.queryParam("platform")).orElse("");
        EntityStore entities = live.get().entities();
        List<Map<String, Object>> columns = new ArrayList<>();
        java.util.Set<String> platforms = new java.util.TreeSet<>();
        java.util.Set<String> techniques = new java.util.HashSet<>();
        java.util.Set<String> subs = new java.util.HashSet<>();
        for (var summary : entities.tactics()) {
            if (!summary.domain().equals(domain)) continue;
            var column = entities.tactic(summary.id(), domain).orElseThrow();
            List<EntityStore.MatrixTechnique> cells = new ArrayList<>();
            for (var technique : column.techniques()) {
                platforms.addAll(technique.platforms());
                technique.subtechniques().forEach(s -> platforms.addAll(s.platforms()));
                if (!platform.isEmpty() && !technique.platforms().contains(platform)) continue;
                // A platform filter applies to sub-techniques too: User Execution on Containers has one.
                var shownSubs = platform.isEmpty() ? technique.subtechniques()
                        : technique.subtechniques().stream().filter(s -> s.platforms().contains(platform)).toList();
                cells.add(new EntityStore.MatrixTechnique(technique.id(), technique.name(), technique.platforms(), shownSubs));
                techniques.add(technique.id());
                shownSubs.forEach(s -> subs.add(s.id()));
            }
            columns.add(Map.of("tactic", column.tactic(), "techniques", cells));
        }
        if (columns.isEmpty()) {
            notFound(ctx, "matrix", domain);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("columns", columns);
        model.put("domain", domain);
        model.put("domainLabel", attackkb.model.Domains.label(domain));
        model.put("domainLabels", attackkb.model.Domains.labels().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(
                        k -> List.of("enterprise-attack", "mobile-attack", "ics-attack").indexOf(k))))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        model.put("platforms", platforms);
        model.put("platform", platform);
        model.put("showIds", "true".equals(ctx.queryParam("ids")));
        model.put("expand", "true".equals(ctx.queryParam("expand")));
        model.put("techniqueCount", techniques.size());
        model.put("subCount", subs.size());
        model.put("title", attackkb.model.Domains.label(domain) + " matrix");
        render(ctx, "matrix", model);
    }

    void error(Context ctx, HttpStatus status, String title, String message) {
        ctx.status(status);
        ctx.attribute(WebApp.ERROR_WRITTEN, true);
        render(ctx, "not_found", Map.of("title", title, "message", message, "query", ""));
    }

    void notFound(Context ctx, String what, String id) {
        ctx.status(HttpStatus.NOT_FOUND);
        ctx.attribute(WebApp.ERROR_WRITTEN, true);
        render(ctx, "not_found", Map.of("title", "Not found",
                "message", "No " + what + " with the ID \u201c" + id + "\u201d.", "query", id));
    }

    /** Every page shows the index it was answered from in its footer. */
    private void render(Context ctx, String template, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        IndexManifest manifest = live.get().index().manifest();
        all.put("attackVersions", manifest.attackVersions());
        pages.render(ctx, template, all);
    }
}
