package attackkb.web.pages;

import attackkb.web.http.ReportLink;
import attackkb.index.HitRecord;
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
import attackkb.records.FrameworkEntries;
import attackkb.records.EntityStore;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Links;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pages of single things: techniques, tactics, mitigations, detection strategies, groups, software and campaigns,
 * frameworks and their entries. The search page is {@link SearchPage}, the matrix {@link MatrixPage}, graphs
 * {@link GraphPage}.
 */
public final class PageController {
    private final Supplier<ServedGeneration> live;
    private final PageRenderer view;
    private final ReportLink report;

    public PageController(Supplier<ServedGeneration> live, PageRenderer view, ReportLink report) {
        this.live = live;
        this.view = view;
        this.report = report;
    }

    /** The buttons of an ATT&CK object's page: its MITRE page at the indexed release, its graph, "Report an issue". */
    private PageActions actions(Context ctx, EntityType type, String id, String name, String stixId, String attackUrl,
                                List<String> domains) {
        String domain = domains == null || domains.isEmpty() ? "enterprise-attack" : domains.get(0);
        String version = live.get().index().manifest().attackVersions().get(domain);
        return new PageActions(PageActions.pinned(attackUrl, version), version == null ? null : PageActions.release(version),
                report.url(PageActions.reportValues(type == EntityType.DETECTION ? "detection strategy" : type.key(), id, name, stixId,
                        version == null ? null : "ATT&CK " + version, canonical(ctx, Links.path(type.key(), id)))),
                Links.graph(id), id, report.label());
    }

    /** The page's own address, whichever alias was asked for ({@code /controls/ac-04} is {@code /frameworks/nist_800_53/AC-4}). */
    private static String canonical(Context ctx, String path) {
        return ctx.scheme() + "://" + ctx.host() + path;
    }

    /** SP 800-53's page under its first address. */
    public void controls(Context ctx) {
        frameworkPage(ctx, FrameworkNames.NIST_800_53);
    }

    /** An entry of any framework by its ID alone (IDs do not repeat across frameworks): the first control pages' address. */
    public void control(Context ctx) {
        String id = ctx.pathParam("id");
        live.get().frameworks().find(id).ifPresentOrElse(c -> entryPage(ctx, c), () -> view.notFound(ctx, "control", id));
    }

    public void frameworks(Context ctx) {
        view.render(ctx, "frameworks", Map.of("frameworks", live.get().frameworks().frameworks(), "title", "Frameworks mapped to ATT&CK"));
    }

    public void framework(Context ctx) {
        frameworkPage(ctx, ctx.pathParam("key"));
    }

    private void frameworkPage(Context ctx, String key) {
        var framework = live.get().frameworks().framework(key).orElse(null);
        if (framework == null) {
            view.notFound(ctx, "framework", key);
            return;
        }
        var groups = live.get().frameworks().groups(key);
        boolean mappedOnly = "true".equals(ctx.queryParam("mapped"));
        long unmapped = groups.stream().flatMap(g -> ((List<?>) g.get("controls")).stream())
                .filter(c -> ((Number) ((Map<?, ?>) c).get("technique_count")).longValue() == 0).count();
        // A family whose entries are all hidden is left out with them.
        var shown = !mappedOnly ? groups : groups.stream().filter(g -> ((List<?>) g.get("controls")).stream()
                .anyMatch(c -> ((Number) ((Map<?, ?>) c).get("technique_count")).longValue() > 0)).toList();
        // Cloud capabilities are each their own group (aws_config in "AWS Config"): one list by name, not a heading each.
        boolean flat = shown.stream().allMatch(g -> {
            var entries = (List<?>) g.get("controls");
            return entries.size() == 1 && String.valueOf(((Map<?, ?>) entries.get(0)).get("id")).equals(String.valueOf(g.get("id")));
        });
        List<Object> entries = !flat ? List.of() : shown.stream().map(g -> (Object) ((List<?>) g.get("controls")).get(0))
                .sorted(java.util.Comparator.comparing(e -> String.valueOf(((Map<?, ?>) e).get("title")).toLowerCase(java.util.Locale.ROOT)))
                .toList();
        view.render(ctx, "controls", Map.of("framework", framework, "families", shown, "mappedOnly", mappedOnly,
                "unmapped", unmapped, "flat", flat, "entries", entries, "title", framework.name() + " " + framework.version()));
    }

