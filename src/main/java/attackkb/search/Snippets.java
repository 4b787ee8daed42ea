package attackkb.search;

import static attackkb.index.IndexSchema.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Cuts a snippet for each hit from the field the query matched, most telling field first, with the matched words
 * in {@code <mark>} and everything else HTML-escaped. Also reports which fields matched at all.
 */
final class Snippets {
    /** A hit's snippet (HTML) and the fields its query matched. */
    record Snippet(String html, List<String> matched) {}

    private static final int LEAD_LENGTH = 240;
    /** Name first (to know it matched), then the prose snippets are cut from. */
    private static final String[] FIELDS = fields();

    private final UnifiedHighlighter highlighter;

    Snippets(IndexSearcher searcher, Analyzer analyzer) {
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(0)
                .withMaxLength(100_000)
                .build();
    }

    private static String[] fields() {
        List<String> fields = new ArrayList<>();
        fields.add(NAME);
        fields.addAll(SNIPPET_FIELDS);
        return fields.toArray(String[]::new);
    }

    /** Snippets by doc ID; a doc whose fields the query did not match (an ID lookup, a filter-only list) has none. */
    Map<Integer, Snippet> forDocs(Query query, ScoreDoc[] docs) throws IOException {
        Map<Integer, Snippet> out = new HashMap<>();
        if (query == null || docs.length == 0) return out;
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) ids[i] = docs[i].doc;
        int[] passages = new int[FIELDS.length];
        java.util.Arrays.fill(passages, 1);
        Map<String, String[]> byField = highlighter.highlightFields(FIELDS, query, ids, passages);
        for (int i = 0; i < ids.length; i++) {
            List<String> matched = new ArrayList<>();
            String html = null;
            for (String field : FIELDS) {
                String text = byField.get(field)[i];
                if (text == null || !text.contains("<mark>")) continue;
                matched.add(field);
                if (html == null && !NAME.equals(field)) html = text.strip();
            }
            if (!matched.isEmpty()) out.put(ids[i], new Snippet(html, List.copyOf(matched)));
        }
        return out;
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
