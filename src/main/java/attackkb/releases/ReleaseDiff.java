package attackkb.releases;

import attackkb.model.EntityType;
import attackkb.model.TacticRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Computes what changed between two releases, object by object, matched by STIX ID. */
public final class ReleaseDiff {
    private static final String CITATION = "(Citation:";
    private static final List<String> TYPE_ORDER = List.of(EntityType.TECHNIQUE.key(), EntityType.TACTIC.key(),
            EntityType.MITIGATION.key(), EntityType.DETECTION.key(), EntityType.GROUP.key(), EntityType.SOFTWARE.key(),
            EntityType.CAMPAIGN.key());

    /** Techniques first, then by how much the change matters, then by ID. */
    public static final Comparator<Change> ORDER = Comparator
            .comparingInt((Change c) -> typeRank(c.type()))
            .thenComparing(Change::primary)
            .thenComparing(Change::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private ReleaseDiff() {}

    public static List<Change> between(ReleaseSnapshot from, ReleaseSnapshot to) {
        List<Change> changes = new ArrayList<>();
        for (ObjectState now : to.objects()) {
            ObjectState before = from.byStixId(now.stixId());
            Change change = before == null ? added(now) : compare(before, now, to);
            if (change != null) changes.add(change);
        }
        for (ObjectState before : from.objects()) {
            if (before.active() && to.byStixId(before.stixId()) == null) {
                changes.add(change(before, before, EnumSet.of(ChangeCategory.REMOVED), null, null, null));
            }
        }
        changes.sort(ORDER);
        return List.copyOf(changes);
    }

    /** An object new in a release: added when it is active, else no change. */
    static Change added(ObjectState now) {
        return now.active() ? change(now, now, EnumSet.of(ChangeCategory.ADDED), null, null, null) : null;
    }

    /**
     * The change of one object present in both releases, or null when nothing that is tracked changed. An object
     * revoked in both changed only if what replaces it did: T1009, revoked by T1003, leads to T1004 once T1003 is
     * revoked by T1004, and a mapping still naming T1009 must follow it there.
     */
    static Change compare(ObjectState before, ObjectState now, ReleaseSnapshot to) {
        if (before.revoked()) {
            if (!now.revoked() || now.successor() == null || now.successor().equals(before.successor())) return null;
            return change(before, now, EnumSet.of(ChangeCategory.SUCCESSOR_CHANGED), now.successor(),
                    nameOf(to, now.type(), now.successor()), before.successor());
        }
        if (now.revoked()) {
            return change(before, now, EnumSet.of(ChangeCategory.REVOKED), now.successor(),
                    nameOf(to, now.type(), now.successor()), null);
        }
        if (now.deprecated()) {
            return before.deprecated() ? null : change(before, now, EnumSet.of(ChangeCategory.DEPRECATED), null, null, null);
        }
        Set<ChangeCategory> categories = categories(before, now);
        return categories.isEmpty() ? null : change(before, now, categories, null, null, null);
    }

    private static String nameOf(ReleaseSnapshot release, String type, String id) {
        ObjectState o = release.byId(type, id);
        return o == null ? null : o.name();
    }

    /** The categories of change between two active states of one object. */
    public static Set<ChangeCategory> categories(ObjectState before, ObjectState now) {
        Set<ChangeCategory> categories = EnumSet.noneOf(ChangeCategory.class);
        if (!Objects.equals(before.name(), now.name())) categories.add(ChangeCategory.RENAMED);
        if (!Objects.equals(before.id(), now.id()) || !Objects.equals(before.parent(), now.parent())) {
            categories.add(ChangeCategory.MOVED);
        }
        if (!new HashSet<>(before.tacticIds()).equals(new HashSet<>(now.tacticIds()))) {
            categories.add(ChangeCategory.TACTICS_CHANGED);
        }
        if (!new HashSet<>(before.platforms()).equals(new HashSet<>(now.platforms()))) {
            categories.add(ChangeCategory.PLATFORMS_CHANGED);
        }
        if (!Objects.equals(before.version(), now.version())) {
            categories.add(Objects.equals(ReleaseOrder.major(before.version()), ReleaseOrder.major(now.version()))
                    ? ChangeCategory.MINOR_VERSION : ChangeCategory.MAJOR_VERSION);
        }
        // Most descriptions are the same string in both releases (shared when read): compare the text only when not.
        if (!Objects.equals(before.description(), now.description())
                && !plainText(before.description()).equals(plainText(now.description()))) {
            categories.add(ChangeCategory.DESCRIPTION_CHANGED);
        }
        if (!before.mitigations().equals(now.mitigations())) categories.add(ChangeCategory.MITIGATIONS_CHANGED);
        if (!before.detections().equals(now.detections())) categories.add(ChangeCategory.DETECTIONS_CHANGED);
        return categories;
    }

    /** A description as compared: without citation markers, spaces collapsed. */
    public static String plainText(String markdown) {
        if (markdown == null) return "";
        StringBuilder text = new StringBuilder(markdown.length());
        boolean space = false;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '(' && markdown.startsWith(CITATION, i)) {
                int end = markdown.indexOf(')', i);
                if (end > 0) {
                    i = end;
                    continue;
                }
            }
            if (Character.isWhitespace(c)) {
                space = text.length() > 0;
                continue;
            }
            if (space) text.append(' ');
            space = false;
            text.append(c);
        }
        return text.toString();
    }

    private static Change change(ObjectState before, ObjectState now, Set<ChangeCategory> categories, String successor,
            String successorName, String successorBefore) {
        boolean both = before != now;
        return new Change(now.id(), now.stixId(), now.type(), now.domains(), now.name(), List.copyOf(categories),
                both && !Objects.equals(before.id(), now.id()) ? before.id() : null,
                both && !Objects.equals(before.name(), now.name()) ? before.name() : null,
                successor, successorName, successorBefore,
                both ? before.tactics() : List.<TacticRef>of(), now.tactics(),
                both ? before.platforms() : List.of(), now.platforms(),
                both ? before.parent() : null, now.parent(),
                both ? before.version() : null, now.version(),
                minus(now.mitigations(), both ? before.mitigations() : now.mitigations()),
                minus(both ? before.mitigations() : now.mitigations(), now.mitigations()),
                minus(now.detections(), both ? before.detections() : now.detections()),
                minus(both ? before.detections() : now.detections(), now.detections()));
    }

    private static List<String> minus(List<String> a, List<String> b) {
        if (a.equals(b)) return List.of();
        Set<String> drop = new HashSet<>(b);
        return a.stream().filter(x -> !drop.contains(x)).toList();
    }

    private static int typeRank(String type) {
        int rank = TYPE_ORDER.indexOf(type);
        return rank < 0 ? TYPE_ORDER.size() : rank;
    }
}
