package attackkb.model;

import java.util.List;
import java.util.Map;

/**
 * Everything read from the ATT&CK bundles and the framework mappings, linked: what the index is built from.
 * {@code attackVersions} maps each domain (e.g. {@code enterprise-attack}) to its release (e.g. {@code 18.1}).
 */
public record KnowledgeBase(
        Map<String, String> attackVersions,
        List<Technique> techniques,
        List<Tactic> tactics,
        List<Mitigation> mitigations,
        List<DetectionStrategy> detections,
        List<Actor> actors,
        List<Control> controls,
        List<Framework> frameworks) {

    public KnowledgeBase withControls(List<Technique> linkedTechniques, List<Control> controls, List<Framework> frameworks) {
        return new KnowledgeBase(attackVersions, linkedTechniques, tactics, mitigations, detections, actors,
                List.copyOf(controls), List.copyOf(frameworks));
    }
}
