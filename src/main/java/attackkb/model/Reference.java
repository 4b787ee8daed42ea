package attackkb.model;

/** A citation: {@code (Citation: sourceName)} markers in a description point to one of these by name. */
public record Reference(String sourceName, String description, String url) {}
