package attackkb.model;

import java.util.List;

/**
 * A framework entry as seen from a technique it is mapped to: the mapping's type, its score where the framework
 * scores ({@code protect}/{@code detect}/{@code respond} × {@code minimal}/{@code partial}/{@code significant}) and
 * its rationale ({@code comments}) and the web pages it cites ({@code references}).
 */
public record ControlLink(String framework, String id, String title, String family, String mappingType,
        String scoreCategory, String scoreValue, String comments, List<String> references, MappingSource source) {}
