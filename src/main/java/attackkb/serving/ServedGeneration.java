package attackkb.serving;

import attackkb.BadInputException;
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
 * {@link CurrentGeneration} takes one more for each request, and the last reference let go closes the index, and the
 * older release open beside it ({@link #searchIn}).
 */
public final class ServedGeneration implements Closeable {
    private final IndexGeneration index;
    private final SearchService search;
    private final SearchResponses responses;
    private final EntityStore entities;
    private final Suggester suggester;
    private final FrameworkEntries frameworks;
    private final GenerationMemo memo = new GenerationMemo();
    /** The current release (null when the index does not record its releases), searched by default. */
    private final String currentRelease;
    private final SearchedRelease current;
    private final OlderReleases older;
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
        List<String> releases = index.manifest().releases() == null ? List.of() : index.manifest().releases();
        this.currentRelease = releases.isEmpty() ? null : releases.get(releases.size() - 1);
        this.current = new SearchedRelease(currentRelease, false, responses, index.manifest(),
                index.table().tacticNames(), () -> {}, () -> -1);
        this.older = new OlderReleases(index.generation(), releases.stream().limit(Math.max(0, releases.size() - 1))
                .filter(v -> IndexGeneration.holdsOlderRelease(index.generation(), v)).toList(), resultCache);
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
     * The release a search asks for (null or blank: the current one), held for one request: close it when done. An
     * older release's index is opened on its first search; see {@link OlderReleases}.
     *
     * @throws BadInputException if the index holds no search index of that release
     */
    public SearchedRelease searchIn(String release) {
        if (release == null || release.isBlank() || release.equals(currentRelease)) return current;
        if (!older.held().contains(release)) throw notHeld(release, searchableReleases(), currentRelease);
        return older.acquire(release);
    }

    /** That {@code release} cannot be searched, naming those that can ({@code searchable}, the current one last). */
    public static BadInputException notHeld(String release, List<String> searchable, String currentRelease) {
        return new BadInputException("release " + release + " is not held by this index; "
                + (searchable.size() > 1 ? "it can search ATT&CK " + String.join(", ", searchable.subList(0, searchable.size() - 1))
                        + " and " + currentRelease + " (the current release)"
                        : "it holds only the current release" + (currentRelease == null ? "" : ", ATT&CK " + currentRelease)));
    }

    /** The releases a search can be made in, oldest first, the current one last; empty when the index does not say. */
    public List<String> searchableReleases() {
        if (currentRelease == null) return List.of();
        List<String> all = new java.util.ArrayList<>(older.held());
        all.add(currentRelease);
        return List.copyOf(all);
    }

    /** The current release, e.g. {@code 18.1}; null for an index that does not record its releases. */
    public String currentRelease() {
        return currentRelease;
    }

    /** The older releases searched: for tests. */
    OlderReleases olderReleases() {
        return older;
    }

    /**
     * The ATT&CK releases this generation holds, oldest first (the current one last), read from its files once
     * ({@link CurrentGeneration} reads them before it serves the generation).
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
        older.close();
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
