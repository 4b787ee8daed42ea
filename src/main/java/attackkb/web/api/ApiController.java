package attackkb.web.api;

import attackkb.BadInputException;
import attackkb.Json;
import attackkb.index.IndexManifest;
import attackkb.model.EntityType;
import attackkb.model.Technique;
import attackkb.releases.ObjectState;
import attackkb.search.SearchRequest;
import attackkb.search.Suggester;
import attackkb.serving.SearchedRelease;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Links;
import attackkb.web.http.Body;
import attackkb.web.http.NotFoundException;
import attackkb.web.http.QueryParams;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The JSON API: thin handlers that validate, ask the index, and answer. */
public final class ApiController {
    private final Supplier<ServedGeneration> live;

    public ApiController(Supplier<ServedGeneration> live) {
        this.live = live;
    }

    /** {@code /api/search}: of the current release, or of an older one with {@code release=16.1}. */
    public void search(Context ctx) {
        var request = QueryParams.search(ctx, SearchRequest.DEFAULT_LIMIT);
        try (SearchedRelease searched = live.get().searchIn(request.release())) {
            Body.send(ctx, "application/json", out -> searched.responses().sendJson(request, out));
        }
    }

    public void suggest(Context ctx) {
        int limit = QueryParams.integer(ctx, "limit", Suggester.MAX_SUGGESTIONS);
        if (limit < 1 || limit > Suggester.MAX_SUGGESTIONS) {
            throw new BadInputException("limit must be between 1 and " + Suggester.MAX_SUGGESTIONS + ", got " + limit);
        }
        String q = QueryParams.text(ctx, "q");
        ctx.json(Json.object("query", q, "suggestions", live.get().suggester().suggest(q, limit)));
    }

    /**
     * The record of one entity type by ID, with its {@code history} across the releases held. The record is stored as
     * the JSON we serve, so it is sent without re-serialising, the history written after it.
     */
    public Handler entity(EntityType type) {
        return ctx -> {
            String id = ctx.pathParam("id");
            ServedGeneration served = live.get();
            byte[] json = served.entities().source(type, id)
                    .orElseThrow(() -> new NotFoundException("no " + type.key() + " with ID \"" + id + "\""));
            // The current release's object of this type and ID: like the record, the active one if there are two.
            ObjectState now = served.releases().current().byId(type.key(), id.strip());
            Body.send(ctx, "application/json",
                    HistoryJson.appendTo(json, now == null ? null : HistoryJson.of(served.releases(), now.stixId())));
        };
    }

    /** {@code /api/techniques/{id}/related}: the techniques most like this one, each with why (made at index time). */
    public void related(Context ctx) {
        String id = ctx.pathParam("id");
        Technique t = live.get().entities().record(EntityType.TECHNIQUE, id, Technique.class)
                .orElseThrow(() -> new NotFoundException("no technique with ID \"" + id + "\""));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("technique", Json.object("id", t.id(), "name", t.name(), "url", Links.path(EntityType.TECHNIQUE.key(), t.id())));
        body.put("related", t.related() == null ? List.of() : t.related().stream().map(r -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", r.id());
            out.put("name", r.name());
            out.put("url", Links.path(EntityType.TECHNIQUE.key(), r.id()));
            out.put("score", r.score());
            out.put("reasons", r.reasons());
            return out;
        }).toList());
        ctx.json(body);
    }

    public void tactics(Context ctx) {
        ctx.json(Map.of("tactics", live.get().entities().tactics()));
    }

    public void tactic(Context ctx) {
        String id = ctx.pathParam("id");
        String domain = ctx.queryParamAsClass("domain", String.class).getOrDefault("enterprise-attack");
        ServedGeneration served = live.get();
        var column = served.entities().tactic(id, domain)
                .orElseThrow(() -> new NotFoundException("no tactic with ID or shortname \"" + id + "\" in " + domain));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tactic", column.tactic());
        body.put("techniques", column.techniques());
        Map<String, Object> history = HistoryJson.of(served.releases(), column.tactic().stixId());
        if (history != null) body.put("history", history);
        ctx.json(body);
    }

    public void health(Context ctx) {
        IndexManifest m = live.get().index().manifest();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("attack_versions", m.attackVersions());
        body.put("documents", m.documents());
        body.put("totals", m.totals());
        body.put("frameworks", m.frameworks().stream().map(f -> Json.object("key", f.key(), "name", f.name(),
                "version", f.version() == null ? "" : f.version(), "attack_version", f.attackVersion() == null ? "" : f.attackVersion())).toList());
        body.put("built_at", m.builtAt());
        ctx.json(body);
    }
}
