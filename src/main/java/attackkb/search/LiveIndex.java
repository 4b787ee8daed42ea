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
    private final EntityStore entities;
    private final Suggester suggester;

    private LiveIndex(OpenIndex index) {
        this.index = index;
        this.search = new SearchService(index);
        this.entities = new EntityStore(index);
        this.suggester = Suggester.load(index);
    }

    public static LiveIndex open(IndexStore store) {
        return new LiveIndex(OpenIndex.open(store));
    }

    public OpenIndex index() {
        return index;
    }

    public SearchService search() {
        return search;
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
