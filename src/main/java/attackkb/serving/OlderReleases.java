package attackkb.serving;

import attackkb.BadInputException;
import attackkb.generation.IndexGeneration;
import attackkb.search.SearchService;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search indexes of the older releases a generation holds. One is opened on the first search of it, and at most
 * one is kept open: opening another closes it, once the last request searching it has finished. Searches of the
 * current release never touch this, so they cost nothing more for it; what an open release builds (its document
 * table and postings, a few megabytes) is held only while someone searches older releases.
 *
 * <p>An opened release is counted like {@link ServedGeneration}: this holds one reference while it is the open one,
 * and each request one more; the last let go closes its index.
 */
final class OlderReleases implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(OlderReleases.class);
    /** Results kept per older release: paging back and forth, not the long tail of live search. */
    static final int RESULT_CACHE = 32;

    private final Path generation;
    private final List<String> held;
    private final int resultCache;
    private Opened open;
    private boolean closed;

    /** An older release's index and its search, counted. */
    private static final class Opened {
        final String version;
        final IndexGeneration index;
        final SearchResponses responses;
        final AtomicInteger refs = new AtomicInteger(1); // the holder's

        Opened(String version, IndexGeneration index, int resultCache) {
            this.version = version;
            this.index = index;
            this.responses = new SearchResponses(new SearchService(index), resultCache);
        }

        void incRef() {
            refs.incrementAndGet();
        }

        void decRef() {
            int left = refs.decrementAndGet();
            if (left > 0) return;
            if (left < 0) throw new IllegalStateException("ATT&CK " + version + " released once too often");
            try {
                index.close();
            } catch (IOException ignored) {
                // nothing depends on a reader that failed to close
            }
        }
    }

    /** @param held the older releases {@code generation} holds a search index of, oldest first */
    OlderReleases(Path generation, List<String> held, int resultCache) {
        this.generation = generation;
        this.held = List.copyOf(held);
        this.resultCache = Math.min(resultCache, RESULT_CACHE);
    }

    List<String> held() {
        return held;
    }

    /**
     * Older release {@code version}, held for one request: opened if it is not the open one (which is then let go).
     * Opening runs under this lock: searches of another older release wait for it, those of the current one do not.
     */
    synchronized SearchedRelease acquire(String version) {
        if (closed) throw new AlreadyClosedException("the generation's older releases are closed");
        if (!held.contains(version)) throw new BadInputException("ATT&CK " + version + " is not held here");
        if (open == null || !open.version.equals(version)) {
            long started = System.nanoTime();
            Opened opened = new Opened(version, IndexGeneration.openOlderRelease(generation, version), resultCache);
            LOG.info("opened the search index of ATT&CK {} in {} ms{}", version, (System.nanoTime() - started) / 1_000_000,
                    open == null ? "" : "; ATT&CK " + open.version + "'s closes once its searches are done");
            if (open != null) open.decRef();
            open = opened;
        }
        Opened held = open;
        held.incRef();
        return new SearchedRelease(version, true, held.responses, held.index.manifest(), held.index.table().tacticNames(),
                held::decRef, held.refs::get);
    }

    /** The older release open now, or null: for tests. */
    synchronized String openVersion() {
        return open == null ? null : open.version;
    }

    /** The references to the open release, the holder's included (0 when none is open): for tests. */
    synchronized int openReferences() {
        return open == null ? 0 : open.refs.get();
    }

    /** Lets go of the open release: it closes now, or when the last request searching it has finished. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (open != null) open.decRef();
        open = null;
    }
}
