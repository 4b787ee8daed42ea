package attackkb.web.api;

import attackkb.BadInputException;
import attackkb.Json;
import attackkb.mapping.FrameworkNames;
import attackkb.model.Control;
import attackkb.model.ControlLink;
import attackkb.model.ControlTechnique;
import attackkb.model.EntityType;
import attackkb.model.Framework;
import attackkb.model.Freshness;
import attackkb.model.TacticRef;
import attackkb.model.Technique;
import attackkb.records.FrameworkEntries;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Routes;
import attackkb.web.http.Csv;
import attackkb.web.http.NotFoundException;
import attackkb.web.http.QueryParams;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The API's answers and CSV downloads for the frameworks mapped to ATT&CK and their entries (SP 800-53 controls,
 * cloud capabilities, CCM controls, KEV CVEs, …).
 */
public final class FrameworkApi {
    private final Supplier<ServedGeneration> live;

    public FrameworkApi(Supplier<ServedGeneration> live) {
        this.live = live;
    }

    private FrameworkEntries entries() {
        return live.get().frameworks();
    }

    /** {@code /api/controls/{id}[?freshness=stale]}: an entry by its ID alone, its mappings filtered by freshness. */
    public void control(Context ctx) {
        String filter = QueryParams.freshness(ctx);
        ctx.json(FrameworkEntries.withFreshness(requireControl(ctx), filter));
    }

    private Control requireControl(Context ctx) {
        String id = ctx.pathParam("id");
        return entries().find(id).orElseThrow(() -> new NotFoundException("no framework entry with ID \"" + id + "\""));
    }

    public void controls(Context ctx) {
        ctx.json(Map.of("families", entries().groups(FrameworkNames.NIST_800_53)));
    }

    public void frameworks(Context ctx) {
        ctx.json(Map.of("frameworks", entries().frameworks()));
    }

