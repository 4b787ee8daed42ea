package attackkb.web.pages;

import attackkb.releases.WordDiff;
import java.util.List;

/**
 * The History section of an ATT&CK object's page, in words: the releases held that have the object, its former names
 * and IDs, when it was revoked or deprecated and by what, and per release what changed since the release before.
 *
 * @param appearsIn the releases held that have the object, oldest first
 * @param held every release held, oldest first
 * @param retired when and how the object stopped being active, or null while it is
 * @param replaces the objects revoked in favour of this one, each with when
 * @param steps each release that has the object, oldest first
 */
record HistoryView(List<String> appearsIn, List<String> held, List<String> formerNames, List<String> formerIds,
        Retired retired, List<Replaced> replaces, List<Step> steps) {

    /** An object revoked in favour of this one, linked, and when ("in ATT&CK 17.1", "in ATT&CK 16.1 or earlier"). */
    record Replaced(Part object, String when) {}

    /**
     * A revoked or deprecated object: {@code when} in words ("in ATT&CK 17.1", "in ATT&CK 16.1 or earlier"), and the object
     * that replaced it (null for a deprecated one).
     */
    record Retired(String status, String when, Part successor) {}

    /** One release: what changed since the release before, line by line, and the description's changes, if any. */
    record Step(String release, List<Line> lines, Description description) {}

    /** A sentence of text and links. */
    record Line(List<Part> parts) {
        static Line of(Part... parts) {
            return new Line(List.of(parts));
        }

        static Line text(String text) {
            return of(Part.text(text));
        }
    }

    /** Text, linked when {@code url} is set; or an arrow from a value to the next, read out as "to". */
    record Part(String text, String url, boolean arrow) {
        static final Part ARROW = new Part("\u2192", null, true);

        static Part text(String text) {
            return new Part(text, null, false);
        }

        static Part link(String text, String url) {
            return new Part(text, url, false);
        }
    }

    /**
     * A changed description, word by word. {@code removed} and {@code added} count words; both are 0 when only links or
     * formatting changed.
     */
    record Description(List<WordDiff.Segment> segments, boolean wordByWord, int removed, int added) {
        /** "4 words added", "1 word removed, 3 added", "2 words removed". */
        public String summary() {
            String removedWords = removed + (removed == 1 ? " word removed" : " words removed");
            if (added == 0) return removedWords;
            if (removed == 0) return added + (added == 1 ? " word added" : " words added");
            return removedWords + ", " + added + " added";
        }
    }
}
