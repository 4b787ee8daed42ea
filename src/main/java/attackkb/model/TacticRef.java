package attackkb.model;

/** A tactic as seen from a technique: enough to link to it and label it. */
public record TacticRef(String id, String shortname, String name) {}
