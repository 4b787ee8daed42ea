package attackkb.model;

import java.util.List;

/** A technique as seen from a control that mitigates it, with the mapping's rationale. */
public record ControlTechnique(
        String techniqueId, String techniqueName, List<TacticRef> tactics, String mappingType, String comments) {}
