package attackkb.web.pages;

import attackkb.graph.Graph;
import java.util.List;
import java.util.Map;

/**
 * {@code /graph/{id}}: an entity's neighbourhood, drawn by graph.js from {@code apiUrl}, and listed by kind for
 * browsers without JavaScript.
 *
 * @param truncations what the graph folded, in words ("12 of 22 software")
 * @param kinds node kinds to their names, in legend order; {@code edgeKinds} likewise for the edge toggles
 */
record GraphPage(String title, Graph graph, Graph.Node center, List<NodeGroup> groups, String apiUrl,
        List<String> truncations, Map<String, String> kinds, Map<String, String> edgeKinds) {

    /** The centre's neighbours of one kind, under that kind's name. */
    record NodeGroup(String label, List<Graph.Node> nodes) {}
}
