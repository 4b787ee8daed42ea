package attackkb.releases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What an upgrade did. {@code input} is "layer" or "id_list"; {@code declaredRelease} the release the layer said (or
 * the {@code from} given, {@code releaseSource} says which), {@code from} the release held that the layer was compared
 * with (null when none is: then only revocations are known, from {@code to}, the current release); {@code counts}
 * has one count per action that occurred, in the order of {@link UpgradeAction}; {@code notes} says what could not be
 * told and why.
 */
public record UpgradeReport(
        String input,
        String declaredRelease,
        String releaseSource,
        String from,
        String to,
        String domain,
        int entriesIn,
        int entriesOut,
        Map<String, Integer> counts,
        List<UpgradeChange> changes,
        List<String> notes) {

    /** Whether the layer was compared with its own release: renames and tactic changes are known. */
    @JsonProperty("release_held")
    public boolean releaseHeld() {
        return from != null;
    }
}
