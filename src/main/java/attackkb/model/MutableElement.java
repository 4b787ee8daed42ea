package attackkb.model;

/** A field of an analytic that defenders are expected to tune to their environment. */
public record MutableElement(String field, String description) {}