    public void frameworkEntry(Context ctx) {
        String key = ctx.pathParam("key");
        String id = ctx.pathParam("entry");
        live.get().frameworks().find(key, id).ifPresentOrElse(c -> entryPage(ctx, c), () -> view.notFound(ctx, "framework entry", key + " " + id));
    }

    private void entryPage(Context ctx, Control c) {
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("title", c.id().equals(c.title()) ? c.id() : c.id() + " " + c.title());
        model.put("groups", FrameworkEntries.byTactic(c, live.get().frameworks().tacticOrder()));
        model.put("frameworkName", FrameworkNames.name(c.framework()));
        model.put("url", Links.entry(c.framework(), c.id()));
        model.put("crosswalks", live.get().frameworks().crosswalks(c));
        model.put("guidance", MarkdownHtml.controlProse(c.guidance()));
        model.put("rationale", FrameworkEntries.hasRationale(c));
        String version = c.source() == null ? null : FrameworkNames.name(c.framework()) + " " + c.source().revision()
                + " mapped to ATT&CK " + c.source().attackVersion();
        // A mapping's mistakes go to the project that makes the mappings, unless the team set its own tracker.
        ReportLink mappings = report.builtIn() ? ReportLink.CTID : report;
        model.put("actions", new PageActions(null, null, mappings.url(PageActions.reportValues(
                FrameworkNames.name(c.framework()) + " entry", c.id(), c.title(), null, version,
                canonical(ctx, Links.entry(c.framework(), c.id())))), Links.graph(c.framework() + ":" + c.id()), c.id(),
                mappings.label()));
        Map<String, Integer> refs = FrameworkEntries.referenceNumbers(c);
        model.put("refs", refs);
        model.put("references", refs.entrySet().stream()
                .map(e -> new Citations.Numbered(e.getValue(), e.getKey(), null, e.getKey())).toList());
        model.put("scored", FrameworkEntries.scored(c));
        view.render(ctx, "control", model);
    }

    /** {@code /techniques/T1204/003} → {@code /techniques/T1204.003}, so links copied from attack.mitre.org work. */
    public void techniqueAsOnMitre(Context ctx) {
        String id = ctx.pathParam("id");
        String sub = ctx.pathParam("sub");
        if (!sub.matches("\\d{3}")) {
            view.notFound(ctx, "technique", id + "/" + sub);
            return;
        }
        ctx.redirect(Links.path(EntityType.TECHNIQUE.key(), id.toUpperCase(java.util.Locale.ROOT) + "." + sub),
                HttpStatus.MOVED_PERMANENTLY);
    }

