package attackkb.search;

import static attackkb.index.IndexSchema.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * For each hit: which fields the query matched, and a snippet cut from the most telling of them (statement, then
 * detection, mitigation, procedures), with the matched words in {@code <mark>} and everything else HTML-escaped.
 *
 * <p>Matched fields come from one postings walk per query term over the page; only the one field a snippet is cut
 * from is then highlighted. Highlighting every field of every hit, some of them tens of kilobytes of
 * procedure examples, was by far the most expensive part of a search.
 */
final class Snippets {
    /** A hit's snippet (HTML, or null when no prose field matched) and the fields its query matched. */
    record Snippet(String html, List<String> matched) {}

    /** Highlighting looks at most as far into a field as the index keeps of it. */
    private static final int MAX_ANALYZED_CHARS = MAX_SNIPPET_SOURCE;

    private final IndexSearcher searcher;
    private final UnifiedHighlighter highlighter;

    Snippets(IndexSearcher searcher, Analyzer analyzer, DocValuesReader docValues) {
        this.searcher = searcher;
        var builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(0)
                .withMaxLength(MAX_ANALYZED_CHARS)
                .withPassageRelevancyOverSpeed(false)
                // Mark the words of a phrase wherever they occur: exact phrase positions cost more than they show.
                .withHighlightPhrasesStrictly(false);
        this.highlighter = new UnifiedHighlighter(builder) {
            /** The texts to cut from live in doc values (see IndexSchema), not in stored fields. */
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheChars)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    CharSequence[] perField = new CharSequence[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        String text = docValues.text(fields[i], doc);
                        perField[i] = text == null ? "" : text;
                    }
                    values.add(perField);
                }
                return values;
            }
        };
    }

    /**
     * Snippets by doc ID; a doc whose prose the query did not match (an ID lookup, a filter-only list) has none.
     * {@code query} must already be rewritten ({@link IndexSearcher#rewrite}).
     */
    Map<Integer, Snippet> forDocs(Query query, ScoreDoc[] docs) throws IOException {
        Map<Integer, Snippet> out = new HashMap<>();
        if (query == null || docs.length == 0) return out;
        Map<Integer, List<String>> matched = matchedFields(query, docs);

        // Group the hits by the field their snippet comes from: one highlighter pass per field.
        Map<String, List<Integer>> byField = new HashMap<>();
        for (ScoreDoc sd : docs) {
            List<String> fields = matched.getOrDefault(sd.doc, List.of());
            SNIPPET_FIELDS.stream().filter(fields::contains).findFirst()
                    .ifPresent(f -> byField.computeIfAbsent(f, k -> new ArrayList<>()).add(sd.doc));
        }
        Map<Integer, String> html = new HashMap<>();
        for (Map.Entry<String, List<Integer>> group : byField.entrySet()) {
            int[] ids = group.getValue().stream().mapToInt(Integer::intValue).sorted().toArray();
            String[] texts = highlighter.highlightFields(new String[] {group.getKey()}, query, ids, new int[] {1})
                    .get(group.getKey());
            for (int i = 0; i < ids.length; i++) {
                if (texts[i] != null) html.put(ids[i], texts[i].strip());
            }
        }
        for (ScoreDoc sd : docs) {
            List<String> fields = matched.getOrDefault(sd.doc, List.of());
            if (!fields.isEmpty()) out.put(sd.doc, new Snippet(html.get(sd.doc), fields));
        }
        return out;
    }

    /**
     * The user-facing fields each doc matched: those holding at least one of the query's terms. Checked term by term
     * over all the page's documents at once (one postings walk per term), which costs a fraction of asking the query
     * to explain each document's match.
     */
    private Map<Integer, List<String>> matchedFields(Query query, ScoreDoc[] docs) throws IOException {
        Set<Term> terms = new HashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        int[] sorted = Arrays.stream(docs).mapToInt(sd -> sd.doc).sorted().toArray();
        Map<Integer, Set<String>> fieldsByDoc = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int base = leaf.docBase;
            int end = base + leaf.reader().maxDoc();
            for (Term term : terms) {
                Terms fieldTerms = leaf.reader().terms(term.field());
                if (fieldTerms == null) continue;
                TermsEnum termsEnum = fieldTerms.iterator();
                if (!termsEnum.seekExact(term.bytes())) continue;
                PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
                for (int doc : sorted) {
                    if (doc < base || doc >= end) continue;
                    int target = doc - base;
                    if (postings.docID() < target && postings.advance(target) == target || postings.docID() == target) {
                        fieldsByDoc.computeIfAbsent(doc, k -> new HashSet<>()).add(term.field());
                    }
                    if (postings.docID() == DocIdSetIterator.NO_MORE_DOCS) break;
                }
            }
        }
        Map<Integer, List<String>> out = new HashMap<>();
        fieldsByDoc.forEach((doc, fields) -> out.put(doc, shown(fields)));
        return out;
    }

    private static final List<String> SHOWN_ORDER = shownOrder();

    private static List<String> shownOrder() {
        List<String> order = new ArrayList<>(List.of(ID, NAME, ALIASES));
        order.addAll(SNIPPET_FIELDS);
        return List.copyOf(order);
    }

    /** Index fields as a user knows them: a parent-ID match is an ID match, an exact-name match a name match. */
    private static List<String> shown(Set<String> indexFields) {
        Set<String> names = new LinkedHashSet<>();
        for (String f : indexFields) {
            if (f.equals(PARENT_ID)) names.add(ID);
            else if (f.equals(NAME_EXACT)) names.add(NAME);
            else names.add(f);
        }
        return SHOWN_ORDER.stream().filter(names::contains).toList();
    }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
