package attackkb.index;

import java.util.List;

/**
 * What a search hit shows of an entity, written once at index time into the {@link IndexSchema#HIT} doc values so
 * that a page of results reads twenty small records rather than twenty entities' stored text.
 *
 * @param framework the framework of a framework entry (its page is under it), else null
 * @param lead the start of the entity's description, for hits whose match gives no snippet
 * @param formerNames names it had in older releases, or those of the objects it replaced (null when none)
 */
public record HitRecord(
        String id,
        String type,
        String name,
        String status,
        List<String> domains,
        List<String> tactics,
        List<String> platforms,
        String parentId,
        String parentName,
        String framework,
        String lead,
        List<String> formerNames) {}
