package attackkb.search;

import static attackkb.index.IndexSchema.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * For each hit: which fields the query matched, and a snippet cut from the most telling of them (statement, then
 * detection, mitigation, procedures), with the matched words in {@code <mark>} and everything else HTML-escaped.
 *
 * <p>Matched fields come from Lucene's matches API, which costs a few postings lookups per hit; only the one field a
 * snippet is cut from is then highlighted. Highlighting every field of every hit, some of them tens of kilobytes of
 * procedure examples, was by far the most expensive part of a search.
 */
final class Snippets {
    /** A hit's snippet (HTML, or null when no prose field matched) and the fields its query matched. */
    record Snippet(String html, List<String> matched) {}

    private static final int LEAD_LENGTH = 240;
    /** Highlighting looks at most this far into a field: long enough for any statement, short for the rest. */
    private static final int MAX_ANALYZED_CHARS = 20_000;

    private final IndexSearcher searcher;
    private final UnifiedHighlighter highlighter;

    Snippets(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(0)
                .withMaxLength(MAX_ANALYZED_CHARS)
                .withPassageRelevancyOverSpeed(false)
                // Mark the words of a phrase wherever they occur: exact phrase positions cost more than they show.
                .withHighlightPhrasesStrictly(false)
                // Mark the words of a phrase wherever they occur: exact phrase positions cost more than they show.
                .withHighlightPhrasesStrictly(false)
                .build();
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

    /** The user-facing fields each doc matched, in a stable order: id, name, aliases, then the prose fields. */
    private Map<Integer, List<String>> matchedFields(Query query, ScoreDoc[] docs) throws IOException {
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Integer, List<String>> out = new HashMap<>();
        for (ScoreDoc sd : docs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            Matches matches = weight.matches(leaf, sd.doc - leaf.docBase);
            if (matches == null) continue;
            Set<String> fields = new LinkedHashSet<>();
            for (String field : matches) fields.add(field);
            out.put(sd.doc, shown(fields));
        }
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

    /** The start of a description, escaped, for hits whose match gives nothing better to show. */
    static String lead(String text) {
        if (text == null || text.isEmpty()) return "";
        if (text.length() <= LEAD_LENGTH) return escape(text);
        int end = text.lastIndexOf(' ', LEAD_LENGTH);
        String cut = text.substring(0, end > 0 ? end : LEAD_LENGTH) + " …";
        return escape(cut);
    }

    static String escape(String text) {
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
