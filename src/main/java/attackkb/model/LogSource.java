package attackkb.model;

/** Where an analytic looks: a log source name and channel, and the data component they belong to. */
public record LogSource(String dataComponentId, String dataComponent, String name, String channel) {}
