package attackkb.web.api;

import attackkb.BadInputException;
import attackkb.Json;
import attackkb.releases.ChangeCategory;
import attackkb.serving.ServedGeneration;
import attackkb.web.http.Body;
import attackkb.web.http.ChangeQuery;
import attackkb.web.http.Csv;
import attackkb.web.http.GzippedAnswers;
import attackkb.web.http.QueryParams;
import attackkb.web.http.ReleaseChanges;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /api/changes}: what changed between two held ATT&CK releases, as JSON, CSV ({@code format=csv}) or an ATT&CK
 * Navigator layer ({@code format=layer}, or {@code /api/changes/layer.json}), filtered by domain, type and category.
 */
public final class ChangesApi {
    /** The CSV's columns, in order; lists within a cell are separated by semicolons. */
    static final List<String> CSV_COLUMNS = List.of("id", "name", "type", "domains", "categories", "summary", "old_id",
            "old_name", "successor", "successor_name", "successor_before", "tactics_before", "tactics_after",
            "platforms_before", "platforms_after", "version_before", "version_after", "parent_before", "parent_after",
            "mitigations_added", "mitigations_dropped", "detections_added", "detections_dropped", "url");

    private final Supplier<ServedGeneration> live;

    public ChangesApi(Supplier<ServedGeneration> live) {
        this.live = live;
    }

    public void changes(Context ctx) {
        ChangeQuery query = query(ctx);
        String format = QueryParams.text(ctx, "format").strip();
        switch (format) {
            case "" -> json(ctx, query, false);
            case "json" -> json(ctx, query, true);
            case "csv" -> Csv.send(ctx, query.fileName() + ".csv", csvRows(ReleaseChanges.of(live.get(), query).select(query)));
            case "layer" -> layer(ctx, query);
            default -> throw new BadInputException("format must be json, csv or layer, got \"" + format + "\"");
        }
    }

    /** {@code /api/changes/layer.json}: the Navigator layer, whatever {@code format} says. */
    public void layer(Context ctx) {
        layer(ctx, query(ctx));
    }

    private ChangeQuery query(Context ctx) {
        return ChangeQuery.of(live.get().releases(), ctx.queryParam("from"), ctx.queryParam("to"),
                ctx.queryParams("domain"), ctx.queryParams("type"), ctx.queryParams("category"));
    }

    /** The JSON answer, kept gzipped for the clients that accept it: it is the same for every request of the pair. */
    private void json(Context ctx, ChangeQuery query, boolean download) {
        ServedGeneration served = live.get();
        if (download) ctx.header("Content-Disposition", "attachment; filename=\"" + query.fileName() + ".json\"");
        served.memo().get(GzippedAnswers.class, GzippedAnswers::new).send(ctx,
                "json " + query.from() + " " + query.to() + " " + query.filterParameters(), "application/json",
                () -> jsonBody(served, query));
    }

    private static byte[] jsonBody(ServedGeneration served, ChangeQuery query) {
        ReleaseChanges changes = ReleaseChanges.of(served, query);
        List<ReleaseChanges.Entry> selected = changes.select(query);
        Map<String, Integer> counts = new LinkedHashMap<>();
        ReleaseChanges.counts(selected).forEach((category, n) -> counts.put(category.key(), n));
        var body = Json.object("from", query.from(), "to", query.to(), "releases", served.releases().versions(),
                "counts", counts, "count", selected.size(),
                "changes", selected.stream().map(ReleaseChanges.Entry::item).toList());
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void layer(Context ctx, ChangeQuery query) {
        if (query.domains().size() > 1) {
            throw new BadInputException("a Navigator layer holds one domain; name one of " + String.join(", ", query.domains()));
        }
        String domain = query.domains().isEmpty() ? "enterprise-attack" : query.domains().get(0);
        Map<String, Object> layer = ChangesLayer.of(ReleaseChanges.of(live.get(), query), query, domain);
        ctx.header("Content-Disposition", "attachment; filename=\"" + ChangesLayer.fileName(query, domain) + "\"");
        try {
            Body.send(ctx, "application/json", Json.MAPPER.writeValueAsBytes(layer));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> csvRows(List<ReleaseChanges.Entry> entries) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(CSV_COLUMNS);
        for (ReleaseChanges.Entry e : entries) {
            ReleaseChanges.Item i = e.item();
            rows.add(Arrays.asList(i.id(), i.name(), i.type(), String.join(";", i.domains()),
                    String.join(";", i.categories().stream().map(ChangeCategory::key).toList()), i.summary(), i.oldId(),
                    i.oldName(), i.successor(), i.successorName(), i.successorBefore(), tactics(i.tacticsBefore()),
                    tactics(i.tacticsAfter()), joined(i.platformsBefore(), s -> s), joined(i.platformsAfter(), s -> s),
                    i.versionBefore(), i.versionAfter(), i.parentBefore(), i.parentAfter(),
                    joined(i.mitigationsAdded(), s -> s), joined(i.mitigationsDropped(), s -> s),
                    joined(i.detectionsAdded(), s -> s), joined(i.detectionsDropped(), s -> s), i.url()));
        }
        return rows;
    }

    private static String tactics(List<ReleaseChanges.Tactic> tactics) {
        return joined(tactics, t -> t.id() + " " + t.name());
    }

    private static <T> String joined(List<T> values, Function<T, String> text) {
        return values == null ? null : String.join(";", values.stream().map(text).toList());
    }
}
