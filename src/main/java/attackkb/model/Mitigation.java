package attackkb.model;

import java.util.List;

/** A mitigation (STIX course-of-action) and the techniques it mitigates, each with its specific guidance. */
public record Mitigation(
        String id,
        String name,
        String description,
        Status status,
        List<String> domains,
        List<TechniqueUse> techniques,
        String attackUrl,
        String version,
        String created,
        String modified,
        List<Reference> references,
        String stixId) {}
