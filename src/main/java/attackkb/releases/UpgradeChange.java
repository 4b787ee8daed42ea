package attackkb.releases;

import attackkb.model.TacticRef;
import java.util.List;

/**
 * One line of an upgrade's report. {@code id} is the technique as the input had it (a platform for
 * {@code platform_unknown}); {@code successor} the ID it has now when that differs; {@code tactic} the tactic
 * shortname of the layer entry the change is about; {@code merged} the input IDs whose entries became one.
 * Fields that do not apply are null (left out of the JSON).
 */
public record UpgradeChange(
        String id,
        UpgradeAction action,
        String tactic,
        String successor,
        String oldName,
        String newName,
        List<TacticRef> tacticsBefore,
        List<TacticRef> tacticsAfter,
        List<String> merged,
        String note) {

    /** The ID the technique has in the current release: its successor's, or its own. */
    public String currentId() {
        return successor != null ? successor : id;
    }

    static UpgradeChange of(String id, UpgradeAction action, String note) {
        return new UpgradeChange(id, action, null, null, null, null, null, null, null, note);
    }
}
