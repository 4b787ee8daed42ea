package attackkb.model;

import java.util.List;

/**
 * A framework entry as seen from a technique it is mapped to: the mapping's type, its score where the framework
 * scores ({@code protect}/{@code detect}/{@code respond} × {@code minimal}/{@code partial}/{@code significant}) and
 * its rationale ({@code comments}), the web pages it cites ({@code references}), and how the technique it was made
 * for stands now ({@code freshness}, whose {@code mapped_id} is the ID the mapping names; null when no release was
 * compared).
 */
public record ControlLink(String framework, String id, String title, String family, String mappingType,
        String scoreCategory, String scoreValue, String comments, List<String> references, MappingSource source,
        Freshness freshness) {}
