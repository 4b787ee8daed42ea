package attackkb.serving;

import attackkb.generation.GenerationMemo;
import attackkb.generation.IndexGeneration;
import attackkb.index.IndexStore;
import attackkb.records.EntityStore;
import attackkb.records.FrameworkEntries;
import attackkb.releases.ReleaseFiles;
import attackkb.releases.ReleaseHistory;
import attackkb.releases.ReleaseSnapshot;
import attackkb.search.SearchService;
import attackkb.search.Suggester;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One index generation as the server answers from it: the opened {@link IndexGeneration} and the services built over
 * it once, when it is opened, and shared by every request (search, kept answers, records, framework entries,
 * suggestions).
 *
 * <p>Counted like Lucene's {@code IndexReader}: whoever opens it holds one reference, dropped by {@link #close()};
 * {@link CurrentGeneration} takes one more for each request, and the last reference let go closes the index.
 */
public final class ServedGeneration implements Closeable {
    private final IndexGeneration index;
    private final SearchService search;
    private final SearchResponses responses;
    private final EntityStore entities;
    private final Suggester suggester;
    private final FrameworkEntries frameworks;
    private final GenerationMemo memo = new GenerationMemo();
    private final AtomicInteger refCount = new AtomicInteger(1); // the opener's
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Results kept per index by default, each with its JSON (facets included), within the server's memory budget. An
     * uncached search is already fast, so the cache is for repeats, not for speed.
     */
    public static final int DEFAULT_RESULT_CACHE = 256;

    private ServedGeneration(IndexGeneration index, int resultCache) {
        this.index = index;
        this.search = new SearchService(index);
        this.responses = new SearchResponses(search, resultCache);
        this.entities = new EntityStore(index);
        this.suggester = Suggester.load(index);
        this.frameworks = new FrameworkEntries(entities, index.manifest().frameworks());
    }

    public static ServedGeneration open(IndexStore store) {
        return open(store, DEFAULT_RESULT_CACHE);
    }

    public static ServedGeneration open(IndexStore store, int resultCache) {
        return new ServedGeneration(IndexGeneration.open(store), resultCache);
    }

    public IndexGeneration index() {
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

    public FrameworkEntries frameworks() {
        return frameworks;
    }

    /**
     * The ATT&CK releases this generation holds, oldest first (the current one last), read from its files on first
     * use: only change lists, histories and upgrades need them.
     */
    public ReleaseHistory releases() {
        return memo.get(ReleaseHistory.class, () -> {
            try {
                List<ReleaseSnapshot> releases = ReleaseFiles.read(index.generation());
                if (releases.isEmpty()) throw new IllegalStateException(index.generation() + ": no release snapshot");
                return new ReleaseHistory(releases);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What the layers above make of this generation once, such as the names a search page's facets show. */
    public GenerationMemo memo() {
        return memo;
    }

    /** Takes one more reference, unless the last one has already been let go (and the index closed). */
    boolean tryIncRef() {
        int count;
        while ((count = refCount.get()) > 0) {
            if (refCount.compareAndSet(count, count + 1)) return true;
        }
        return false;
    }

    /** Lets go of one reference; the last closes the index. */
    void decRef() {
        int left = refCount.decrementAndGet();
        if (left > 0) return;
        if (left < 0) throw new IllegalStateException("generation " + index.generation().getFileName() + " released once too often");
        try {
            index.close();
        } catch (IOException ignored) {
            // nothing depends on a reader that failed to close
        }
    }

    int refCount() {
        return refCount.get();
    }

    /** Drops the opener's reference: the index closes now, or when the last request holding it lets go. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) decRef();
    }
}
