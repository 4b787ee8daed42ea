package attackkb.model;

import java.util.List;

/** A detection strategy (DET…): the v18 way ATT&CK describes how to detect techniques, through its analytics. */
public record DetectionStrategy(
        String id,
        String name,
        Status status,
        List<String> domains,
        List<Analytic> analytics,
        List<String> techniqueIds,
        String attackUrl,
        String version,
        String created,
        String modified,
        String stixId) {}
