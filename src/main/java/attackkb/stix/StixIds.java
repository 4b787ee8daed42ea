package attackkb.stix;

import attackkb.model.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading ATT&CK's own identifiers and citations out of a STIX object's external references. */
final class StixIds {
    /** The source names under which ATT&CK publishes its IDs (T1204.003, M1045, …) and page URLs. */
    private static final Set<String> ATTACK_SOURCES = Set.of("mitre-attack", "mitre-mobile-attack", "mitre-ics-attack");

    /** Kill-chain names to the domain whose tactics they name. */
    static final Map<String, String> KILL_CHAIN_DOMAINS = Map.of(
            "mitre-attack", "enterprise-attack",
            "mitre-mobile-attack", "mobile-attack",
            "mitre-ics-attack", "ics-attack");

    private StixIds() {}

    static StixObject.ExternalReference attackReference(StixObject o) {
        if (o.externalReferences() == null) return null;
        for (var ref : o.externalReferences()) {
            if (ATTACK_SOURCES.contains(ref.sourceName()) && ref.externalId() != null) return ref;
        }
        return null;
    }

    static String attackId(StixObject o) {
        var ref = attackReference(o);
        return ref == null ? null : ref.externalId();
    }

    static String attackUrl(StixObject o) {
        var ref = attackReference(o);
        return ref == null ? null : ref.url();
    }

    /** Every reference except ATT&CK's own ID entry: the citations a description's markers point to. */
    static List<Reference> citations(List<StixObject.ExternalReference> refs) {
        if (refs == null || refs.isEmpty()) return List.of();
        var out = new ArrayList<Reference>(refs.size());
        for (var ref : refs) {
            if (ATTACK_SOURCES.contains(ref.sourceName()) && ref.externalId() != null) continue;
            out.add(new Reference(ref.sourceName(), ref.description(), ref.url()));
        }
        return List.copyOf(out);
    }
}
