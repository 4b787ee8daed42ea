package attackkb.model;

/** A technique's link to a detection strategy that detects it. */
public record DetectionRef(String id, String name) {}
