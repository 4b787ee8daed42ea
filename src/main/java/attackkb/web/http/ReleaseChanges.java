package attackkb.web.http;

import attackkb.model.TacticRef;
import attackkb.releases.Change;
import attackkb.releases.ChangeCategory;
import attackkb.releases.ChangeWords;
import attackkb.releases.ReleaseHistory;
import attackkb.releases.ReleaseSnapshot;
import attackkb.serving.ServedGeneration;
import attackkb.source.UpstreamRelease;
import attackkb.urls.Links;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes between two held releases as the API, the exports and the page show them: each change with its
 * sentences, its page and its JSON item. Made once per pair and generation (the first request for a pair pays for
 * the diff); each request only filters and writes.
 */
public final class ReleaseChanges {
    private record Key(String from, String to) {}

    /** One change with what every answer shows of it. */
    public record Entry(Change change, List<String> domains, String url, List<ChangeWords.Fact> facts, Item item) {
        /** The sentences as plain text, one per line: a layer's comment. */
        public String plain(String separator) {
            return String.join(separator, facts.stream().map(ChangeWords.Fact::plain).toList());
        }
    }

    /** A tactic as a change names it. */
    public record Tactic(String id, String name) {}

    /**
     * A change as the API writes it (snake_case, nulls left out). The before and after values are set where the
     * change concerns them; an added technique gives its tactics, platforms and parent as after values.
     */
    public record Item(String id, String name, String type, List<String> domains, List<ChangeCategory> categories,
            String oldName, String oldId, String successor, String successorName, String successorBefore,
            List<Tactic> tacticsBefore, List<Tactic> tacticsAfter, List<String> platformsBefore,
            List<String> platformsAfter, String versionBefore, String versionAfter, String parentBefore,
            String parentAfter, List<String> mitigationsAdded, List<String> mitigationsDropped,
            List<String> detectionsAdded, List<String> detectionsDropped, List<String> replaces, String summary,
            String url) {}

    private final ReleaseSnapshot from;
    private final ReleaseSnapshot to;
    private final List<Entry> entries;

    private ReleaseChanges(ReleaseHistory history, String from, String to) {
        this.from = history.release(from).orElseThrow();
        this.to = history.release(to).orElseThrow();
        List<Change> changes = history.changes(from, to);
        // The objects revoked between the two releases, by the object that replaces them ("technique/T1574.001").
        Map<String, List<Change>> replaced = new HashMap<>();
        for (Change c : changes) {
            if (c.has(ChangeCategory.REVOKED) && c.successor() != null) {
                replaced.computeIfAbsent(c.type() + "/" + c.successor(), k -> new ArrayList<>()).add(c);
            }
        }
        this.entries = changes.stream().map(c -> entry(c, this.from, this.to,
                c.has(ChangeCategory.REVOKED) ? List.of() : replaced.getOrDefault(c.type() + "/" + c.id(), List.of()))).toList();
    }

    /** The changes of {@code query}'s pair in {@code served}, made on first use. */
    public static ReleaseChanges of(ServedGeneration served, ChangeQuery query) {
        return served.memo().get(new Key(query.from(), query.to()),
                () -> new ReleaseChanges(served.releases(), query.from(), query.to()));
    }

    public ReleaseSnapshot from() {
        return from;
    }

    public ReleaseSnapshot to() {
        return to;
    }

    /** Every change, techniques first, then by primary category and ID. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entries {@code query} keeps, in order. */
    public List<Entry> select(ChangeQuery query) {
        if (!query.filtered()) return entries;
        return entries.stream().filter(e -> query.matches(e.change())).toList();
    }

    /** How many of {@code entries} have each category (a change counts under each of its categories), all listed. */
    public static Map<ChangeCategory, Integer> counts(List<Entry> entries) {
        Map<ChangeCategory, Integer> counts = new EnumMap<>(ChangeCategory.class);
        for (ChangeCategory c : ChangeCategory.values()) counts.put(c, 0);
        for (Entry e : entries) for (ChangeCategory c : e.change().categories()) counts.merge(c, 1, Integer::sum);
        return counts;
    }

    private static Entry entry(Change c, ReleaseSnapshot from, ReleaseSnapshot to, List<Change> replaced) {
        List<String> domains = UpstreamRelease.DOMAINS.stream().filter(c.domains()::contains).toList();
        if (domains.size() != c.domains().size()) domains = c.domains(); // a domain of another name: kept as given
        String url = Links.path(c.type(), c.id());
        List<ChangeWords.Fact> facts = ChangeWords.of(c, from, to, replaced);
        boolean added = c.has(ChangeCategory.ADDED);
        boolean tactics = c.has(ChangeCategory.TACTICS_CHANGED);
        boolean platforms = c.has(ChangeCategory.PLATFORMS_CHANGED);
        boolean version = c.has(ChangeCategory.MAJOR_VERSION) || c.has(ChangeCategory.MINOR_VERSION);
        boolean moved = c.has(ChangeCategory.MOVED);
        boolean mitigations = c.has(ChangeCategory.MITIGATIONS_CHANGED);
        boolean detections = c.has(ChangeCategory.DETECTIONS_CHANGED);
        var item = new Item(c.id(), c.name(), c.type(), domains, c.categories(), c.oldName(), c.oldId(), c.successor(),
                c.successorName(), c.successorBefore(),
                tactics ? tactics(c.tacticsBefore()) : null,
                tactics || added && !c.tacticsAfter().isEmpty() ? tactics(c.tacticsAfter()) : null,
                platforms ? c.platformsBefore() : null,
                platforms || added && !c.platformsAfter().isEmpty() ? c.platformsAfter() : null,
                version ? c.versionBefore() : null, version ? c.versionAfter() : null,
                moved ? c.parentBefore() : null, moved || added ? c.parentAfter() : null,
                mitigations ? c.mitigationsAdded() : null, mitigations ? c.mitigationsDropped() : null,
                detections ? c.detectionsAdded() : null, detections ? c.detectionsDropped() : null,
                replaced.isEmpty() ? null : replaced.stream().map(Change::id).toList(),
                facts.isEmpty() ? null : String.join("; ", facts.stream().map(ChangeWords.Fact::plain).toList()), url);
        return new Entry(c, domains, url, facts, item);
    }

    private static List<Tactic> tactics(List<TacticRef> tactics) {
        return tactics.stream().map(t -> new Tactic(t.id(), t.name())).toList();
    }
}
