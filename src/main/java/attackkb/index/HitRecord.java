package attackkb.index;

import java.util.List;

/**
 * What a search hit shows of an entity, written once at index time into the {@link IndexSchema#HIT} doc values so
 * that a page of results reads twenty small records rather than twenty entities' stored text.
 *
 * @param framework the framework of a framework entry (its page is under it), else null
 * @param lead the start of the entity's description, for hits whose match gives no snippet
 * @param formerNames names it had in older releases, or those of the objects it replaced (null when none)
 * @param current in an older release's index, what became of the object (the same STIX ID) in the current release;
 *     null in the current release's
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
        List<String> formerNames,
        Current current) {

    /**
     * An object of an older release as the current release has it: {@code status} is active, deprecated, revoked or
     * removed (no longer in the current release: then nothing else is set); a revoked one names the active object that
     * replaced it.
     */
    public record Current(String status, String id, String name, String successor, String successorName) {
        public static final String REMOVED = "removed";

        public boolean removed() {
            return REMOVED.equals(status);
        }
    }
}
