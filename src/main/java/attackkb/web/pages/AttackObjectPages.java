package attackkb.web.pages;

import attackkb.index.HitRecord;
import attackkb.mapping.FrameworkNames;
import attackkb.model.Actor;
import attackkb.model.ActorLink;
import attackkb.model.DetectionStrategy;
import attackkb.model.EntityType;
import attackkb.model.Mitigation;
import attackkb.model.RelatedTechnique;
import attackkb.model.Status;
import attackkb.model.Tactic;
import attackkb.model.TacticRef;
import attackkb.model.Technique;
import attackkb.records.EntityStore;
import attackkb.records.FrameworkEntries;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Links;
import attackkb.web.http.ReportLink;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pages of ATT&CK's objects: techniques, tactics, mitigations, detection strategies, groups, software and
 * campaigns. Each handler finds the object, builds its page record and renders it.
 */
public final class AttackObjectPages {
    private final Supplier<ServedGeneration> live;
    private final PageRenderer view;
    private final ReportLink report;

    public AttackObjectPages(Supplier<ServedGeneration> live, PageRenderer view, ReportLink report) {
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
                        version == null ? null : "ATT&CK " + version, PageActions.canonical(ctx, Links.path(type.key(), id)))),
                Links.graph(id), id, report.label());
    }

    /** The History section of the object with this STIX ID, from the releases held. */
    private HistoryView history(String stixId) {
        return HistorySection.of(live.get().releases(), stixId);
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
        // A revoked technique's page is shown, not redirected to its successor: it says when it was revoked, and
        // by what, for whoever follows an old link or a mapping made before.
        if (!t.id().equals(id)) { // t1204.003 → the canonical URL
            ctx.redirect(Links.path(EntityType.TECHNIQUE.key(), t.id()), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        // One numbering for the page: the texts are rendered in the order the page shows them.
        var citations = new Citations();
        String statement = MarkdownHtml.render(t.description(), t.references(), citations);
        var detections = t.detections().stream().map(d -> DetectionView.of(d, citations)).toList();
        var mitigations = t.mitigations().stream().map(m -> new TechniquePage.MitigationView(m,
                MarkdownHtml.render(m.guidance(), m.references(), citations),
                MarkdownHtml.render(m.description(), List.of(), citations))).toList();
        var procedures = t.procedures().stream().map(p -> new TechniquePage.ProcedureView(p,
                Links.path(p.sourceType().key(), p.sourceId()), MarkdownHtml.render(p.description(), p.references(), citations))).toList();
        // A revoked technique's page lists no siblings: it is no longer in its tactic.
        var siblings = t.status() == Status.REVOKED ? List.<EntityStore.MatrixTechnique>of() : siblings(t, entities);
        view.render(ctx, "technique", new TechniquePage(t.id() + " " + t.name(), t, statement, detections, mitigations,
                procedures, siblings, siblings.stream().mapToInt(s -> 1 + s.subtechniques().size()).sum(),
                FrameworkEntries.byFramework(t), related(t), citations.list(), history(t.stixId()),
                actions(ctx, EntityType.TECHNIQUE, t.id(), t.name(), t.stixId(), t.attackUrl(), t.domains())));
    }

    /** Related techniques as the page lists them: each reason as words, with a link where it names a page. */
    private static List<TechniquePage.Related> related(Technique t) {
        if (t.related() == null) return List.of();
        List<TechniquePage.Related> out = new ArrayList<>();
        for (RelatedTechnique r : t.related()) {
            out.add(new TechniquePage.Related(r.id(), r.name(), r.reasons().stream().map(why -> switch (why.kind()) {
                case "mitigation" -> new TechniquePage.Reason("shares " + why.id() + " " + why.name(),
                        Links.path(EntityType.MITIGATION.key(), why.id()));
                case "data_component" -> new TechniquePage.Reason("data component " + why.name(), null);
                case "control" -> new TechniquePage.Reason("both mapped to " + FrameworkNames.name(why.framework()) + " " + why.id(),
                        Links.entry(why.framework(), why.id()));
                default -> new TechniquePage.Reason(why.name(), null);
            }).toList()));
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
        String statement = MarkdownHtml.render(t.description(), t.references(), citations);
        view.render(ctx, "tactic", new TacticPage(t.id() + " " + t.name(), t, statement, column.techniques(), citations.list(),
                history(t.stixId()), actions(ctx, EntityType.TACTIC, t.id(), t.name(), t.stixId(), t.attackUrl(), List.of(t.domain()))));
    }

    public void tactics(Context ctx) {
        view.render(ctx, "tactics", new TacticsPage("Tactics", live.get().entities().tactics()));
    }

    public void mitigation(Context ctx) {
        String id = ctx.pathParam("id");
        Mitigation m = live.get().entities().record(EntityType.MITIGATION, id, Mitigation.class).orElse(null);
        if (m == null) {
            view.notFound(ctx, "mitigation", id);
            return;
        }
        var citations = new Citations();
        String statement = MarkdownHtml.render(m.description(), m.references(), citations);
        var techniques = TechniqueUseView.of(m.techniques(), citations);
        view.render(ctx, "mitigation", new MitigationPage(m.id() + " " + m.name(), m, statement, techniques, citations.list(),
                history(m.stixId()), actions(ctx, EntityType.MITIGATION, m.id(), m.name(), m.stixId(), m.attackUrl(), m.domains())));
    }

    public void detection(Context ctx) {
        String id = ctx.pathParam("id");
        DetectionStrategy d = live.get().entities().record(EntityType.DETECTION, id, DetectionStrategy.class).orElse(null);
        if (d == null) {
            view.notFound(ctx, "detection strategy", id);
            return;
        }
        var citations = new Citations();
        List<DetectionPage.TechniqueName> techniques = new ArrayList<>();
        for (String techniqueId : d.techniqueIds()) {
            // The name from the hit record: a technique's whole record can be hundreds of kilobytes.
            String name = live.get().entities().hit(EntityType.TECHNIQUE, techniqueId)
                    .map(HitRecord::name).orElse(techniqueId);
            techniques.add(new DetectionPage.TechniqueName(techniqueId, name));
        }
        view.render(ctx, "detection", new DetectionPage(d.id() + " " + d.name(), d, techniques,
                DetectionView.of(d, citations).analytics(), citations.list(), history(d.stixId()),
                actions(ctx, EntityType.DETECTION, d.id(), d.name(), d.stixId(), d.attackUrl(), d.domains())));
    }

    public void actor(Context ctx, EntityType type) {
        String id = ctx.pathParam("id");
        Actor a = live.get().entities().record(type, id, Actor.class).orElse(null);
        if (a == null) {
            view.notFound(ctx, type.key(), id);
            return;
        }
        var citations = new Citations();
        String statement = MarkdownHtml.render(a.description(), a.references(), citations);
        var techniques = TechniqueUseView.of(a.techniques(), citations);
        // Listed before the associated texts are numbered, as this page always has been: their citations link to
        // numbers the list lacks (left as is here: this change keeps the pages as they were).
        var references = citations.list();
        var associated = associated(a, citations);
        view.render(ctx, "actor", new ActorPage(a.id() + " " + a.name(), a, statement, associated, techniques,
                Links.path(type.key(), a.id()), references, history(a.stixId()),
                actions(ctx, type, a.id(), a.name(), a.stixId(), a.attackUrl(), a.domains())));
    }

    private static final Map<String, String> RELATION_HEADINGS = Map.of(
            "uses", "Software used", "used by", "Used by", "attributed to", "Attributed to", "campaign", "Campaigns");

    /** The groups, software and campaigns tied to an actor, under a heading per relation, each with its text. */
    private static List<ActorPage.Relation> associated(Actor a, Citations citations) {
        Map<String, List<ActorPage.Associate>> out = new LinkedHashMap<>();
        for (String relation : List.of("attributed to", "uses", "campaign", "used by")) {
            for (var link : a.associated() == null ? List.<ActorLink>of() : a.associated()) {
                if (!link.relation().equals(relation)) continue;
                out.computeIfAbsent(RELATION_HEADINGS.get(relation), k -> new ArrayList<>()).add(new ActorPage.Associate(link,
                        Links.path(link.type().key(), link.id()), MarkdownHtml.render(link.description(), link.references(), citations)));
            }
        }
        return out.entrySet().stream().map(e -> new ActorPage.Relation(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
