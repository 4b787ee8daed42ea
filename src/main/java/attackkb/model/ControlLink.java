package attackkb.model;

/**
 * A framework entry as seen from a technique it is mapped to: the mapping's type, its score where the framework
 * scores ({@code protect}/{@code detect}/{@code respond} × {@code minimal}/{@code partial}/{@code significant}) and
 * its rationale ({@code comments}).
 */
public record ControlLink(String framework, String id, String title, String family, String mappingType,
        String scoreCategory, String scoreValue, String comments, MappingSource source) {}
