package attackkb.mapping;

import java.util.List;

/**
 * What became of one mapping file's rows: linked to a current technique (directly, or through the technique that
 * replaced a revoked one), marked non-mappable, incomplete (no technique, or no control this index can link), or
 * unresolved because the technique no longer exists. The four add up to {@code rows}.
 */
public record MappingReport(
        String origin,
        String framework,
        String revision,
        String attackVersion,
        int rows,
        int mapped,
        int followedRevoked,
        int nonMappable,
        int incomplete,
        int unresolved,
        List<String> unresolvedIds) {}