    /** {@code /api/frameworks/{key}[?freshness=stale]}: its groups, only the entries with such mappings when filtered. */
    public void framework(Context ctx) {
        String filter = QueryParams.freshness(ctx);
        Framework f = requireFramework(ctx.pathParam("key"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("framework", f);
        if (filter != null) body.put("freshness", filter);
        body.put("groups", entries().groups(f.key(), filter));
        ctx.json(body);
    }

    /** {@code /api/frameworks/{key}/{entry}[?freshness=stale]}: the entry, its mappings filtered by freshness. */
    public void entry(Context ctx) {
        String filter = QueryParams.freshness(ctx);
        ctx.json(FrameworkEntries.withFreshness(requireEntry(ctx), filter));
    }

    private Framework requireFramework(String key) {
        return entries().framework(key).orElseThrow(() -> new NotFoundException("no framework \"" + key + "\"; see " + Routes.API_FRAMEWORKS));
    }

    private Control requireEntry(Context ctx) {
        Framework f = requireFramework(ctx.pathParam("key"));
        String id = ctx.pathParam("entry");
        return entries().find(f.key(), id).orElseThrow(() -> new NotFoundException("no entry \"" + id + "\" in " + f.name()));
    }

    /** {@code /api/crosswalk?from=nist_800_53:AC-4&to=csa_ccm[&limit=N]}. */
    public void crosswalk(Context ctx) {
        String from = QueryParams.text(ctx, "from");
        String to = QueryParams.text(ctx, "to");
        int colon = from.indexOf(':');
        if (colon <= 0 || colon == from.length() - 1 || to.isBlank()) {
            throw new BadInputException("crosswalk needs from=FRAMEWORK:ENTRY and to=FRAMEWORK, e.g. "
                    + "from=nist_800_53:AC-4&to=csa_ccm; got from=\"" + from + "\" to=\"" + to + "\"");
        }
        int limit = QueryParams.integer(ctx, "limit", 20);
        if (limit < 1 || limit > FrameworkEntries.CROSSWALK_MAX) throw new BadInputException("limit must be between 1 and " + FrameworkEntries.CROSSWALK_MAX + ", got " + limit);
        Framework source = requireFramework(from.substring(0, colon));
        Framework target = requireFramework(to.strip());
        String id = from.substring(colon + 1);
        Control entry = entries().find(source.key(), id).orElseThrow(() -> new NotFoundException("no entry \"" + id + "\" in " + source.name()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", Json.object("framework", entry.framework(), "id", entry.id(), "title", entry.title(),
                "techniques", FrameworkEntries.techniqueCount(entry)));
        body.put("to", target.key());
        body.put("entries", entries().crosswalk().from(entry, target.key(), limit));
        ctx.json(body);
    }

    public void controlTechniquesCsv(Context ctx) {
        String filter = QueryParams.freshness(ctx);
        sendTechniques(ctx, FrameworkEntries.withFreshness(requireControl(ctx), filter), filter);
    }

    public void entryTechniquesCsv(Context ctx) {
        String filter = QueryParams.freshness(ctx);
        sendTechniques(ctx, FrameworkEntries.withFreshness(requireEntry(ctx), filter), filter);
    }

    /**
     * {@code /api/frameworks/{key}/{entry}/layer.json[?domain=mobile-attack][&freshness=stale]}: the entry's
     * Navigator layer, of the mappings the filter keeps.
     */
    public void entryLayer(Context ctx) {
        String filter = QueryParams.freshness(ctx);
        Control c = FrameworkEntries.withFreshness(requireEntry(ctx), filter);
        var entities = live.get().entities();
        String domain = ctx.queryParam("domain");
        Map<String, Object> layer = EntryLayer.of(c, domain == null || domain.isBlank() ? null : domain.strip(),
                id -> entities.hit(EntityType.TECHNIQUE, id).map(h -> h.domains().isEmpty() ? null : h.domains().get(0)).orElse(null),
                live.get().index().manifest().attackVersions());
        ctx.header("Content-Disposition", "attachment; filename=\"" + EntryLayer.fileName(c, filter) + "\"");
        ctx.json(layer);
    }

    /** The freshness columns every mapping CSV ends with. */
    private static final List<String> FRESHNESS_COLUMNS = List.of("freshness", "mapped_release", "mapped_technique",
            "successor", "changes");

    private static void sendTechniques(Context ctx, Control c, String filter) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(concat(List.of("framework", "entry_id", "technique_id", "technique_name", "tactics", "mapping_type",
                "score_category", "score_value", "comments", "references"), FRESHNESS_COLUMNS));
        for (ControlTechnique t : c.techniques()) {
            rows.add(concat(List.of(c.framework(), c.id(), t.techniqueId(), t.techniqueName(),
                    String.join(";", t.tactics().stream().map(TacticRef::shortname).toList()),
                    nullToEmpty(t.mappingType()), nullToEmpty(t.scoreCategory()), nullToEmpty(t.scoreValue()),
                    nullToEmpty(t.comments()), String.join(" ", t.references())), freshnessCells(t.freshness())));
        }
        Csv.send(ctx, c.id().replaceAll("[^\\w.()-]+", "_") + "-techniques" + (filter == null ? "" : "-" + filter) + ".csv", rows);
    }

    /** A mapping's freshness as the CSV columns {@link #FRESHNESS_COLUMNS}: all empty when it was not judged. */
    private static List<String> freshnessCells(Freshness f) {
        if (f == null) return List.of("", "", "", "", "");
        return List.of(f.status(), nullToEmpty(f.mappedRelease()), nullToEmpty(f.mappedId()), nullToEmpty(f.successor()),
                String.join(";", f.categories()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public void techniqueControlsCsv(Context ctx) {
        String id = ctx.pathParam("id");
        Technique t = live.get().entities().record(EntityType.TECHNIQUE, id, Technique.class)
                .orElseThrow(() -> new NotFoundException("no technique with ID \"" + id + "\""));
        List<List<String>> rows = new ArrayList<>();
        rows.add(concat(List.of("technique_id", "framework", "control_id", "control_title", "family", "mapping_type",
                "score_category", "score_value", "comments", "references", "source"), FRESHNESS_COLUMNS));
        for (ControlLink c : t.controls()) {
            rows.add(concat(List.of(t.id(), c.framework(), c.id(), nullToEmpty(c.title()), nullToEmpty(c.family()),
                    nullToEmpty(c.mappingType()), nullToEmpty(c.scoreCategory()), nullToEmpty(c.scoreValue()),
                    nullToEmpty(c.comments()), String.join(" ", c.references()), c.source() == null ? "" : c.source().framework() + " " + c.source().revision()
                            + " (ATT&CK " + c.source().attackVersion() + ")"), freshnessCells(c.freshness())));
        }
        Csv.send(ctx, t.id() + "-controls.csv", rows);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
