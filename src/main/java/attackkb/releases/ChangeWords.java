package attackkb.releases;

import attackkb.model.EntityType;
import attackkb.model.TacticRef;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to an object between two releases, in short sentences a reader takes in at a glance: "Renamed from
 * Browser Extensions", "Tactics: Defense Evasion → Defense Evasion, Persistence", "Revoked by T1574.001 DLL". The
 * objects a sentence names (a successor, a parent, mitigations and detections) are named as their release names them.
 */
public final class ChangeWords {
    /** A data component: before detection strategies (ATT&CK 18) techniques were detected by these. */
    private static final String DATA_COMPONENT = "DC: ";

    /** An object a sentence points at, to link where it is shown: its type, ID and how it reads. */
    public record Ref(String type, String id, String label) {}

    /** One sentence: {@code text}, then {@code ref} (if any) as a link, then {@code tail}. */
    public record Fact(String text, Ref ref, String tail) {
        /** The sentence as plain text, for a comment or a CSV cell. */
        public String plain() {
            return ref == null ? text + tail : text + ref.label() + tail;
        }
    }

    private ChangeWords() {}

    /** The sentences of {@code change}, from {@code from} to {@code to}, in the order of its categories. */
    public static List<Fact> of(Change change, ReleaseSnapshot from, ReleaseSnapshot to) {
        return of(change, from, to, List.of());
    }

    /**
     * The sentences of {@code change}, and first, when {@code replaced} names the changes of objects revoked in its
     * favour between the two releases, which ones it replaces: T1574.001 "DLL" replaces T1574.002 "DLL Side-Loading".
     */
    public static List<Fact> of(Change change, ReleaseSnapshot from, ReleaseSnapshot to, List<Change> replaced) {
        List<Fact> facts = new ArrayList<>();
        if (!replaced.isEmpty()) {
            facts.add(text("Replaces " + String.join(", ", replaced.stream().map(r -> r.id() + " " + r.name()).toList())
                    + ", revoked in ATT&CK " + to.version()));
        }
        for (ChangeCategory category : change.categories()) {
            switch (category) {
                case ADDED -> added(change, to, facts);
                case REVOKED -> facts.add(change.successor() == null
                        ? text("Revoked, with no successor named")
                        : new Fact("Revoked by ", ref(to, change.type(), change.successor(), change.successorName()), ""));
                case SUCCESSOR_CHANGED -> facts.add(new Fact("Revoked earlier; now replaced by ",
                        ref(to, change.type(), change.successor(), change.successorName()),
                        change.successorBefore() == null ? ""
                                : " (was " + label(from, change.type(), change.successorBefore()) + ")"));
                case DEPRECATED -> facts.add(text("Deprecated in ATT&CK " + to.version()));
                case REMOVED -> facts.add(text("No longer in ATT&CK " + to.version()));
                case RENAMED -> facts.add(text("Renamed from " + change.oldName()));
                case MOVED -> moved(change, from, to, facts);
                case TACTICS_CHANGED -> facts.add(text("Tactics: " + tactics(change.tacticsBefore()) + " → "
                        + tactics(change.tacticsAfter()) + difference(names(change.tacticsBefore()), names(change.tacticsAfter()))));
                case PLATFORMS_CHANGED -> facts.add(text("Platforms: " + list(change.platformsBefore()) + " → "
                        + list(change.platformsAfter()) + difference(change.platformsBefore(), change.platformsAfter())));
                case MAJOR_VERSION, MINOR_VERSION -> facts.add(text("Version " + change.versionBefore() + " → "
                        + change.versionAfter()));
                case DESCRIPTION_CHANGED -> facts.add(text("Description changed"));
                case MITIGATIONS_CHANGED -> {
                    listed("Mitigations added: ", change.mitigationsAdded(), EntityType.MITIGATION, to, facts);
                    listed("Mitigations dropped: ", change.mitigationsDropped(), EntityType.MITIGATION, from, facts);
                }
                case DETECTIONS_CHANGED -> {
                    listed("Detections added: ", change.detectionsAdded(), EntityType.DETECTION, to, facts);
                    listed("Detections dropped: ", change.detectionsDropped(), EntityType.DETECTION, from, facts);
                }
            }
        }
        return List.copyOf(facts);
    }

    /** A new technique's place: its parent, tactics and platforms. Other new objects need no more than their name. */
    private static void added(Change change, ReleaseSnapshot to, List<Fact> facts) {
        if (!EntityType.TECHNIQUE.key().equals(change.type())) return;
        if (change.parentAfter() != null) {
            facts.add(new Fact("Sub-technique of ", ref(to, change.type(), change.parentAfter(), null), ""));
        }
        if (!change.tacticsAfter().isEmpty()) facts.add(text("Tactics: " + tactics(change.tacticsAfter())));
        if (!change.platformsAfter().isEmpty()) facts.add(text("Platforms: " + list(change.platformsAfter())));
    }

    private static void moved(Change change, ReleaseSnapshot from, ReleaseSnapshot to, List<Fact> facts) {
        if (change.oldId() != null) facts.add(text("ID changed from " + change.oldId()));
        String before = change.parentBefore();
        String after = change.parentAfter();
        if (java.util.Objects.equals(before, after)) return;
        if (after == null) {
            facts.add(text("No longer a sub-technique of " + label(from, change.type(), before)));
        } else if (before == null) {
            facts.add(new Fact("Now a sub-technique of ", ref(to, change.type(), after, null), ""));
        } else {
            facts.add(new Fact("Parent: " + label(from, change.type(), before) + " → ", ref(to, change.type(), after, null), ""));
        }
    }

    /** "Detections added: DET0092 Name; data components Process Creation, File Creation". */
    private static void listed(String text, List<String> ids, EntityType type, ReleaseSnapshot release, List<Fact> facts) {
        if (ids.isEmpty()) return;
        List<String> objects = new ArrayList<>();
        List<String> components = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith(DATA_COMPONENT)) components.add(id.substring(DATA_COMPONENT.length()));
            else objects.add(label(release, type.key(), id));
        }
        List<String> parts = new ArrayList<>();
        if (!objects.isEmpty()) parts.add(String.join(", ", objects));
        if (!components.isEmpty()) {
            parts.add((components.size() == 1 ? "data component " : "data components ") + String.join(", ", components));
        }
        facts.add(text(text + String.join("; ", parts)));
    }

    private static Fact text(String text) {
        return new Fact(text, null, "");
    }

    private static Ref ref(ReleaseSnapshot release, String type, String id, String name) {
        return new Ref(type, id, name != null ? id + " " + name : label(release, type, id));
    }

    /** An object as "ID name", named as {@code release} names it; the ID alone when the release does not hold it. */
    private static String label(ReleaseSnapshot release, String type, String id) {
        ObjectState o = release.byId(type, id);
        return o == null || o.name() == null ? id : id + " " + o.name();
    }

    private static String tactics(List<TacticRef> tactics) {
        return list(names(tactics));
    }

    private static List<String> names(List<TacticRef> tactics) {
        return tactics.stream().map(TacticRef::name).toList();
    }

    /** What a list gained and lost, when it kept something: " (added Persistence)"; "" when all of it changed. */
    private static String difference(List<String> before, List<String> after) {
        List<String> added = after.stream().filter(v -> !before.contains(v)).toList();
        List<String> dropped = before.stream().filter(v -> !after.contains(v)).toList();
        if (added.size() == after.size() && dropped.size() == before.size()) return "";
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) parts.add("added " + String.join(", ", added));
        if (!dropped.isEmpty()) parts.add("dropped " + String.join(", ", dropped));
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
