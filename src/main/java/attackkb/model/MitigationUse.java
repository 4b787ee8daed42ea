package attackkb.model;

import java.util.List;

/**
 * A mitigation as applied to one technique. {@code guidance} is the technique-specific text carried on the
 * {@code mitigates} relationship (Markdown), usually more useful than the mitigation's general {@code description};
 * {@code references} are the citations of the guidance.
 */
public record MitigationUse(String id, String name, String description, String guidance, List<Reference> references) {}
