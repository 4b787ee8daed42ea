package attackkb.search;

import static attackkb.index.IndexSchema.*;

import attackkb.generation.IndexGeneration;
import attackkb.model.Status;
import attackkb.urls.Links;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/**
 * Type-ahead completions from the names and IDs of every active entity. There are a few thousand, so they are
 * held in memory as lower-cased keys and scanned per keystroke: microseconds, with ranking rules a person can
 * predict (a name that starts with what was typed first, then one with a word that does, then the rest).
 */
public final class Suggester {
    public static final int MAX_SUGGESTIONS = 10;

    /** One completion. */
    public record Suggestion(String id, String name, String type, String url) {}

    private record Entry(Suggestion suggestion, String id, String name, int typeRank) {}

    private static final List<String> TYPE_ORDER = List.of("technique", "tactic", "mitigation", "group", "software",
            "campaign", "detection");

    private final List<Entry> entries;

    Suggester(List<Entry> entries) {
        this.entries = entries;
    }

    public static Suggester load(IndexGeneration index) {
        List<Entry> entries = new ArrayList<>();
        for (int doc : index.docIds(new TermQuery(new Term(STATUS, Status.ACTIVE.key())))) {
            var hit = index.table().hit(doc);
            String id = hit.id();
            String name = hit.name();
            String type = hit.type();
            if (id == null || name == null) continue;
            int rank = TYPE_ORDER.indexOf(type);
            entries.add(new Entry(new Suggestion(id, name, type, Links.path(hit)),
                    id.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT), rank < 0 ? TYPE_ORDER.size() : rank));
        }
        entries.sort(Comparator.comparingInt(Entry::typeRank).thenComparing(Entry::id));
        return new Suggester(List.copyOf(entries));
    }

    /** Up to {@code limit} completions for what has been typed so far. */
    public List<Suggestion> suggest(String typed, int limit) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return List.of();
        record Match(Entry entry, int rank) {}
        List<Match> matches = new ArrayList<>();
        for (Entry e : entries) {
            int rank = rank(e, q);
            if (rank >= 0) matches.add(new Match(e, rank));
        }
        return matches.stream()
                .sorted(Comparator.comparingInt(Match::rank)
                        .thenComparingInt(m -> m.entry().typeRank())
                        .thenComparingInt(m -> m.entry().name().length())
                        .thenComparing(m -> m.entry().id()))
                .limit(Math.max(0, Math.min(limit, MAX_SUGGESTIONS)))
                .map(m -> m.entry().suggestion())
                .toList();
    }

    /** 0: the ID starts with it; 1: the name does; 2: a word of the name does; 3: the name contains it; -1: no. */
    private static int rank(Entry e, String q) {
        if (e.id().startsWith(q)) return 0;
        if (e.name().startsWith(q)) return 1;
        int at = e.name().indexOf(q);
        if (at < 0) return -1;
        return Character.isLetterOrDigit(e.name().charAt(at - 1)) ? 3 : 2;
    }
}
