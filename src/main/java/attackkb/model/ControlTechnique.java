package attackkb.model;

import java.util.List;

/**
 * A technique as seen from a framework entry mapped to it, with the mapping's type, score, rationale, references and
 * freshness (see {@link ControlLink}).
 */
public record ControlTechnique(String techniqueId, String techniqueName, List<TacticRef> tactics, String mappingType,
        String scoreCategory, String scoreValue, String comments, List<String> references, Freshness freshness) {}
