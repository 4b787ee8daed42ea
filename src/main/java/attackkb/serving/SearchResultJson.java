package attackkb.serving;

import attackkb.ThreadConfined;
import attackkb.index.HitRecord;
import attackkb.search.FacetValue;
import attackkb.search.SearchHit;
import attackkb.search.SearchResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SearchResult} as the API's JSON body, without {@code took_ms}: the bytes Jackson writes for it with
 * {@link attackkb.Json#MAPPER} (snake_case names, nulls left out, fields in declaration order), which a test holds.
 *
 * <p>Written by hand because an answer is tens of kilobytes of mostly plain ASCII: here names are constant bytes and
 * a string is copied as is up to its first character that needs escaping or encoding. Jackson's bean serializers,
 * and its streaming generator too, were measured slower for the same bytes (JsonWriterBenchmark; the performance
 * log has the figures).
 */
final class SearchResultJson {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Each thread's buffer: an answer written in it is valid until the thread writes the next ({@link Written}). */
    private static final ThreadLocal<SearchResultJson> BUFFER = ThreadLocal.withInitial(SearchResultJson::new);

    private final ThreadConfined confined = new ThreadConfined();
    private byte[] out = new byte[32 * 1024];
    private int size;
    /** While writing a result: its hits' documents and the generation's heads, or null. */
    private int[] docs;
    private Head[] heads;

    private SearchResultJson() {}

    /**
     * A hit's fields that are the same in every answer (ID, type, name, domain, URL, tactics, platforms, parent, former
     * names), as
     * JSON from its opening brace, and the texts it was written from: used for a hit that holds these very objects.
     * Reading a page's twenty hits' texts meant reaching about two hundred objects across the heap; this is one array.
     */
    static final class Head {
        private final byte[] json;
        /** What follows the head: a comma, or the opening brace again when the head is only that. */
        private final byte separator;
        private final SearchHit of;

        private Head(byte[] json, byte separator, SearchHit of) {
            this.json = json;
            this.separator = separator;
            this.of = of;
        }

        /** Whether {@code h} has the very texts this head was written from. */
        boolean writes(SearchHit h) {
            SearchHit o = of;
            return h.id() == o.id() && h.type() == o.type() && h.name() == o.name() && h.domain() == o.domain()
                    && h.url() == o.url() && h.tactics() == o.tactics() && h.platforms() == o.platforms()
                    && (h.parent() == null ? o.parent() == null
                            : o.parent() != null && h.parent().id() == o.parent().id() && h.parent().name() == o.parent().name())
                    && h.formerNames() == o.formerNames();
        }
    }

    /** The JSON object of {@code result}, without {@code took_ms}. */
    static byte[] body(SearchResult result) {
        return body(result, null, null);
    }

    /**
     * As {@link #body(SearchResult)}, for a result whose hits are documents {@code docs} of a generation whose hit
     * heads are kept in {@code heads} (by document, written here when first needed).
     */
    static byte[] body(SearchResult result, int[] docs, Head[] heads) {
        return written(result, docs, heads).body();
    }

    /**
     * Room left before a body for what goes ahead of it ({@code {"took_ms":…,}), so that the answer is sent from the
     * buffer in one write, without copying the body out.
     */
    private static final int ROOM = 40;

    /**
     * The body of {@code result} (as {@link #body(SearchResult, int[], Head[])}) in this thread's buffer: read it with
     * {@link Written#body()} or send it with {@link Written#send}, once, before this thread writes another.
     */
    static Written written(SearchResult result, int[] docs, Head[] heads) {
        SearchResultJson json = BUFFER.get();
        int use = json.confined.begin();
        json.size = ROOM;
        json.docs = docs;
        json.heads = heads;
        json.result(result);
        json.docs = null;
        json.heads = null;
        return new Written(json, use);
    }

    /**
     * An answer's body in its thread's buffer, read once on that thread before it writes another: read later, twice
     * or elsewhere, it throws IllegalStateException rather than hand out another answer's bytes.
     */
    static final class Written {
        private final SearchResultJson json;
        private final int use;

        private Written(SearchResultJson json, int use) {
            this.json = json;
            this.use = use;
        }

        /** The body, as bytes of its own. */
        byte[] body() {
            json.confined.check(use);
            byte[] body = Arrays.copyOfRange(json.out, ROOM, json.size);
            json.done(use);
            return body;
        }

        /**
         * Sends {@code opening} (at most {@value SearchResultJson#ROOM} bytes), then the body without its opening
         * brace, in one write to {@code to}.
         */
        void send(byte[] opening, OutputStream to) throws IOException {
            json.confined.check(use);
            byte[] out = json.out;
            int start = ROOM + 1 - opening.length;
            System.arraycopy(opening, 0, out, start, opening.length);
            try {
                to.write(out, start, json.size - start);
            } finally {
                json.done(use);
            }
        }
    }

    private void done(int use) {
        confined.end(use);
        if (out.length > 256 * 1024) out = new byte[32 * 1024]; // a huge page does not stay with the thread
    }

    private void result(SearchResult r) {
        if (r.release() != null) {
            ascii("{\"release\":");
            string(r.release());
            ascii(",\"query\":");
        } else {
            ascii("{\"query\":");
        }
        string(r.query());
        ascii(",\"total\":");
        number(r.total());
        if (r.hits() != null) {
            ascii(",\"hits\":[");
            for (int i = 0; i < r.hits().size(); i++) {
                if (i > 0) comma();
                hit(r.hits().get(i), heads == null || docs.length != r.hits().size() ? -1 : docs[i]);
            }
            bracket();
        }
        if (r.facets() != null) {
            ascii(",\"facets\":{");
            boolean first = true;
            for (Map.Entry<String, List<FacetValue>> facet : r.facets().entrySet()) {
                if (!first) comma();
                first = false;
                string(facet.getKey());
                ascii(":[");
                List<FacetValue> values = facet.getValue();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) comma();
                    facetValue(values.get(i));
                }
                bracket();
            }
            brace();
        }
        if (r.fuzzy() != null) {
            ascii(",\"fuzzy\":");
            strings(r.fuzzy());
        }
        if (r.didYouMean() != null) {
            ascii(",\"did_you_mean\":");
            string(r.didYouMean());
        }
        brace();
    }

    /** Writes hit {@code h}, document {@code doc} of the result's generation (-1 if not known). */
    private void hit(SearchHit h, int doc) {
        byte separator;
        Head head = doc < 0 ? null : heads[doc];
        if (head != null && head.writes(h)) {
            if (size + head.json.length > out.length) grow(head.json.length);
            System.arraycopy(head.json, 0, out, size, head.json.length);
            size += head.json.length;
            separator = head.separator;
        } else {
            int start = size;
            separator = head(h);
            if (doc >= 0) {
                // Kept without the parts that change, which a generation's heads would hold on to.
                SearchHit of = new SearchHit(h.id(), h.type(), h.name(), h.domain(), h.url(), h.tactics(), h.platforms(),
                        h.parent(), h.formerNames(), null, null, null, null);
                heads[doc] = new Head(Arrays.copyOfRange(out, start, size), separator, of);
            }
        }
        if (h.score() != null) {
            name(separator, "\"score\":");
            separator = ',';
            ascii(Float.toString(h.score()));
        }
        separator = field(separator, "\"snippet\":", h.snippet());
        separator = field(separator, "\"matched\":", h.matched());
        separator = field(separator, "\"framework\":", h.framework());
        if (h.current() != null) {
            name(separator, "\"current\":");
            separator = ',';
            HitRecord.Current c = h.current();
            byte inner = field((byte) '{', "\"status\":", c.status());
            inner = field(inner, "\"id\":", c.id());
            inner = field(inner, "\"name\":", c.name());
            inner = field(inner, "\"successor\":", c.successor());
            inner = field(inner, "\"successor_name\":", c.successorName());
            if (inner == '{') put(inner);
            brace();
        }
        if (separator == '{') put(separator);
        brace();
    }

    /** Writes the fields of {@code h} a {@link Head} holds; returns the next field's separator. */
    private byte head(SearchHit h) {
        byte separator = '{';
        separator = field(separator, "\"id\":", h.id());
        separator = field(separator, "\"type\":", h.type());
        separator = field(separator, "\"name\":", h.name());
        separator = field(separator, "\"domain\":", h.domain());
        separator = field(separator, "\"url\":", h.url());
        separator = field(separator, "\"tactics\":", h.tactics());
        separator = field(separator, "\"platforms\":", h.platforms());
        if (h.parent() != null) {
            name(separator, "\"parent\":");
            separator = ',';
            byte inner = field((byte) '{', "\"id\":", h.parent().id());
            inner = field(inner, "\"name\":", h.parent().name());
            if (inner == '{') put(inner);
            brace();
        }
        separator = field(separator, "\"former_names\":", h.formerNames());
        return separator;
    }

    private void facetValue(FacetValue v) {
        byte separator = field((byte) '{', "\"value\":", v.value());
        separator = field(separator, "\"label\":", v.label());
        name(separator, "\"count\":");
        number(v.count());
        ascii(v.selected() ? ",\"selected\":true}" : ",\"selected\":false}");
    }

    /** Writes {@code "name":value} after {@code separator} unless the value is null; the next field's separator. */
    private byte field(byte separator, String name, String value) {
        if (value == null) return separator;
        name(separator, name);
        string(value);
        return ',';
    }

    private byte field(byte separator, String name, List<String> values) {
        if (values == null) return separator;
        name(separator, name);
        strings(values);
        return ',';
    }

    private void name(byte separator, String name) {
        put(separator);
        ascii(name);
    }

    private void strings(List<String> values) {
        put((byte) '[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) comma();
            String value = values.get(i);
            if (value == null) ascii("null");
            else string(value);
        }
        bracket();
    }

    private void comma() {
        put((byte) ',');
    }

    private void bracket() {
        put((byte) ']');
    }

    private void brace() {
        put((byte) '}');
    }

    private void put(byte b) {
        if (size == out.length) grow(1);
        out[size++] = b;
    }

    /** Characters known to be ASCII that need no escaping: names and numbers. */
    private void ascii(String s) {
        int n = s.length();
        if (size + n > out.length) grow(n);
        s.getBytes(0, n, out, size); // ASCII only, for which this deprecated copy is exact and the fastest
        size += n;
    }

    /** A count or total, written digit by digit rather than through a String. */
    private void number(long value) {
        if (value < 0 || value >= 1_000_000_000L) {
            ascii(Long.toString(value));
            return;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) digits++;
        if (size + digits > out.length) grow(digits);
        for (int i = size + digits - 1; i >= size; i--, value /= 10) out[i] = (byte) ('0' + value % 10);
        size += digits;
    }

    /**
     * A JSON string, escaped as Jackson escapes: quote, backslash, control characters and surrogates; the rest as
     * UTF-8. Most strings are plain ASCII and go through the first loop alone; from the first character that needs
     * more, the rest goes through {@link #encode}.
     */
    private void string(String s) {
        int n = s.length();
        if (size + n + 2 > out.length) grow(n + 2);
        byte[] o = out;
        int at = size;
        o[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                size = at;
                encode(s, i);
                return;
            }
            o[at++] = (byte) c;
        }
        o[at++] = '"';
        size = at;
    }

    /** The rest of {@code s} from {@code from}, character by character, and the closing quote. */
    private void encode(String s, int from) {
        int n = s.length();
        if (size + 6 * (n - from) + 1 > out.length) grow(6 * (n - from) + 1); // the worst case: six bytes each
        byte[] o = out;
        int at = size;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    o[at++] = (byte) c;
                    continue;
                }
                size = at;
                escape(c);
                o = out;
                at = size;
            } else if (c < 0x800) {
                o[at++] = (byte) (0xc0 | c >> 6);
                o[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                // Jackson writes each half of a pair (or a lone half) as an escape, not the pair as 4 bytes.
                o[at++] = '\\';
                o[at++] = 'u';
                o[at++] = HEX[c >> 12];
                o[at++] = HEX[c >> 8 & 0xf];
                o[at++] = HEX[c >> 4 & 0xf];
                o[at++] = HEX[c & 0xf];
            } else {
                o[at++] = (byte) (0xe0 | c >> 12);
                o[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                o[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        o[at++] = '"';
        size = at;
    }

    /** An ASCII character JSON needs escaped, as Jackson writes it. */
    private void escape(char c) {
        String shortForm = switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> null;
        };
        if (shortForm != null) {
            ascii(shortForm);
            return;
        }
        ascii("\\u00");
        put(HEX[c >> 4]);
        put(HEX[c & 0xf]);
    }

    private void grow(int needed) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, size + needed));
    }
}
