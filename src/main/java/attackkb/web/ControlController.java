package attackkb.web;

import attackkb.mapping.ControlId;
import attackkb.model.Control;
import attackkb.model.ControlLink;
import attackkb.model.ControlTechnique;
import attackkb.model.EntityType;
import attackkb.model.TacticRef;
import attackkb.model.Technique;
import attackkb.search.LiveIndex;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Security controls: the API answers, the CSV downloads, and the data the control pages show. */
final class ControlController {
    private final Supplier<LiveIndex> live;

    ControlController(Supplier<LiveIndex> live) {
        this.live = live;
    }

    /** A control by any spelling of its ID (AC-4, ac-04, AC-2(1), ac-2.1). */
    Optional<Control> find(String rawId) {
        return ControlId.normalize(rawId)
                .flatMap(id -> live.get().entities().record(EntityType.CONTROL, id, Control.class));
    }

    void control(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(find(id).orElseThrow(() -> new NotFoundException("no control with ID \"" + id + "\"")));
    }

    void controls(Context ctx) {
        ctx.json(Map.of("families", families()));
    }

    /** Families in catalog order, each with its controls and how many techniques each mitigates; made once per index. */
    List<Map<String, Object>> families() {
        return live.get().entities().derived(FAMILIES, this::readFamilies);
    }

    /** The key of {@link #families()} among an index's derived summaries. */
    private static final Object FAMILIES = new Object();

    private List<Map<String, Object>> readFamilies() {
        Map<String, Map<String, Object>> families = new LinkedHashMap<>();
        List<Control> all = new ArrayList<>(live.get().entities().all(EntityType.CONTROL, Control.class));
        all.sort(java.util.Comparator.comparing(Control::id, ControlId.ORDER));
        for (Control c : all) {
            var family = families.computeIfAbsent(c.familyId(), k -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("id", c.familyId());
                f.put("name", c.familyName());
                f.put("controls", new ArrayList<Map<String, Object>>());
                return f;
            });
            @SuppressWarnings("unchecked")
            var list = (List<Map<String, Object>>) family.get("controls");
            list.add(Map.of("id", c.id(), "title", c.title() == null ? "" : c.title(), "technique_count", c.techniques().size()));
        }
        families.values().forEach(f -> f.put("controls", List.copyOf((List<?>) f.get("controls"))));
        return families.values().stream().map(java.util.Collections::unmodifiableMap).toList();
    }

    /** A control's techniques grouped by tactic (a technique in two tactics is listed under both), in tactic order. */
    static Map<String, List<ControlTechnique>> byTactic(Control c) {
        Map<String, List<ControlTechnique>> groups = new LinkedHashMap<>();
        c.techniques().stream()
                .flatMap(t -> (t.tactics().isEmpty() ? List.of(new TacticRef(null, null, "No tactic")) : t.tactics()).stream()
                        .map(tactic -> Map.entry(tactic, t)))
                .sorted(java.util.Comparator.comparing((Map.Entry<TacticRef, ControlTechnique> e) ->
                        e.getKey().id() == null ? "ZZ" : e.getKey().id()))
                .forEach(e -> groups.computeIfAbsent(e.getKey().name(), k -> new ArrayList<>()).add(e.getValue()));
        return groups;
    }

    void controlTechniquesCsv(Context ctx) {
        String id = ctx.pathParam("id");
        Control c = find(id).orElseThrow(() -> new NotFoundException("no control with ID \"" + id + "\""));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("control_id", "technique_id", "technique_name", "tactics", "mapping_type", "comments"));
        for (ControlTechnique t : c.techniques()) {
            rows.add(List.of(c.id(), t.techniqueId(), t.techniqueName(),
                    String.join(";", t.tactics().stream().map(TacticRef::shortname).toList()),
                    nullToEmpty(t.mappingType()), nullToEmpty(t.comments())));
        }
        Csv.send(ctx, c.id() + "-techniques.csv", rows);
    }

    void techniqueControlsCsv(Context ctx) {
        String id = ctx.pathParam("id");
        Technique t = live.get().entities().record(EntityType.TECHNIQUE, id, Technique.class)
                .orElseThrow(() -> new NotFoundException("no technique with ID \"" + id + "\""));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("technique_id", "control_id", "control_title", "family", "mapping_type", "comments", "source"));
        for (ControlLink c : t.controls()) {
            rows.add(List.of(t.id(), c.id(), nullToEmpty(c.title()), nullToEmpty(c.family()), nullToEmpty(c.mappingType()),
                    nullToEmpty(c.comments()), c.source() == null ? "" : c.source().framework() + " " + c.source().revision()
                            + " (ATT&CK " + c.source().attackVersion() + ")"));
        }
        Csv.send(ctx, t.id() + "-controls.csv", rows);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