    public void technique(Context ctx) {
        String id = ctx.pathParam("id");
        EntityStore entities = live.get().entities();
        Technique t = entities.record(EntityType.TECHNIQUE, id, Technique.class).orElse(null);
        if (t == null) {
            view.notFound(ctx, "technique", id);
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
        model.put("frameworks", FrameworkEntries.byFramework(t));
        model.put("related", related(t));
        model.put("references", citations.list());
        model.put("actions", actions(ctx, EntityType.TECHNIQUE, t.id(), t.name(), t.stixId(), t.attackUrl(), t.domains()));
        view.render(ctx, "technique", model);
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

    public void tactic(Context ctx) {
        String id = ctx.pathParam("id");
        String domain = ctx.queryParamAsClass("domain", String.class).getOrDefault("enterprise-attack");
        var column = live.get().entities().tactic(id, domain).orElse(null);
        if (column == null) {
            view.notFound(ctx, "tactic", id);
            return;
        }
        var citations = new Citations();
        Tactic t = column.tactic();
        view.render(ctx, "tactic", Map.of("t", t, "techniques", column.techniques(), "title", t.id() + " " + t.name(),
                "statement", MarkdownHtml.render(t.description(), t.references(), citations),
                "references", citations.list(),
                "actions", actions(ctx, EntityType.TACTIC, t.id(), t.name(), t.stixId(), t.attackUrl(), List.of(t.domain()))));
    }

    public void tactics(Context ctx) {
        view.render(ctx, "tactics", Map.of("tactics", live.get().entities().tactics(), "title", "Tactics"));
    }

    public void mitigation(Context ctx) {
        String id = ctx.pathParam("id");
        Mitigation m = live.get().entities().record(EntityType.MITIGATION, id, Mitigation.class).orElse(null);
        if (m == null) {
            view.notFound(ctx, "mitigation", id);
            return;
        }
        var citations = new Citations();
        view.render(ctx, "mitigation", Map.of("m", m, "title", m.id() + " " + m.name(),
                "statement", MarkdownHtml.render(m.description(), m.references(), citations),
                "techniques", uses(m.techniques(), citations), "references", citations.list(),
                "actions", actions(ctx, EntityType.MITIGATION, m.id(), m.name(), m.stixId(), m.attackUrl(), m.domains())));
    }

    public void detection(Context ctx) {
        String id = ctx.pathParam("id");
        DetectionStrategy d = live.get().entities().record(EntityType.DETECTION, id, DetectionStrategy.class).orElse(null);
        if (d == null) {
            view.notFound(ctx, "detection strategy", id);
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
        view.render(ctx, "detection", Map.of("view", detectionView(d, citations), "d", d, "techniques", techniques,
                "title", d.id() + " " + d.name(), "references", citations.list(),
                "actions", actions(ctx, EntityType.DETECTION, d.id(), d.name(), d.stixId(), d.attackUrl(), d.domains())));
    }

    public void actor(Context ctx, EntityType type) {
        String id = ctx.pathParam("id");
        Actor a = live.get().entities().record(type, id, Actor.class).orElse(null);
        if (a == null) {
            view.notFound(ctx, type.key(), id);
            return;
        }
        if (a.status() == Status.REVOKED && a.revokedBy() != null) {
            ctx.redirect(Links.path(type.key(), a.revokedBy()), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        var citations = new Citations();
        view.render(ctx, "actor", Map.of("a", a, "title", a.id() + " " + a.name(),
                "statement", MarkdownHtml.render(a.description(), a.references(), citations),
                "techniques", uses(a.techniques(), citations), "references", citations.list(),
                "actions", actions(ctx, type, a.id(), a.name(), a.stixId(), a.attackUrl(), a.domains()),
                "pageUrl", Links.path(type.key(), a.id()), "associated", associated(a, citations)));
    }

    private static final Map<String, String> RELATION_HEADINGS = Map.of(
            "uses", "Software used", "used by", "Used by", "attributed to", "Attributed to", "campaign", "Campaigns");

    /** The groups, software and campaigns tied to an actor, under a heading per relation, each with its text. */
    private static Map<String, List<Map<String, Object>>> associated(Actor a, Citations citations) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String relation : List.of("attributed to", "uses", "campaign", "used by")) {
            for (var link : a.associated() == null ? List.<attackkb.model.ActorLink>of() : a.associated()) {
                if (!link.relation().equals(relation)) continue;
                out.computeIfAbsent(RELATION_HEADINGS.get(relation), k -> new ArrayList<>()).add(Map.of("l", link,
                        "url", Links.path(link.type().key(), link.id()),
                        "html", MarkdownHtml.render(link.description(), link.references(), citations)));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> uses(List<TechniqueUse> uses, Citations citations) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TechniqueUse u : uses) {
            out.add(Map.of("u", u, "html", MarkdownHtml.render(u.description(), u.references(), citations)));
        }
        return out;
    }

}
