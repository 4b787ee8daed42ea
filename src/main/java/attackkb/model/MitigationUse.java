package attackkb.model;

import java.util.List;

/**
 * A mitigation as applied to one technique: {@code guidance} is the technique-specific text carried on the
 * {@code mitigates} relationship (Markdown), which is usually more useful than the mitigation's general description.
 */
public record MitigationUse(String id, String name, String guidance, List<Reference> references) {}
