package attackkb.model;

import java.util.List;

/**
 * A technique as seen from an object related to it (a group, software, campaign or mitigation), with the
 * relationship's own description: how that group used it, or how that mitigation applies to it.
 */
public record TechniqueUse(String techniqueId, String techniqueName, String description, List<Reference> references) {}
