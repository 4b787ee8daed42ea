package attackkb.web.pages;

import attackkb.model.EntityType;
import attackkb.model.TacticRef;
import attackkb.releases.Change;
import attackkb.releases.ChangeCategory;
import attackkb.releases.ObjectHistory;
import attackkb.releases.ObjectState;
import attackkb.releases.ReleaseHistory;
import attackkb.releases.ReleaseSnapshot;
import attackkb.releases.WordDiff;
import attackkb.text.PlainText;
import attackkb.urls.Links;
import attackkb.web.pages.HistoryView.Line;
import attackkb.web.pages.HistoryView.Part;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes an object's {@link HistoryView} from the releases held: the object's own history (a look-up per release),
 * the names of what it links to as each release had them, and its descriptions compared word by word. Made per
 * request, for the one object a page shows.
 */
final class HistorySection {
    private static final String DATA_COMPONENT = "DC: ";

    private final ReleaseHistory releases;

    private HistorySection(ReleaseHistory releases) {
        this.releases = releases;
    }

    /** The history of the object with this STIX ID, or null when no release held has it. */
    static HistoryView of(ReleaseHistory releases, String stixId) {
        if (stixId == null) return null;
        ObjectHistory history = releases.history(stixId);
        if (history.steps().isEmpty()) return null;
        return new HistorySection(releases).view(history);
    }

    private HistoryView view(ObjectHistory history) {
        List<String> held = releases.versions();
        List<HistoryView.Step> steps = new ArrayList<>();
        ObjectHistory.Step previous = null;
        for (ObjectHistory.Step step : history.steps()) {
            steps.add(step(step, previous, held));
            previous = step;
        }
        return new HistoryView(history.releases(), held, history.formerNames(), history.formerIds(),
                retired(history, held.get(0)), replaces(history.last(), held.get(0)), List.copyOf(steps));
    }

    private List<HistoryView.Replaced> replaces(ObjectState last, String oldest) {
        if (!last.active()) return List.of();
        List<HistoryView.Replaced> out = new ArrayList<>();
        for (ObjectState old : releases.replacedBy(last.type(), last.id())) {
            ObjectHistory.Since since = releases.history(old.stixId()).since("revoked", oldest);
            out.add(new HistoryView.Replaced(link(old.type(), old.id(), old.name()), when(since)));
        }
        return List.copyOf(out);
    }

    private HistoryView.Retired retired(ObjectHistory history, String oldest) {
        ObjectState last = history.last();
        if (last.revoked()) {
            ObjectHistory.Since since = history.since("revoked", oldest);
            ObjectState successor = releases.current().byId(last.type(), last.successor());
            return new HistoryView.Retired("revoked", when(since),
                    last.successor() == null ? null : link(last.type(), last.successor(), successor == null ? null : successor.name()));
        }
        if (last.deprecated()) return new HistoryView.Retired("deprecated", when(history.since("deprecated", oldest)), null);
        return null;
    }

    private static String when(ObjectHistory.Since since) {
        return "in ATT&CK " + since.release() + (since.orEarlier() ? " or earlier" : "");
    }

    private HistoryView.Step step(ObjectHistory.Step step, ObjectHistory.Step previous, List<String> held) {
        ObjectState s = step.state();
        Change c = step.change();
        List<Line> lines = new ArrayList<>();
        HistoryView.Description description = null;
        if (previous == null) {
            String as = "as \u201c" + s.name() + "\u201d" + (s.version() == null ? "" : ", version " + s.version());
            if (c != null && c.has(ChangeCategory.ADDED)) {
                lines.add(Line.text("Added, " + as + "."));
            } else if (step.release().equals(held.get(0))) {
                lines.add(Line.text("In the oldest release held, " + as + statusWords(s) + "."));
            } else {
                lines.add(Line.text("First held in this release, " + as + statusWords(s) + "."));
            }
            return new HistoryView.Step(step.release(), List.copyOf(lines), null);
        }
        int gap = held.indexOf(step.release()) - held.indexOf(previous.release());
        if (gap > 1) {
            lines.add(Line.text("Back after being left out of ATT&CK "
                    + String.join(", ", held.subList(held.indexOf(previous.release()) + 1, held.indexOf(step.release()))) + "."));
        }
        if (c == null) {
            if (gap <= 1) lines.add(Line.text(s.active() ? "No tracked change." : "Still " + s.status() + "."));
            return new HistoryView.Step(step.release(), List.copyOf(lines), null);
        }
        ReleaseSnapshot now = releases.release(step.release()).orElseThrow();
        ReleaseSnapshot before = releases.release(previous.release()).orElseThrow();
        for (ChangeCategory category : c.categories()) {
            switch (category) {
                case REVOKED -> lines.add(c.successor() == null ? Line.text("Revoked.") : Line.of(Part.text("Revoked: replaced by "),
                        link(s.type(), c.successor(), nameIn(now, s.type(), c.successor())), Part.text(".")));
                case SUCCESSOR_CHANGED -> lines.add(Line.of(Part.text("Still revoked, now replaced by "),
                        link(s.type(), c.successor(), nameIn(now, s.type(), c.successor())),
                        Part.text(c.successorBefore() == null ? "." : " (was " + c.successorBefore() + ").")));
                case DEPRECATED -> lines.add(Line.text("Deprecated."));
                case RENAMED -> lines.add(Line.text("Renamed from \u201c" + c.oldName() + "\u201d to \u201c" + c.name() + "\u201d."));
                case MOVED -> moved(c, s.type(), lines);
                case TACTICS_CHANGED -> lines.add(tactics(c.tacticsBefore(), c.tacticsAfter()));
                case PLATFORMS_CHANGED -> lines.add(platforms(c.platformsBefore(), c.platformsAfter()));
                case MAJOR_VERSION, MINOR_VERSION -> lines.add(Line.of(Part.text("Version " + c.versionBefore() + " "),
                        Part.ARROW, Part.text(" " + c.versionAfter()
                                + (category == ChangeCategory.MAJOR_VERSION ? " (major change)." : " (minor change)."))));
                case DESCRIPTION_CHANGED -> description = description(previous.state().description(), s.description());
                case MITIGATIONS_CHANGED -> added(lines, "Mitigations", c.mitigationsAdded(), c.mitigationsDropped(),
                        EntityType.MITIGATION.key(), now, before);
                case DETECTIONS_CHANGED -> added(lines, "Detections", c.detectionsAdded(), c.detectionsDropped(),
                        EntityType.DETECTION.key(), now, before);
                default -> lines.add(Line.text(category.label() + "."));
            }
        }
        return new HistoryView.Step(step.release(), List.copyOf(lines), description);
    }

