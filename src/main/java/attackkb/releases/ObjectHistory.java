package attackkb.releases;

import java.util.List;

/**
 * One object across the releases held, oldest first: each release it appears in, with what changed since the
 * release before it ({@code change} is null for the first release held and when nothing tracked changed).
 * {@code formerNames} and {@code formerIds} are those it had in older releases and no longer has.
 */
public record ObjectHistory(String stixId, List<Step> steps, List<String> formerNames, List<String> formerIds) {

    /** The object in one release: its state there and the change that led to it. */
    public record Step(String release, ObjectState state, Change change, boolean firstSeen) {}

    /**
     * When the object came to have a status ("revoked", "deprecated"): the first held release in which it has it, and
     * whether that is the oldest release held, which cannot tell whether it happened in that release or earlier.
     */
    public record Since(String release, boolean orEarlier) {}

    /** The first release held in which the object has this status ("revoked", "deprecated"), or null. */
    public Step firstWith(String status) {
        return steps.stream().filter(s -> status.equals(s.state().status())).findFirst().orElse(null);
    }

    /**
     * When the object came to have this status, as far as the releases held tell ({@code oldestHeld} is the oldest of
     * them); null when it never had it.
     */
    public Since since(String status, String oldestHeld) {
        Step first = firstWith(status);
        if (first == null) return null;
        return new Since(first.release(), first == steps.get(0) && first.release().equals(oldestHeld));
    }

    /** The releases the object appears in, oldest first. */
    public List<String> releases() {
        return steps.stream().map(Step::release).toList();
    }

    /** The object as the newest release that has it has it, or null when none does. */
    public ObjectState last() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1).state();
    }
}
