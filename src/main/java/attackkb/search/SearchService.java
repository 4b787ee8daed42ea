package attackkb.search;

import static attackkb.index.IndexSchema.*;

import attackkb.BadInputException;
import attackkb.generation.DocTable;
import attackkb.generation.IndexGeneration;
import attackkb.generation.TermDocs;
import attackkb.index.HitRecord;
import attackkb.search.query.QueryFactory;
import attackkb.search.query.Ranking;
import attackkb.search.query.SurfaceWords;
import attackkb.search.query.Synonyms;
import attackkb.search.query.Vocabulary;
import attackkb.search.query.WordCache;
import attackkb.search.scoring.ClauseScores;
import attackkb.search.scoring.PageKeys;
import attackkb.search.scoring.ScoreCollector;
import attackkb.search.snippets.Snippets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Runs searches against an {@link IndexGeneration}: query, facet filters with drill-sideways counts, paging and
 * snippets. Thread-safe; it holds no per-request state.
 *
 * <p>One pass of the query scores every matching document: its words from the in-memory postings of {@link TermDocs},
 * anything else with Lucene. Filters, drill-sideways facet counts, the total and the page's order then come from the
 * generation's {@link DocTable} in memory. With a few thousand documents that is cheaper than Lucene's drill-sideways
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
    private final QueryFactory queries;
    private final Snippets snippets;
    private final Vocabulary vocabulary;
    private final TermDocs termDocs;
    private final ClauseScores clauseScores;
    /**
     * Arrays of searches that have finished, for the next ones: at most as many as have run at once. Last in, first
     * out: the set a search finished with last is the one most likely still in the processor's caches, where a queue
     * handed out the coldest of a dozen (about 125 KB each).
     */
    private final ConcurrentLinkedDeque<Matches> spare = new ConcurrentLinkedDeque<>();
    /**
     * Whether each term checked for typos is in some prose field ({@link #inProse}), as found before: the same words
     * come back query after query, and each check looked the term up in up to six fields.
     */
    private final WordCache<Boolean> knownTerms = new WordCache<>(10_000);

    public SearchService(IndexGeneration index) {
        this(index, Ranking.DEFAULT);
    }

    public SearchService(IndexGeneration index, Ranking ranking) {
        this.index = index;
        this.table = index.table();
        this.termDocs = termDocs(index);
        this.clauseScores = new ClauseScores(index.searcher());
        // Terms scored from TermDocs need no place in the index's dictionary: only the others are looked up.
        this.queries = new QueryFactory(analyzer(), Synonyms.load(), ranking,
                term -> termDocs.holds(term.field()) ? termDocs.query(term) : index.terms().query(term));
        this.snippets = new Snippets(index.searcher().getIndexReader(), index.snippetTexts(), index.snippetOffsets(),
                index.terms(), termDocs);
        this.vocabulary = new Vocabulary(index.searcher().getIndexReader());
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
            Understood understood = understand(request.query());
            match(understood.query(), matches);
            // Without words there is no relevance: such a listing is in ID order unless asked otherwise.
            Sort sort = request.sort() == Sort.RELEVANCE && !ranked ? Sort.ID : request.sort();
            Tally tally = tally(matches, new Selection(request), sort, request.offset() + request.limit());
            int from = Math.min(request.offset(), tally.total());
            int to = Math.min(request.offset() + request.limit(), tally.total());
            int[] docs = new int[to - from];
            float[] scores = new float[to - from];
            for (int i = from; i < to; i++) {
                docs[i - from] = table.docAtIdRank((int) tally.keys()[i]);
                scores[i - from] = matches.scores[docs[i - from]];
            }
            List<SearchHit> hits = toHits(docs, scores, ranked ? understood.query() : null, ranked);
            Map<String, List<FacetValue>> facets = facets(tally.counts(), request);
            double tookMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
            return new Found(new SearchResult(request.query(), tally.total(), tookMs, hits, facets, understood.typos(),
                    understood.didYouMean()), docs);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadInputException("query is too complex (it expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " terms); make it more specific", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!matches.scoring) spare.offerFirst(matches);
        }
    }

    /**
     * The query a text asks for; its words found nowhere in the index, as typed; and the text with each of them
     * replaced by its closest word, or null when there is none.
     */
    private record Understood(Query query, List<String> typos, String didYouMean) {}

    /** Made on the first typo of this index generation. */
    private volatile SurfaceWords surfaces;

    private SurfaceWords surfaces() {
        SurfaceWords s = surfaces;
        if (s == null) surfaces = s = SurfaceWords.of(table, queries);
        return s;
    }

    /** The words of {@code text} whose term is misspelled, as typed, and the text with each replaced by a closest word. */
    private Understood explain(Query query, String text, Map<String, String> bestCorrection) {
        if (bestCorrection.isEmpty()) return new Understood(query, List.of(), null);
        List<String> typos = new ArrayList<>();
        StringBuilder suggestion = new StringBuilder();
        boolean changed = false;
        for (String word : text.strip().split("\\s+")) {
            List<String> terms = queries.proseTerms(word);
            String replacement = null;
            if (terms.size() == 1 && bestCorrection.containsKey(terms.get(0))) {
                typos.add(word);
                replacement = surfaces().of(bestCorrection.get(terms.get(0)), word).orElse(null);
            }
            if (suggestion.length() > 0) suggestion.append(' ');
            suggestion.append(replacement == null ? word : replacement);
            changed |= replacement != null;
        }
        return new Understood(query, List.copyOf(typos), changed ? suggestion.toString() : null);
    }

    private Understood understand(String text) throws IOException {
        List<Vocabulary.WeightedTerm> completions = text.isBlank() ? List.of()
                : vocabulary.completions(queries.lastWord(text).orElse(null));
        // The last word, still being typed, is not a typo when it starts words of the index.
        List<String> misspelled = misspelled(completions.isEmpty() ? text : QueryFactory.withoutLastWord(text));
        List<Vocabulary.WeightedTerm> corrections = new ArrayList<>();
        Map<String, String> best = new LinkedHashMap<>();
        for (String word : misspelled) {
            List<Vocabulary.WeightedTerm> closest = vocabulary.corrections(word);
            corrections.addAll(closest);
            if (!closest.isEmpty()) best.put(word, closest.get(0).term());
        }
        // Inactive (revoked, deprecated) documents are left out when the matches are gathered, from the table.
        Query query = queries.unfiltered(text, corrections, completions);
        return explain(isPlain(query) ? query : index.searcher().rewrite(query), text, best);
    }

    /**
     * Whether {@code query} is words, phrases and corrections only: scored as built, without Lucene's rewrite, which is
     * for the user's syntax (wildcards, fuzzy terms, ranges) and cost a fortieth of a search.
     */
    private static boolean isPlain(Query query) {
        if (!isDisjunction(query)) return false;
        for (BooleanClause clause : ((BooleanQuery) query).clauses()) {
            Query q = clause.getQuery() instanceof BoostQuery boosted ? boosted.getQuery() : clause.getQuery();
            if (!(q instanceof TermQuery) && !ClauseScores.keeps(q)) return false;
        }
        return true;
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
        for (int i = 0; i < matches.size; i++) {
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

    /**
     * Scores {@code query} into {@code matches}. The words of a query are term clauses in the prose fields, summed
     * from {@link TermDocs}; synonym phrases and typo corrections are added from {@link ClauseScores}; the rest
     * (names, IDs, the user's syntax) goes to Lucene, its scores added to theirs.
     */
    private void match(Query query, Matches matches) throws IOException {
        List<BooleanClause> clauses = isDisjunction(query) ? ((BooleanQuery) query).clauses()
                : List.of(new BooleanClause(query, Occur.SHOULD));
        var rest = new BooleanQuery.Builder();
        int restClauses = 0;
        matches.scoring = true;
        for (BooleanClause clause : clauses) {
            Query q = clause.getQuery();
            float boost = 1f;
            if (q instanceof BoostQuery boosted) {
                boost = boosted.getBoost();
                q = boosted.getQuery();
            }
            if (q instanceof TermDocs.HeldTermQuery term) {
                TermDocs.score(term.postings(), boost, matches.sums, matches.matched);
            } else if (ClauseScores.keeps(clause.getQuery())) {
                clauseScores.add(clause.getQuery(), matches.sums, matches.matched);
            } else {
                rest.add(clause);
                restClauses++;
            }
        }
        if (restClauses > 0) matches.search(index.searcher(), rest.build());
        matches.gather(table.activeDocs());
    }

    /** A rewritten query's top: a disjunction of optional clauses, whose scores add up. */
    private static boolean isDisjunction(Query query) {
        if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() != 0) return false;
        for (BooleanClause clause : bool.clauses()) if (clause.getOccur() != Occur.SHOULD) return false;
        return true;
    }

    /**
     * Every active document the query matches in document order, and the scores by document; and the arrays a tally of them
     * fills: reused, one set per search running at once ({@link #spare}), as allocating them was a fifth of what a
     * search allocated.
     */
    private static final class Matches extends ScoreCollector {
        final int[] docs;
        final float[] scores;
        final long[] keys;
        final int[] counts;
        /** While scoring: each document's sum so far, and whether anything matched it. Left zeroed by {@link #gather}. */
        final double[] sums;
        final boolean[] matched;
        /** Between the first score added and {@link #gather}: a search that fails then leaves the sums unusable. */
        boolean scoring;
        int size;

        Matches(int maxDoc, int ordinals) {
            docs = new int[maxDoc];
            scores = new float[maxDoc];
            keys = new long[maxDoc];
            counts = new int[ordinals];
            sums = new double[maxDoc];
            matched = new boolean[maxDoc];
        }

        /**
         * Lists the matched documents that are {@code active} in document order with their scores, and zeroes the
         * sums for the next search. Every document takes the same steps: a branch on whether each matched was
         * mispredicted for one in three.
         */
        void gather(boolean[] active) {
            int n = 0;
            for (int doc = 0; doc < matched.length; doc++) {
                docs[n] = doc;
                n += matched[doc] & active[doc] ? 1 : 0;
                scores[doc] = (float) sums[doc];
                sums[doc] = 0;
                matched[doc] = false;
            }
            size = n;
            scoring = false;
        }

        @Override
        public void collect(int doc, float score) {
            sums[doc] += score;
            matched[doc] = true;
        }
    }

    /** Query terms (of four letters or more) that no prose field of the index contains: likely typos. */
    private List<String> misspelled(String text) {
        if (text.isBlank() || QueryFactory.identifier(text).isPresent()) return List.of();
        List<String> unknown = new ArrayList<>();
        for (String term : queries.proseTerms(text)) {
            if (term.length() < 4 || unknown.contains(term)) continue;
            if (!knownTerms.get(term, this::inProse)) unknown.add(term);
        }
        return List.copyOf(unknown);
    }

    /** Whether some prose field holds {@code term}. */
    private boolean inProse(String term) {
        for (String field : PROSE_FIELDS) {
            if (termDocs.postings(new Term(field, term)).docs().length > 0) return true;
        }
        return false;
    }

    private List<SearchHit> toHits(int[] docs, float[] scores, Query query, boolean ranked) throws IOException {
        Snippets.Snippet[] snippetsOfDocs = snippets.forDocs(query, docs);
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            HitRecord h = table.hit(docs[i]);
            Snippets.Snippet snippet = snippetsOfDocs[i];
            hits.add(new SearchHit(h.id(), h.type(), h.name(), h.domains().isEmpty() ? null : h.domains().get(0),
                    table.path(docs[i]), h.tactics(), h.platforms(),
                    h.parentId() == null ? null : new SearchHit.Parent(h.parentId(), h.parentName()),
                    ranked ? scores[i] : null,
                    snippet != null && snippet.html() != null ? snippet.html() : Snippets.escape(h.lead()),
                    snippet != null ? snippet.matched() : List.of(), h.framework()));
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
