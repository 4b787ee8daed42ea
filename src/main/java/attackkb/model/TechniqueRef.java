package attackkb.model;

/** A technique as linked from elsewhere: enough to name it and link to it. */
public record TechniqueRef(String id, String name) {}
