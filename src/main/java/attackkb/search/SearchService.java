package attackkb.search;

import static attackkb.index.IndexSchema.*;

import attackkb.BadInputException;
import attackkb.generation.DocTable;
import attackkb.generation.IndexGeneration;
import attackkb.generation.TermDocs;
import attackkb.index.HitRecord;
import attackkb.search.query.QueryFactory;
import attackkb.search.query.QueryReader;
import attackkb.search.query.ReadQuery;
import attackkb.search.query.Ranking;
import attackkb.search.query.Synonyms;
import attackkb.search.query.Vocabulary;
import attackkb.search.scoring.PageKeys;
import attackkb.search.scoring.Matches;
import attackkb.search.scoring.QueryScores;
import attackkb.search.snippets.Snippets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Runs searches against an {@link IndexGeneration}. A search goes one way: its text is read into a query
 * ({@link QueryReader}), the query scores every matching document in one pass ({@link QueryScores}), the matches are
 * filtered by the facet selections and counted drill-sideways here, the page's hits are picked, and their snippets
 * cut ({@link Snippets}). Thread-safe; it holds no per-request state.
 *
 * <p>Filters, drill-sideways facet counts, the total and the page's order come from the generation's
 * {@link DocTable} in memory. With a few thousand documents that is cheaper than Lucene's drill-sideways
 * search, which scores the query once per selected dimension and counts facets through doc values.
 */
public final class SearchService {
    /** Enough facet values to show every type, domain, platform, tactic and SP 800-53 family. */
    private static final int MAX_FACET_VALUES = 200;
    /**
     * Data components (~110) and controls (~400) are long lists: the most frequent ones describe a result set, a
     * selected one always shows, and the rest made up most of every answer without being read.
     */
    private static final int MAX_LONG_FACET_VALUES = 30;
    private static final List<Integer> LONG_DIMENSIONS =
            List.of(DocTable.DIMENSIONS.indexOf(DATA_COMPONENT), DocTable.DIMENSIONS.indexOf(CONTROL));

    private final IndexGeneration index;
    private final DocTable table;
    private final Snippets snippets;
    private final QueryReader reader;
    private final QueryScores scores;
    /**
     * Arrays of searches that have finished, for the next ones: at most as many as have run at once. Last in, first
     * out: the set a search finished with last is the one most likely still in the processor's caches, where a queue
     * hands out the coldest.
     */
    private final ConcurrentLinkedDeque<Matches> spare = new ConcurrentLinkedDeque<>();

    public SearchService(IndexGeneration index) {
        this(index, Ranking.DEFAULT);
    }

    public SearchService(IndexGeneration index, Ranking ranking) {
        this.index = index;
        this.table = index.table();
        TermDocs termDocs = termDocs(index);
        // Terms scored from TermDocs need no place in the index's dictionary: only the others are looked up.
        QueryFactory queries = new QueryFactory(analyzer(), Synonyms.load(), ranking,
                term -> termDocs.holds(term.field()) ? termDocs.query(term) : index.terms().query(term));
        this.snippets = new Snippets(index.searcher().getIndexReader(), index.snippetTexts(), index.snippetOffsets(),
                index.terms(), termDocs);
        this.reader = new QueryReader(queries, new Vocabulary(index.searcher().getIndexReader()), termDocs, table,
                index.searcher());
        this.scores = new QueryScores(index.searcher(), table.activeDocs());
    }

