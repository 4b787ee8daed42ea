package attackkb.model;

import java.util.List;

/** One platform-specific analytic (AN…) of a detection strategy. */
public record Analytic(
        String id,
        String name,
        String description,
        List<String> platforms,
        List<LogSource> logSources,
        List<MutableElement> mutableElements,
        String attackUrl) {}
