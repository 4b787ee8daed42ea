package attackkb.search;

import attackkb.index.IndexStore;
import java.io.Closeable;
import java.io.IOException;

/**
 * The index a server answers from: the opened generation and the services built over it, made once when it is
 * opened and shared by every request.
 */
public final class LiveIndex implements Closeable {
    private final OpenIndex index;
    private final SearchService search;
    private final SearchResponses responses;
    private final EntityStore entities;
    private final Suggester suggester;

    /**
     * Results kept per index by default: about 12 MB, at some 50 KB each (the result and its JSON, facets included).
     * An uncached search costs about a millisecond, so the cache is for repeats, not for speed.
     */
    public static final int DEFAULT_RESULT_CACHE = 256;

    private LiveIndex(OpenIndex index, int resultCache) {
        this.index = index;
        this.search = new SearchService(index);
        this.responses = new SearchResponses(search, resultCache);
        this.entities = new EntityStore(index);
        this.suggester = Suggester.load(index);
    }

    public static LiveIndex open(IndexStore store) {
        return open(store, DEFAULT_RESULT_CACHE);
    }

    public static LiveIndex open(IndexStore store, int resultCache) {
        return new LiveIndex(OpenIndex.open(store), resultCache);
    }

    public OpenIndex index() {
        return index;
    }

    public SearchService search() {
        return search;
    }

    public SearchResponses responses() {
        return responses;
    }

    public EntityStore entities() {
        return entities;
    }

    public Suggester suggester() {
        return suggester;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
