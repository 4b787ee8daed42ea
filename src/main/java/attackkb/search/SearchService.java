package attackkb.search;

import static attackkb.index.IndexSchema.*;

import attackkb.BadInputException;
import attackkb.index.HitRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * Runs searches against an {@link OpenIndex}: query, facet filters with drill-sideways counts, paging and
 * snippets. Thread-safe; it holds no per-request state.
 */
public final class SearchService {
    /** Enough facet values to show every platform and tactic; data components are the longest list (~110). */
    private static final int MAX_FACET_VALUES = 200;
    /** Controls number in the hundreds: the most frequent ones describe a result set; a selected one always shows. */
    private static final int MAX_CONTROL_VALUES = 30;
    private static final Sort BY_ID = new Sort(new SortField(ID_SORT, SortField.Type.STRING));
    /** Best first; equal scores in ID order, so a page is the same from one call (and one build) to the next. */
    private static final Sort BY_SCORE = new Sort(SortField.FIELD_SCORE, new SortField(ID_SORT, SortField.Type.STRING));

    private final OpenIndex index;
    private final QueryFactory queries;
    private final Snippets snippets;
    private final DocValuesReader docValues;

    public SearchService(OpenIndex index) {
        this(index, Ranking.DEFAULT);
    }

    public SearchService(OpenIndex index, Ranking ranking) {
        Analyzer analyzer = analyzer();
        this.index = index;
        this.queries = new QueryFactory(analyzer, Synonyms.load(), ranking);
        this.docValues = new DocValuesReader(index.searcher().getIndexReader());
        this.snippets = new Snippets(index.searcher(), indexAnalyzer(), docValues);
    }

    public OpenIndex index() {
        return index;
    }

    public SearchResult search(SearchRequest request) {
        long started = System.nanoTime();
        try {
            List<String> misspelled = misspelled(request.query());
            IndexSearcher searcher = index.searcher();
            // Rewritten once here rather than by each of search, match-finding and highlighting: expanding a fuzzy
            // term builds automata, and doing that three times made typo searches several times slower.
            Query base = searcher.rewrite(queries.build(request.query(), misspelled));
            var drillDown = new DrillDownQuery(index.facetsConfig(), base);
            request.selections().forEach((dim, values) -> values.forEach(v -> drillDown.add(dim, v)));

            int topN = request.offset() + request.limit();
            boolean ranked = !request.query().isBlank();
            var sideways = new DrillSideways(searcher, index.facetsConfig(), index.facetState());
            // Integer.MAX_VALUE as the hit-count threshold: the total shown to users is exact, not a lower bound.
            var collector = new TopFieldCollectorManager(ranked ? BY_SCORE : BY_ID, topN, null, Integer.MAX_VALUE);
            DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> result = sideways.search(drillDown, collector);
            TopDocs top = result.collectorResult;

            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(request.offset(), top.scoreDocs.length),
                    top.scoreDocs.length);
            List<SearchHit> hits = toHits(page, ranked ? base : null, ranked);
            Map<String, List<FacetValue>> facets = facets(result.facets, request);
            double tookMs = Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
            return new SearchResult(request.query(), top.totalHits.value, tookMs, hits, facets, misspelled);
        } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
            throw new BadInputException("query is too complex (it expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " terms); make it more specific", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Query terms (of four letters or more) that no prose field of the index contains: likely typos. */
    private List<String> misspelled(String text) {
        if (text.isBlank() || QueryFactory.identifier(text).isPresent()) return List.of();
        IndexReader reader = index.searcher().getIndexReader();
        List<String> unknown = new ArrayList<>();
        try {
            for (String term : queries.proseTerms(text)) {
                if (term.length() < 4 || unknown.contains(term)) continue;
                boolean known = false;
                for (String field : PROSE_FIELDS) {
                    if (reader.docFreq(new Term(field, term)) > 0) {
                        known = true;
                        break;
                    }
                }
                if (!known) unknown.add(term);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(unknown);
    }

    private List<SearchHit> toHits(ScoreDoc[] page, Query query, boolean ranked) throws IOException {
        Map<Integer, Snippets.Snippet> snippetsByDoc = snippets.forDocs(query, page);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (ScoreDoc sd : page) {
            HitRecord h = docValues.hit(sd.doc);
            Snippets.Snippet snippet = snippetsByDoc.get(sd.doc);
            hits.add(new SearchHit(h.id(), h.type(), h.name(), h.domains().isEmpty() ? null : h.domains().get(0),
                    Links.path(h.type(), h.id()), h.tactics(), h.platforms(),
                    h.parentId() == null ? null : new SearchHit.Parent(h.parentId(), h.parentName()),
                    ranked ? score(sd) : null,
                    snippet != null && snippet.html() != null ? snippet.html() : Snippets.escape(h.lead()),
                    snippet != null ? snippet.matched() : List.of()));
        }
        return hits;
    }

    /** The score a {@link #BY_SCORE} sort collected as its first sort value. */
    private static Float score(ScoreDoc sd) {
        return sd instanceof FieldDoc fd && fd.fields[0] instanceof Float f ? f : sd.score;
    }

    private Map<String, List<FacetValue>> facets(Facets facets, SearchRequest request) throws IOException {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> selection : request.selections().entrySet()) {
            String dim = selection.getKey();
            List<FacetValue> values = new ArrayList<>();
            FacetResult result = facets.getTopChildren(CONTROL.equals(dim) ? MAX_CONTROL_VALUES : MAX_FACET_VALUES, dim);
            Set<String> seen = new java.util.HashSet<>();
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    seen.add(lv.label);
                    values.add(new FacetValue(lv.label, index.label(dim, lv.label), lv.value.intValue(),
                            selection.getValue().contains(lv.label)));
                }
            }
            // A selected value with no hits still shows, so the user can see and untick it.
            for (String selected : selection.getValue()) {
                if (!seen.contains(selected)) values.add(new FacetValue(selected, index.label(dim, selected), 0, true));
            }
            out.put(dim, List.copyOf(values));
        }
        return out;
    }
}
