package attackkb.model;

import java.util.List;

/**
 * A tactic of one domain's matrix. {@code order} is its column in that matrix (0-based), so techniques
 * can be listed in the order ATT&CK shows them.
 */
public record Tactic(
        String id,
        String shortname,
        String name,
        String description,
        String domain,
        int order,
        String attackUrl,
        String version,
        String created,
        String modified,
        List<Reference> references,
        String stixId) {

    public TacticRef ref() {
        return new TacticRef(id, shortname, name);
    }
}
