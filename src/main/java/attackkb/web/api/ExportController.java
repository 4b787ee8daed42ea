package attackkb.web.api;

import attackkb.BadInputException;
import attackkb.Json;
import attackkb.model.Actor;
import attackkb.model.EntityType;
import attackkb.model.TechniqueUse;
import attackkb.search.SearchHit;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.serving.SearchedRelease;
import attackkb.serving.ServedGeneration;
import attackkb.web.http.Csv;
import attackkb.web.http.NotFoundException;
import attackkb.web.http.QueryParams;
import attackkb.web.http.SearchUrls;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/export}: the whole result set of a search (same parameters), as CSV, JSON, or an ATT&CK Navigator
 * layer (format 4.5) that the Navigator loads as is.
 */
public final class ExportController {
    /** Results exported at most: more than any tactic or platform selection holds. */
    static final int MAX_EXPORT = 2_000;

    private final Supplier<ServedGeneration> live;

    public ExportController(Supplier<ServedGeneration> live) {
        this.live = live;
    }

    public void export(Context ctx) {
        String format = QueryParams.text(ctx, "format");
        SearchRequest first = QueryParams.search(ctx, SearchRequest.MAX_LIMIT);
        if (!List.of("csv", "json", "navigator").contains(format)) {
            throw new BadInputException("format must be csv, json or navigator, got \"" + format + "\"");
        }
        try (SearchedRelease searched = live.get().searchIn(first.release())) {
            export(ctx, format, first, searched);
        }
    }

    private void export(Context ctx, String format, SearchRequest first, SearchedRelease searched) {
        List<SearchHit> hits = all(first, searched);
        String name = "attack-kb-" + (first.query().isBlank() ? "selection" : first.query().replaceAll("[^A-Za-z0-9._-]+", "-"));
        switch (format) {
            case "csv" -> Csv.send(ctx, name + ".csv", csvRows(hits));
            case "json" -> {
                ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".json\"");
                ctx.json(Json.object("query", first.query(), "total", hits.size(), "hits", hits));
            }
            case "navigator" -> {
                ctx.header("Content-Disposition", "attachment; filename=\"" + name + "-layer.json\"");
                ctx.json(navigatorLayer(first, hits, searched.manifest().attackVersions()));
            }
            default -> throw new BadInputException("format must be csv, json or navigator, got \"" + format + "\"");
        }
    }

    private static List<SearchHit> all(SearchRequest first, SearchedRelease searched) {
        List<SearchHit> hits = new ArrayList<>();
        int offset = first.offset();
        while (hits.size() < MAX_EXPORT) {
            var page = first.at(SearchRequest.MAX_LIMIT, offset);
            SearchResult result = searched.responses().result(page);
            hits.addAll(result.hits());
            offset += SearchRequest.MAX_LIMIT;
            if (result.hits().size() < SearchRequest.MAX_LIMIT || offset > SearchRequest.MAX_OFFSET) break;
        }
        return hits.size() > MAX_EXPORT ? hits.subList(0, MAX_EXPORT) : hits;
    }

    static List<List<String>> csvRows(List<SearchHit> hits) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "type", "name", "domain", "tactics", "platforms", "parent_id", "url"));
        for (SearchHit h : hits) {
            rows.add(java.util.Arrays.asList(h.id(), h.type(), h.name(), h.domain(), String.join(";", h.tactics()),
                    String.join(";", h.platforms()), h.parent() == null ? "" : h.parent().id(), h.url()));
        }
        return rows;
    }

    /**
     * {@code /api/{groups|software|campaigns}/{id}/layer.json}: the techniques a group, software or campaign uses, as a
     * Navigator layer in the domain where it has most of them; each technique's procedure text is its comment.
     */
    public void actorLayer(Context ctx) {
        EntityType type = switch (ctx.pathParam("section")) {
            case "groups" -> EntityType.GROUP;
            case "software" -> EntityType.SOFTWARE;
            case "campaigns" -> EntityType.CAMPAIGN;
            default -> throw new NotFoundException("no layers for \"" + ctx.pathParam("section") + "\"; groups, software and campaigns have them");
        };
        String id = ctx.pathParam("id");
        var entities = live.get().entities();
        Actor a = entities.record(type, id, Actor.class)
                .orElseThrow(() -> new NotFoundException("no " + type.key() + " with ID \"" + id + "\""));
        Map<String, Integer> perDomain = new java.util.TreeMap<>();
        List<attackkb.index.HitRecord> hits = new ArrayList<>();
        for (TechniqueUse u : a.techniques()) {
            entities.hit(EntityType.TECHNIQUE, u.techniqueId()).ifPresent(h -> {
                hits.add(h);
                h.domains().forEach(d -> perDomain.merge(d, 1, Integer::sum));
            });
        }
        String domain = perDomain.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("enterprise-attack");
        String version = live.get().index().manifest().attackVersions().getOrDefault(domain, "18");
        var layer = new NavigatorLayer(a.name() + " (" + a.id() + ")", "Techniques " + a.name() + " uses, from attack-kb.",
                domain, version).gradient(List.of("#ffffff", "#e15759"), 0, 1).legend("used", "#e15759");
        for (int i = 0; i < a.techniques().size(); i++) {
            TechniqueUse u = a.techniques().get(i);
            var hit = hits.stream().filter(h -> h.id().equals(u.techniqueId())).findFirst();
            if (hit.isEmpty() || !hit.get().domains().contains(domain)) continue;
            String comment = attackkb.text.PlainText.of(u.description());
            for (String tactic : hit.get().tactics()) layer.technique(u.techniqueId(), tactic, 1, null, comment, Map.of(), List.of());
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + a.id() + "-layer.json\"");
        ctx.json(layer.toMap());
    }

    /** A Navigator layer scoring each technique hit in each of its tactics, for the release searched. */
    static Map<String, Object> navigatorLayer(SearchRequest request, List<SearchHit> hits, Map<String, String> attackVersions) {
        String domain = request.domains().size() == 1 ? request.domains().get(0) : "enterprise-attack";
        String version = attackVersions.getOrDefault(domain, "18");
        var layer = new NavigatorLayer("attack-kb: " + (request.query().isBlank() ? "selection" : request.query()),
                "Exported from attack-kb: " + SearchUrls.page(request, 0), domain, version)
                .platforms(request.platforms());
        for (SearchHit h : hits) {
            if (!"technique".equals(h.type()) || !domain.equals(h.domain())) continue;
            for (String tactic : h.tactics()) layer.technique(h.id(), tactic, 1, null, null, Map.of(), List.of());
        }
        return layer.toMap();
    }
}
