package attackkb.web.pages;

import attackkb.graph.Graph;
import attackkb.graph.Neighbourhood;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Links;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /graph/{id}}: an entity's neighbourhood drawn by graph.js, and as grouped lists without JavaScript. */
public final class GraphPages {
    /** How the page names each kind of node, in legend order; also the no-JavaScript lists' headings. */
    static final Map<String, String> KINDS = orderedMap(
            "technique", "Technique", "tactic", "Tactic", "mitigation", "Mitigation", "detection", "Detection strategy",
            "analytic", "Analytic", "data_component", "Data component", "group", "Group", "software", "Software",
            "campaign", "Campaign", "control", "Framework entry", "more", "More (aggregated)");
    /** Edge kinds, which the page can hide, in toggle order. */
    static final Map<String, String> EDGES = orderedMap(
            "tactic", "tactic", "subtechnique", "sub-technique of", "mitigates", "mitigates", "detects", "detects",
            "analytic", "analytic of", "log_source", "log source", "uses", "uses", "attributed", "attributed to", "mapped", "mapped to", "more", "more");

    private final Supplier<ServedGeneration> live;
    private final PageRenderer view;

    public GraphPages(Supplier<ServedGeneration> live, PageRenderer view) {
        this.live = live;
        this.view = view;
    }

    public void graph(Context ctx) {
        String id = ctx.pathParam("id");
        Graph g = new Neighbourhood(live.get().entities()).of(id, 1).orElse(null);
        if (g == null) {
            view.notFound(ctx, "entity", id);
            return;
        }
        Graph.Node center = g.nodes().stream().filter(n -> n.id().equals(g.center())).findFirst().orElseThrow();
        view.render(ctx, "graph", new GraphPage("Graph of " + center.label() + (center.name() == null ? "" : " " + center.name()),
                g, center, byKind(g), Links.graphApi(g.center()), truncations(g), KINDS, EDGES));
    }

    /** What the page says it folded: "12 of 16 NIST SP 800-53 entries", "12 of 22 software". */
    static List<String> truncations(Graph g) {
        return g.truncated().stream().map(t -> t.shown() + " of " + t.total() + " " + (t.kind().startsWith("control:")
                ? attackkb.mapping.FrameworkNames.name(t.kind().substring("control:".length())) + " entries"
                : "software".equals(t.kind()) ? "software" : t.kind() + "s")).toList();
    }

    /** For the page without JavaScript: the centre's neighbours grouped by kind, in legend order. */
    static List<GraphPage.NodeGroup> byKind(Graph g) {
        Map<String, List<Graph.Node>> groups = new LinkedHashMap<>();
        KINDS.keySet().forEach(k -> groups.put(k, new ArrayList<>()));
        for (Graph.Node n : g.nodes()) if (!n.id().equals(g.center())) groups.get(n.kind()).add(n);
        return groups.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new GraphPage.NodeGroup(KINDS.get(e.getKey()), List.copyOf(e.getValue()))).toList();
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(map);
    }
}
