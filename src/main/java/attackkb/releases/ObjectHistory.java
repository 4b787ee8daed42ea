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

    /** The first release held in which the object has this status ("revoked", "deprecated"), or null. */
    public Step firstWith(String status) {
        return steps.stream().filter(s -> status.equals(s.state().status())).findFirst().orElse(null);
    }
}
