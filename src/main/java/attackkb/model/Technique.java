package attackkb.model;

import java.util.List;

/**
 * A technique or sub-technique with everything linked to it. {@code description} is ATT&CK's Markdown with
 * {@code (Citation: …)} markers, kept as is for rendering; the index derives plain text from it.
 * {@code revokedBy} is the ID of the current technique that replaced a revoked one. Linked objects are embedded
 * whole (a detection strategy with its analytics, a mitigation with its description), so that a technique's page
 * needs this record alone.
 */
public record Technique(
        String id,
        String name,
        String description,
        Status status,
        String revokedBy,
        List<String> domains,
        List<TacticRef> tactics,
        List<String> platforms,
        boolean subtechnique,
        TechniqueRef parent,
        List<TechniqueRef> subtechniques,
        List<MitigationUse> mitigations,
        List<DetectionStrategy> detections,
        List<String> dataComponents,
        List<Procedure> procedures,
        List<String> assets,
        List<ControlLink> controls,
        String controlMapping,
        String attackUrl,
        String version,
        String created,
        String modified,
        List<Reference> references,
        String stixId,
        List<RelatedTechnique> related) {

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** This technique with its control mappings; {@code mapping} is "mapped", "non_mappable" or null (no row). */
    public Technique withControls(List<ControlLink> links, String mapping) {
        return new Technique(id, name, description, status, revokedBy, domains, tactics, platforms, subtechnique, parent,
                subtechniques, mitigations, detections, dataComponents, procedures, assets, List.copyOf(links), mapping,
                attackUrl, version, created, modified, references, stixId, related);
    }

    /** This technique with the techniques most like it. */
    public Technique withRelated(List<RelatedTechnique> related) {
        return new Technique(id, name, description, status, revokedBy, domains, tactics, platforms, subtechnique, parent,
                subtechniques, mitigations, detections, dataComponents, procedures, assets, controls, controlMapping,
                attackUrl, version, created, modified, references, stixId, List.copyOf(related));
    }
}
