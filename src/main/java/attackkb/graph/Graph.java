package attackkb.graph;

import java.util.List;

/**
 * An entity's neighbourhood as nodes and edges, what {@code /api/graph/{id}} answers and the graph page draws.
 * Node IDs are ATT&CK IDs (T1204.003, M1045, DET0248, AN0680, DC0021, G0139, TA0002) or, for a framework entry,
 * {@code framework:id} ({@code nist_800_53:AC-4}); an aggregate "+N more" node is {@code more:…}.
 */
public record Graph(String center, int depth, List<Node> nodes, List<Edge> edges, List<Truncation> truncated) {

    /**
     * @param kind technique, tactic, mitigation, detection, analytic, data_component, group, software, campaign,
     *     control or more
     * @param expandable whether {@code /api/graph/{id}} answers for it, so the page can add its neighbours
     */
    public record Node(String id, String kind, String label, String name, String url, boolean expandable, String framework) {}

    /**
     * @param kind tactic, subtechnique, mitigates, detects, analytic, log_source, uses or mapped; {@code source} acts
     *     on {@code target} (M1045 mitigates T1204.003; T1204.003 is a sub-technique of T1204)
     * @param label a short qualifier shown on the edge (a mapping's "protect · significant")
     * @param detail longer text shown on demand (the technique-specific guidance of a mitigation)
     */
    public record Edge(String source, String target, String kind, String label, String detail) {}

    /** Of {@code total} neighbours of {@code node} of this kind, {@code shown} are nodes; the rest are one "+N more" node. */
    public record Truncation(String node, String kind, int shown, int total) {}
}
