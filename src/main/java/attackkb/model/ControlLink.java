package attackkb.model;

/** A control as seen from a technique it mitigates, with the mapping's rationale ({@code comments}). */
public record ControlLink(String id, String title, String family, String mappingType, String comments, MappingSource source) {}
