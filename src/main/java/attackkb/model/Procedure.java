package attackkb.model;

import java.util.List;

/** A procedure example on a technique: which group, software or campaign used it, and how. */
public record Procedure(
        String sourceId, EntityType sourceType, String sourceName, String description, List<Reference> references) {}