    private static String statusWords(ObjectState s) {
        return s.active() ? "" : ", already " + s.status();
    }

    private void moved(Change c, String type, List<Line> lines) {
        if (c.oldId() != null) lines.add(Line.text("ID changed from " + c.oldId() + " to " + c.id() + "."));
        if (Objects.equals(c.parentBefore(), c.parentAfter())) return;
        if (c.parentBefore() == null) {
            lines.add(Line.of(Part.text("Became a sub-technique of "), link(type, c.parentAfter(), null), Part.text(".")));
        } else if (c.parentAfter() == null) {
            lines.add(Line.of(Part.text("No longer a sub-technique of "), link(type, c.parentBefore(), null), Part.text(".")));
        } else {
            lines.add(Line.of(Part.text("Moved from under "), link(type, c.parentBefore(), null), Part.text(" to under "),
                    link(type, c.parentAfter(), null), Part.text(".")));
        }
    }

    /** "Tactics: Defense Evasion → Defense Impairment, Stealth", each tactic linked, the arrow read out as "to". */
    private static Line tactics(List<TacticRef> before, List<TacticRef> after) {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.text("Tactics: "));
        tacticList(before, parts);
        parts.add(Part.text(" "));
        parts.add(Part.ARROW);
        parts.add(Part.text(" "));
        tacticList(after, parts);
        parts.add(Part.text("."));
        return new Line(List.copyOf(parts));
    }

    private static void tacticList(List<TacticRef> tactics, List<Part> parts) {
        if (tactics.isEmpty()) parts.add(Part.text("none"));
        for (int i = 0; i < tactics.size(); i++) {
            if (i > 0) parts.add(Part.text(", "));
            TacticRef t = tactics.get(i);
            parts.add(Part.link(t.name() == null ? t.id() : t.name(), Links.path(EntityType.TACTIC.key(), t.id())));
        }
    }

    private static Line platforms(List<String> before, List<String> after) {
        List<String> added = minus(after, before);
        List<String> removed = minus(before, after);
        StringBuilder text = new StringBuilder("Platforms");
        if (!added.isEmpty()) text.append(" added: ").append(String.join(", ", added));
        if (!removed.isEmpty()) text.append(added.isEmpty() ? " removed: " : "; removed: ").append(String.join(", ", removed));
        return Line.text(text.append('.').toString());
    }

    /** "Mitigations added: M1013 Application Developer Guidance, …", and a line for those dropped. */
    private void added(List<Line> lines, String what, List<String> added, List<String> dropped, String type,
            ReleaseSnapshot now, ReleaseSnapshot before) {
        if (!added.isEmpty()) lines.add(idList(what + " added: ", added, type, now));
        if (!dropped.isEmpty()) lines.add(idList(what + " dropped: ", dropped, type, before));
    }

    /** IDs linked with their names as {@code release} had them; data components (named, without ID) after them. */
    private Line idList(String label, List<String> ids, String type, ReleaseSnapshot release) {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.text(label));
        List<String> components = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith(DATA_COMPONENT)) {
                components.add(id.substring(DATA_COMPONENT.length()));
                continue;
            }
            if (parts.size() > 1) parts.add(Part.text(", "));
            parts.add(link(type, id, nameIn(release, type, id)));
        }
        if (!components.isEmpty()) {
            parts.add(Part.text((parts.size() > 1 ? "; " : "") + (components.size() == 1 ? "data component " : "data components ")
                    + String.join(", ", components)));
        }
        parts.add(Part.text("."));
        return new Line(List.copyOf(parts));
    }

    private static String nameIn(ReleaseSnapshot release, String type, String id) {
        ObjectState o = release.byId(type, id);
        return o == null ? null : o.name();
    }

    private static Part link(String type, String id, String name) {
        return Part.link(name == null ? id : id + " " + name, Links.path(type, id));
    }

    /** The two descriptions as plain text, compared word by word. */
    private static HistoryView.Description description(String before, String after) {
        WordDiff diff = WordDiff.of(PlainText.of(before), PlainText.of(after));
        int[] counts = diff.counts();
        return new HistoryView.Description(diff.segments(), diff.wordByWord(), counts[0], counts[1]);
    }

    private static List<String> minus(List<String> a, List<String> b) {
        Set<String> drop = new HashSet<>(b);
        return a.stream().filter(x -> !drop.contains(x)).toList();
    }
}
