package attackkb.serving;

import attackkb.Json;
import attackkb.search.FacetValue;
import attackkb.search.SearchHit;
import attackkb.search.SearchResult;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The candidate to {@link SearchResultJson}: the same body, buffer and send, written through Jackson's streaming
 * generator (the mapper's own factory, so the same escaping and numbers). Kept beside the hand-written writer so that
 * JsonWriterBenchmark can compare them.
 */
final class JacksonResultJson {
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
    /** Each thread's buffer and generator, as {@link SearchResultJson}'s. */
    private static final ThreadLocal<JacksonResultJson> BUFFER = ThreadLocal.withInitial(JacksonResultJson::new);
    private static final int ROOM = 40;

    private static final SerializedString QUERY = new SerializedString("query"), TOTAL = new SerializedString("total"),
            HITS = new SerializedString("hits"), FACETS = new SerializedString("facets"),
            FUZZY = new SerializedString("fuzzy"), DID_YOU_MEAN = new SerializedString("did_you_mean"),
            ID = new SerializedString("id"), TYPE = new SerializedString("type"), NAME = new SerializedString("name"),
            DOMAIN = new SerializedString("domain"), URL = new SerializedString("url"),
            TACTICS = new SerializedString("tactics"), PLATFORMS = new SerializedString("platforms"),
            PARENT = new SerializedString("parent"), SCORE = new SerializedString("score"),
            SNIPPET = new SerializedString("snippet"), MATCHED = new SerializedString("matched"),
            FRAMEWORK = new SerializedString("framework"), FORMER_NAMES = new SerializedString("former_names"), VALUE = new SerializedString("value"),
            LABEL = new SerializedString("label"), COUNT = new SerializedString("count"),
            SELECTED = new SerializedString("selected");

    private final Sink sink = new Sink(32 * 1024);
    private JsonGenerator generator = generator(sink);
    /** Whether a kept head's fields were written raw, so the generator owes the next field's comma. */
    private boolean rawFields;

    /** A hit's unchanging fields as JSON without the braces ({@link SearchResultJson.Head}'s counterpart). */
    static final class Head {
        private final SerializedString json;
        private final SearchHit of;

        private Head(String json, SearchHit of) {
            this.json = new SerializedString(json);
            this.json.asUnquotedUTF8(); // encoded once, here
            this.of = new SearchHit(of.id(), of.type(), of.name(), of.domain(), of.url(), of.tactics(), of.platforms(),
                    of.parent(), of.formerNames(), null, null, null, null);
        }

        boolean writes(SearchHit h) {
            SearchHit o = of;
            return h.id() == o.id() && h.type() == o.type() && h.name() == o.name() && h.domain() == o.domain()
                    && h.url() == o.url() && h.tactics() == o.tactics() && h.platforms() == o.platforms()
                    && (h.parent() == null ? o.parent() == null
                            : o.parent() != null && h.parent().id() == o.parent().id() && h.parent().name() == o.parent().name())
                    && h.formerNames() == o.formerNames();
        }
    }

    /** As {@link SearchResultJson#body(SearchResult)}. */
    static byte[] body(SearchResult result) {
        return body(result, null, null);
    }

    /** As {@link SearchResultJson#body(SearchResult, int[], SearchResultJson.Head[])}. */
    static byte[] body(SearchResult result, int[] docs, Head[] heads) {
        return written(result, docs, heads).body();
    }

    /** As {@link SearchResultJson#written}: this thread's buffer holding the body, to read or send once. */
    static JacksonResultJson written(SearchResult result, int[] docs, Head[] heads) {
        JacksonResultJson json = BUFFER.get();
        json.sink.size = ROOM;
        try {
            json.result(json.generator, result, docs, heads);
            json.generator.flush();
        } catch (IOException | RuntimeException e) {
            json.generator = generator(json.sink); // one left in the middle of an answer cannot write the next
            json.rawFields = false;
            if (e instanceof IOException io) throw new UncheckedIOException(io); // the sink does not throw
            throw (RuntimeException) e;
        }
        return json;
    }

    /**
     * A generator kept by the thread, writing answer after answer into {@code sink} as root values with nothing
     * between them: a new one per answer cost its context objects each time.
     */
    private static JsonGenerator generator(Sink sink) {
        try {
            JsonGenerator g = FACTORY.createGenerator(sink);
            g.setRootValueSeparator(null);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] body() {
        byte[] body = Arrays.copyOfRange(sink.out, ROOM, sink.size);
        done();
        return body;
    }

    /** As {@link SearchResultJson#send}. */
    void send(byte[] opening, OutputStream to) throws IOException {
        int start = ROOM + 1 - opening.length;
        System.arraycopy(opening, 0, sink.out, start, opening.length);
        try {
            to.write(sink.out, start, sink.size - start);
        } finally {
            done();
        }
    }

    private void done() {
        if (sink.out.length > 256 * 1024) sink.out = new byte[32 * 1024];
    }

    private void result(JsonGenerator g, SearchResult r, int[] docs, Head[] heads) throws IOException {
        g.writeStartObject();
        field(g, QUERY, r.query());
        g.writeFieldName(TOTAL);
        g.writeNumber(r.total());
        if (r.hits() != null) {
            g.writeFieldName(HITS);
            g.writeStartArray();
            boolean kept = heads != null && docs.length == r.hits().size();
            for (int i = 0; i < r.hits().size(); i++) hit(g, r.hits().get(i), kept ? docs[i] : -1, heads);
            g.writeEndArray();
        }
        if (r.facets() != null) {
            g.writeFieldName(FACETS);
            g.writeStartObject();
            for (Map.Entry<String, List<FacetValue>> facet : r.facets().entrySet()) {
                g.writeFieldName(facet.getKey());
                g.writeStartArray();
                List<FacetValue> values = facet.getValue();
                for (int i = 0; i < values.size(); i++) facetValue(g, values.get(i));
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        field(g, FUZZY, r.fuzzy());
        field(g, DID_YOU_MEAN, r.didYouMean());
        g.writeEndObject();
    }

    private void hit(JsonGenerator g, SearchHit h, int doc, Head[] heads) throws IOException {
        g.writeStartObject();
        Head head = doc < 0 ? null : heads[doc];
        if (head != null && head.writes(h)) {
            g.writeRaw(head.json);
            rawFields = head.json.charLength() > 0;
        } else {
            head(g, h);
            if (doc >= 0) heads[doc] = new Head(headJson(h), h);
        }
        if (h.score() != null) {
            name(g, SCORE);
            g.writeNumber(h.score());
        }
        field(g, SNIPPET, h.snippet());
        field(g, MATCHED, h.matched());
        field(g, FRAMEWORK, h.framework());
        rawFields = false;
        g.writeEndObject();
    }

    private void head(JsonGenerator g, SearchHit h) throws IOException {
        field(g, ID, h.id());
        field(g, TYPE, h.type());
        field(g, NAME, h.name());
        field(g, DOMAIN, h.domain());
        field(g, URL, h.url());
        field(g, TACTICS, h.tactics());
        field(g, PLATFORMS, h.platforms());
        if (h.parent() != null) {
            g.writeFieldName(PARENT);
            g.writeStartObject();
            field(g, ID, h.parent().id());
            field(g, NAME, h.parent().name());
            g.writeEndObject();
        }
        field(g, FORMER_NAMES, h.formerNames());
    }

    /** The head fields of {@code h} as JSON, without the object's braces. */
    private String headJson(SearchHit h) throws IOException {
        Sink scratch = new Sink(512);
        try (JsonGenerator g = FACTORY.createGenerator(scratch)) {
            g.writeStartObject();
            head(g, h);
            g.writeEndObject();
        }
        return new String(scratch.out, 1, scratch.size - 2, StandardCharsets.UTF_8);
    }

    private void facetValue(JsonGenerator g, FacetValue v) throws IOException {
        g.writeStartObject();
        field(g, VALUE, v.value());
        field(g, LABEL, v.label());
        g.writeFieldName(COUNT);
        g.writeNumber(v.count());
        g.writeFieldName(SELECTED);
        g.writeBoolean(v.selected());
        g.writeEndObject();
    }

    private void name(JsonGenerator g, SerializedString name) throws IOException {
        if (rawFields) {
            g.writeRaw(',');
            rawFields = false;
        }
        g.writeFieldName(name);
    }

    private void field(JsonGenerator g, SerializedString name, String value) throws IOException {
        if (value == null) return;
        name(g, name);
        g.writeString(value);
    }

    private void field(JsonGenerator g, SerializedString name, List<String> values) throws IOException {
        if (values == null) return;
        name(g, name);
        g.writeStartArray();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) g.writeNull();
            else g.writeString(value);
        }
        g.writeEndArray();
    }

    /** A growable byte array the generator flushes into, with room before the body. */
    private static final class Sink extends OutputStream {
        byte[] out;
        int size;

        Sink(int capacity) {
            out = new byte[capacity];
        }

        @Override
        public void write(int b) {
            if (size == out.length) out = Arrays.copyOf(out, out.length * 2);
            out[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (size + len > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, size + len));
            System.arraycopy(b, off, out, size, len);
            size += len;
        }
    }
}