    private static TermDocs termDocs(IndexGeneration index) {
        try {
            return TermDocs.of(index.searcher().getIndexReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public IndexGeneration index() {
        return index;
    }

    public SearchResult search(SearchRequest request) {
        return find(request).result();
    }

    /** A search's result and its hits' documents, in order: what its JSON is written from. */
    public record Found(SearchResult result, int[] docs) {}


    public Found find(SearchRequest request) {
        long started = System.nanoTime();
        Matches matches = spare.pollFirst();
        if (matches == null) matches = new Matches(table.maxDoc(), table.ordinalCount());
        try {
            boolean ranked = !request.query().isBlank();
            ReadQuery read = reader.read(request.query());
            scores.score(read.query(), matches);
            // Without words there is no relevance: such a listing is in ID order unless asked otherwise.
            Sort sort = request.sort() == Sort.RELEVANCE && !ranked ? Sort.ID : request.sort();
            Tally tally = tally(matches, new Selection(request), sort, request.offset() + request.limit());
            int from = Math.min(request.offset(), tally.total());
            int to = Math.min(request.offset() + request.limit(), tally.total());
            int[] docs = new int[to - from];
            float[] hitScores = new float[to - from];
            for (int i = from; i < to; i++) {
                docs[i - from] = table.docAtIdRank((int) tally.keys()[i]);
                hitScores[i - from] = matches.scores[docs[i - from]];
            }
            List<SearchHit> hits = toHits(docs, hitScores, ranked ? read.query() : null, ranked);
            Map<String, List<FacetValue>> facets = facets(tally.counts(), request);
            double tookMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
            return new Found(new SearchResult(index.olderRelease(), request.query(), tally.total(), tookMs, hits, facets,
                    read.typos(), read.didYouMean()), docs);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadInputException("query is too complex (it expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " terms); make it more specific", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (matches.reusable()) spare.offerFirst(matches);
        }
    }

    /** The hits' sort keys ({@link #sortKey}), the page's first, and the drill-sideways count of every facet value. */
    private record Tally(long[] keys, int total, int[] counts) {}

    /**
     * Filters the matches by the selection and counts facets drill-sideways: a hit counts for every dimension, a
     * match that fails exactly one selected dimension counts for that dimension only, as if its selection were off.
     */
    private Tally tally(Matches matches, Selection selection, Sort sort, int pageEnd) {
        int[] counts = matches.counts;
        Arrays.fill(counts, 0);
        long[] keys = matches.keys;
        int total = 0;
        for (int i = 0, size = matches.size(); i < size; i++) {
            int doc = matches.docs[i];
            int failing = selection.failingDimensions(doc);
            if (failing == 0) {
                countAll(doc, counts, selection.countsOnSelection());
                keys[total++] = sortKey(sort, matches.scores[doc], doc);
            } else if (Integer.bitCount(failing) == 1) {
                countDimension(doc, Integer.numberOfTrailingZeros(failing), counts);
            }
        }
        PageKeys.smallestFirst(keys, total, pageEnd);
        return new Tally(keys, total, counts);
    }

    /**
     * Sorts best first, equal scores in ID order (a page is the same from one call, and one build, to the next);
     * a listing without a query in ID order. The low half of the key is the document's ID rank.
     */
    private long sortKey(Sort sort, float score, int doc) {
        // The low half is always the ID rank: it breaks ties, and the page's documents are found by it.
        long rank = table.idRank(doc);
        if (sort == Sort.NAME) return ((long) table.nameRank(doc) << 32) | rank;
        if (sort == Sort.ID) return rank;
        // Scores are positive, so their bits order like the floats; inverted, the best sorts first.
        return ((long) (Integer.MAX_VALUE - Float.floatToIntBits(score)) << 32) | rank;
    }

    private void countAll(int doc, int[] counts, boolean onSelectionToo) {
        int end = onSelectionToo ? table.ordEnd(doc) : table.ordOnSelection(doc);
        for (int i = table.ordStart(doc); i < end; i++) counts[table.ord(i)]++;
    }

    private void countDimension(int doc, int dim, int[] counts) {
        for (int i = table.ordStart(doc), end = table.ordEnd(doc); i < end; i++) {
            int ord = table.ord(i);
            if (table.dimension(ord) == dim) counts[ord]++;
        }
    }

    /** The facet selections of a request as ordinals: which dimensions a document fails. */
    private final class Selection {
        private final boolean[] selected = new boolean[table.ordinalCount()];
        private int required;

        Selection(SearchRequest request) {
            request.selections().forEach((dimension, values) -> {
                int dim = DocTable.DIMENSIONS.indexOf(dimension);
                if (!values.isEmpty()) required |= 1 << dim;
                for (String value : values) {
                    int ord = table.ord(dim, value);
                    if (ord >= 0) selected[ord] = true;
                }
            });
        }

        /** Whether the request selects a value of a {@link DocTable#ON_SELECTION} dimension, which are then counted. */
        boolean countsOnSelection() {
            return (required & DocTable.ON_SELECTION) != 0;
        }

        /** A bit per selected dimension none of whose selected values the document has. */
        int failingDimensions(int doc) {
            if (required == 0) return 0;
            int passed = 0;
            int end = countsOnSelection() ? table.ordEnd(doc) : table.ordOnSelection(doc);
            for (int i = table.ordStart(doc); i < end; i++) {
                int ord = table.ord(i);
                if (selected[ord]) passed |= 1 << table.dimension(ord);
            }
            return required & ~passed;
        }
    }

    private List<SearchHit> toHits(int[] docs, float[] scores, Query query, boolean ranked) throws IOException {
        Snippets.Snippet[] snippetsOfDocs = snippets.forDocs(query, docs);
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            HitRecord h = table.hit(docs[i]);
            Snippets.Snippet snippet = snippetsOfDocs[i];
            hits.add(new SearchHit(h.id(), h.type(), h.name(), h.domains().isEmpty() ? null : h.domains().get(0),
                    table.path(docs[i]), h.tactics(), h.platforms(),
                    h.parentId() == null ? null : new SearchHit.Parent(h.parentId(), h.parentName()), h.formerNames(),
                    ranked ? scores[i] : null,
                    snippet != null && snippet.html() != null ? snippet.html() : Snippets.escape(h.lead()),
                    snippet != null ? snippet.matched() : List.of(), h.framework(), h.current()));
        }
        return hits;
    }

    /** Whether {@code ord} is among the first {@code shown} of {@code keys} (a dimension's, as {@link #facets} sorts them). */
    private static boolean isShown(long[] keys, int shown, int ord) {
        for (int i = 0; i < shown; i++) if ((int) keys[i] == ord) return true;
        return false;
    }

    /**
     * Each dimension's values with their counts, most frequent first (equal counts in value order), as Lucene's
     * facets listed them; a selected value with no hits still shows, so the user can see and untick it. The
     * {@link DocTable#ON_SELECTION} dimensions are answered only when one of their values is selected.
     */
    private Map<String, List<FacetValue>> facets(int[] counts, SearchRequest request) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        // Per dimension, its counted values as one sortable number each: the count inverted, then the ordinal.
        long[][] keys = new long[DocTable.DIMENSIONS.size()][];
        int[] sizes = new int[keys.length];
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] == 0) continue;
            int dim = table.dimension(ord);
            if (keys[dim] == null) keys[dim] = new long[16];
            else if (sizes[dim] == keys[dim].length) keys[dim] = Arrays.copyOf(keys[dim], sizes[dim] * 2);
            keys[dim][sizes[dim]++] = (long) (Integer.MAX_VALUE - counts[ord]) << 32 | ord;
        }
        for (Map.Entry<String, List<String>> selection : request.selections().entrySet()) {
            int dim = DocTable.DIMENSIONS.indexOf(selection.getKey());
            List<String> selected = selection.getValue();
            if ((1 << dim & DocTable.ON_SELECTION) != 0 && selected.isEmpty()) continue;
            int max = LONG_DIMENSIONS.contains(dim) ? MAX_LONG_FACET_VALUES : MAX_FACET_VALUES;
            int shown = Math.min(max, sizes[dim]);
            if (shown > 0) PageKeys.smallestFirst(keys[dim], sizes[dim], shown);
            List<FacetValue> values = new ArrayList<>(shown + selected.size());
            for (int i = 0; i < shown; i++) {
                int ord = (int) keys[dim][i];
                values.add(new FacetValue(table.value(ord), table.label(ord), counts[ord],
                        !selected.isEmpty() && selected.contains(table.value(ord))));
            }
            for (String value : selected) {
                int ord = table.ord(dim, value);
                if (ord >= 0 && isShown(keys[dim], shown, ord)) continue;
                values.add(ord >= 0 ? new FacetValue(value, table.label(ord), counts[ord], true)
                        : new FacetValue(value, value, 0, true));
            }
            out.put(selection.getKey(), List.copyOf(values));
        }
        return out;
    }
}
