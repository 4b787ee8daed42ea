package attackkb.releases;

import attackkb.model.TacticRef;
import java.util.List;

/**
 * What happened to one object between two releases. {@code id} and {@code name} are the newer release's (the older
 * one's for a removed object); {@code oldId} and {@code oldName} are set when they differ; {@code successor} is set for
 * a revoked object, and {@code successorBefore} for one revoked in both releases whose successor changed. Lists of
 * added and dropped IDs are empty when nothing was added or dropped.
 */
public record Change(
        String id,
        String stixId,
        String type,
        List<String> domains,
        String name,
        List<ChangeCategory> categories,
        String oldId,
        String oldName,
        String successor,
        String successorName,
        String successorBefore,
        List<TacticRef> tacticsBefore,
        List<TacticRef> tacticsAfter,
        List<String> platformsBefore,
        List<String> platformsAfter,
        String parentBefore,
        String parentAfter,
        String versionBefore,
        String versionAfter,
        List<String> mitigationsAdded,
        List<String> mitigationsDropped,
        List<String> detectionsAdded,
        List<String> detectionsDropped) {

    public boolean has(ChangeCategory category) {
        return categories.contains(category);
    }

    /** The first category: the one a change is coloured and sorted by. */
    public ChangeCategory primary() {
        return categories.get(0);
    }
}
