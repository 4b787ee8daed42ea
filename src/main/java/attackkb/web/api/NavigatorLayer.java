package attackkb.web.api;

import attackkb.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ATT&CK Navigator layer (format 4.5) that the Navigator loads as is: one cell per technique and tactic, each
 * with a score or a colour, a comment and metadata, and a legend for what the colours mean.
 */
final class NavigatorLayer {
    private final Map<String, Object> layer = new LinkedHashMap<>();
    private final List<Map<String, Object>> techniques = new ArrayList<>();
    private final List<Map<String, Object>> legend = new ArrayList<>();
    private Map<String, Object> gradient = Json.object("colors", List.of("#ffffff", "#66b1ff"), "minValue", 0, "maxValue", 1);

    /** {@code attackVersion} as the manifest records it ("18.1"); layers name the major release only. */
    NavigatorLayer(String name, String description, String domain, String attackVersion) {
        layer.put("name", name);
        layer.put("versions", Json.object("attack", attackVersion.replaceAll("\\..*", ""), "navigator", "5.1.0", "layer", "4.5"));
        layer.put("domain", domain);
        layer.put("description", description);
    }

    NavigatorLayer platforms(List<String> platforms) {
        layer.put("filters", Map.of("platforms", platforms));
        return this;
    }

    /** Scores from {@code min} to {@code max} shade from the first colour to the last. */
    NavigatorLayer gradient(List<String> colors, int min, int max) {
        gradient = Json.object("colors", colors, "minValue", min, "maxValue", max);
        return this;
    }

    NavigatorLayer legend(String label, String color) {
        legend.add(Json.object("label", label, "color", color));
        return this;
    }

    /**
     * A technique in one tactic. {@code score} may be null (the cell is then coloured by {@code color}, or left
     * blank); {@code metadata} are name/value pairs the Navigator shows on hover, {@code links} URLs it lists.
     */
    NavigatorLayer technique(String id, String tactic, Integer score, String color, String comment,
                             Map<String, String> metadata, List<String> links) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("techniqueID", id);
        t.put("tactic", tactic);
        if (score != null) t.put("score", score);
        t.put("color", color == null ? "" : color);
        t.put("comment", comment == null ? "" : comment);
        t.put("enabled", true);
        t.put("metadata", metadata.entrySet().stream().map(e -> Json.object("name", e.getKey(), "value", e.getValue())).toList());
        t.put("links", links.stream().map(url -> Json.object("label", url, "url", url)).toList());
        t.put("showSubtechniques", false);
        techniques.add(t);
        return this;
    }

    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>(layer);
        out.putIfAbsent("filters", Map.of("platforms", List.of()));
        out.put("sorting", 0);
        out.put("layout", Json.object("layout", "side", "aggregateFunction", "average", "showID", true, "showName", true,
                "showAggregateScores", false, "countUnscored", false, "expandedSubtechniques", "annotated"));
        out.put("hideDisabled", false);
        out.put("techniques", List.copyOf(techniques));
        out.put("gradient", gradient);
        out.put("legendItems", List.copyOf(legend));
        out.put("metadata", List.of());
        out.put("links", List.of());
        out.put("showTacticRowBackground", false);
        out.put("tacticRowBackground", "#dddddd");
        out.put("selectTechniquesAcrossTactics", true);
        out.put("selectSubtechniquesWithParent", false);
        out.put("selectVisibleTechniques", false);
        return out;
    }
}
