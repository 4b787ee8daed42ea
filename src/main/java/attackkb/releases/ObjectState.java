package attackkb.releases;

import attackkb.model.TacticRef;
import java.util.List;

/**
 * One ATT&CK object as one release has it: what the changes between releases are computed from. Objects are the
 * same across releases when their STIX IDs are (a renamed technique keeps its STIX ID; a re-IDed one is a new object
 * that revokes the old). {@code successor} is the ATT&CK ID of the active object that replaced a revoked one, chains
 * followed within this release; {@code parent} is a sub-technique's parent ID.
 */
public record ObjectState(
        String id,
        String stixId,
        String type,
        String name,
        String status,
        String successor,
        List<String> domains,
        List<TacticRef> tactics,
        List<String> platforms,
        String parent,
        String version,
        String modified,
        List<String> mitigations,
        List<String> detections,
        String description) {

    public boolean active() {
        return "active".equals(status);
    }

    public boolean revoked() {
        return "revoked".equals(status);
    }

    public boolean deprecated() {
        return "deprecated".equals(status);
    }

    public List<String> tacticIds() {
        return tactics.stream().map(TacticRef::id).toList();
    }
}
