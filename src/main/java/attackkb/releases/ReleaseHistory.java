package attackkb.releases;

import attackkb.model.EntityType;
import attackkb.model.Freshness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every release held, oldest first; the last is the current one, the one the index searches. Answers what changed
 * between two of them (computed once per pair), one object's history, and how fresh a mapping made for one of them
 * is now.
 */
public final class ReleaseHistory {
    private final List<ReleaseSnapshot> releases;
    private final Map<String, List<Change>> changes = new ConcurrentHashMap<>();

    public ReleaseHistory(List<ReleaseSnapshot> releases) {
        if (releases.isEmpty()) throw new IllegalArgumentException("no release");
        this.releases = releases.stream().sorted(Comparator.comparing(ReleaseSnapshot::version,
                ReleaseOrder.OLDEST_FIRST)).toList();
    }

    public List<ReleaseSnapshot> releases() {
        return releases;
    }

    public List<String> versions() {
        return releases.stream().map(ReleaseSnapshot::version).toList();
    }

    public ReleaseSnapshot current() {
        return releases.get(releases.size() - 1);
    }

    public Optional<ReleaseSnapshot> release(String version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    /** What changed from one held release to a later one; throws if either is not held or they are out of order. */
    public List<Change> changes(String from, String to) {
        ReleaseSnapshot older = release(from).orElseThrow(() -> notHeld(from));
        ReleaseSnapshot newer = release(to).orElseThrow(() -> notHeld(to));
        if (ReleaseOrder.OLDEST_FIRST.compare(from, to) >= 0) {
            throw new IllegalArgumentException("the first release must be older than the second: " + from + " is not older than " + to);
        }
        String key = from + "..." + to;
        List<Change> known = changes.get(key);
        if (known != null) return known;
        List<Change> computed = ReleaseDiff.between(older, newer);
        List<Change> first = changes.putIfAbsent(key, computed);
        return first != null ? first : computed;
    }

    private IllegalArgumentException notHeld(String version) {
        return new IllegalArgumentException("ATT&CK " + version + " is not held; releases held: " + String.join(", ", versions()));
    }

    /** The object with this STIX ID in every release that has it; empty steps when none does. */
    public ObjectHistory history(String stixId) {
        List<ObjectHistory.Step> steps = new ArrayList<>();
        ObjectState previous = null;
        boolean seenBefore = false;
        for (int i = 0; i < releases.size(); i++) {
            ObjectState state = releases.get(i).byStixId(stixId);
            if (state == null) {
                previous = null;
                continue;
            }
            Change change = previous == null
                    ? (i > 0 && !seenBefore && state.active() ? ReleaseDiff.added(state) : null)
                    : ReleaseDiff.compare(previous, state, releases.get(i));
            steps.add(new ObjectHistory.Step(releases.get(i).version(), state, change, !seenBefore));
            seenBefore = true;
            previous = state;
        }
        ObjectState last = steps.isEmpty() ? null : steps.get(steps.size() - 1).state();
        Set<String> names = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ObjectHistory.Step s : steps) {
            if (last != null && !s.state().name().equals(last.name())) names.add(s.state().name());
            if (last != null && s.state().id() != null && !s.state().id().equals(last.id())) ids.add(s.state().id());
        }
        return new ObjectHistory(stixId, List.copyOf(steps), List.copyOf(names), List.copyOf(ids));
    }

    /**
     * The objects of the current release revoked in favour of the object of this type and ID, directly or through a
     * chain (T1009 → T1003 → T1004), in ID order. Revoked objects stay in every later release, so the current one has
     * them all.
     */
    public List<ObjectState> replacedBy(String type, String id) {
        if (id == null) return List.of();
        return current().objects().stream()
                .filter(o -> o.revoked() && o.type().equals(type) && id.equalsIgnoreCase(o.successor()))
                .sorted(Comparator.comparing(ObjectState::id, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * The names each current object was known by before, by its STIX ID: its own older names, and the names of the
     * objects it replaced (T1574.001 "DLL" was also "DLL Side-Loading", the name of the T1574.002 it revoked).
     */
    public Map<String, List<String>> formerNames() {
        ReleaseSnapshot current = current();
        Map<String, Set<String>> names = new java.util.HashMap<>();
        for (ReleaseSnapshot release : releases) {
            for (ObjectState old : release.objects()) {
                if (old.revoked() && release != current && current.byStixId(old.stixId()) != null) continue;
                ObjectState now = current.byStixId(old.stixId());
                if (now != null && now.revoked()) now = current.byId(now.type(), now.successor());
                else if (now == null && old.revoked()) now = current.byId(old.type(), old.successor());
                if (now == null || !now.active() || old.name() == null || old.name().equalsIgnoreCase(now.name())) continue;
                names.computeIfAbsent(now.stixId(), k -> new LinkedHashSet<>()).add(old.name());
            }
        }
        Map<String, List<String>> lists = new java.util.HashMap<>();
        names.forEach((stixId, set) -> lists.put(stixId, List.copyOf(set)));
        return lists;
    }

    /**
     * How a mapping to technique {@code mappedId}, made for ATT&CK {@code mappedRelease}, stands in the current
     * release. A revocation or deprecation is known from the current release alone; other changes need the
     * mapping's release, and only material ones ({@link ChangeCategory#material()}) make it changed. The technique
     * is named as the mapping's release named it, or as the current release names a revoked or deprecated one.
     */
    public Freshness freshness(String mappedRelease, String mappedId) {
        String technique = EntityType.TECHNIQUE.key();
        ReleaseSnapshot current = current();
        ObjectState now = current.byId(technique, mappedId);
        ReleaseSnapshot then = release(mappedRelease).orElse(null);
        ObjectState before = then == null ? null : then.byId(technique, mappedId);
        ObjectState after = before == null ? now : current.byStixId(before.stixId());
        String name = before != null ? before.name() : after != null && !after.active() ? after.name() : null;
        if (after != null && after.revoked()) {
            return new Freshness(Freshness.REVOKED, mappedRelease, mappedId, name, after.successor(), List.of());
        }
        if (after != null && after.deprecated()) {
            return new Freshness(Freshness.DEPRECATED, mappedRelease, mappedId, name, null, List.of());
        }
        if (before == null || after == null || before.revoked()) {
            return new Freshness(Freshness.UNKNOWN, mappedRelease, mappedId, name, null, List.of());
        }
        List<String> material = ReleaseDiff.categories(before, after).stream().filter(ChangeCategory::material)
                .map(ChangeCategory::key).toList();
        return new Freshness(material.isEmpty() ? Freshness.CURRENT : Freshness.CHANGED, mappedRelease, mappedId, name,
                null, material);
    }
}
