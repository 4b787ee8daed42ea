package attackkb.serving;

import attackkb.index.IndexStore;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Which generation the server answers from, swapped without a restart. It polls the index folder's {@code CURRENT}
 * pointer; when an {@code index} run publishes a new generation, it opens it, makes it current for new requests,
 * and closes the old one once the last request using it has finished. Each request {@link #acquire() acquires} the
 * current generation and {@link #release releases} it when done, so no request ever sees an index closed under it,
 * and none waits for a swap. The counting and the swap are Lucene's {@link ReferenceManager}'s.
 */
public final class CurrentGeneration implements Closeable {
    /** Lucene's manager, counting with {@link ServedGeneration}'s references and opening what CURRENT names. */
    private final class Generations extends ReferenceManager<ServedGeneration> {
        Generations(ServedGeneration first) {
            current = first;
        }

        ServedGeneration current() {
            return current;
        }

        @Override
        protected ServedGeneration refreshIfNeeded(ServedGeneration served) {
            if (store.current().equals(served.index().generation())) return null;
            return warmed(ServedGeneration.open(store, resultCache));
        }

        @Override
        protected boolean tryIncRef(ServedGeneration served) {
            return served.tryIncRef();
        }

        @Override
        protected void decRef(ServedGeneration served) {
            served.decRef();
        }

        @Override
        protected int getRefCount(ServedGeneration served) {
            return served.refCount();
        }
    }

    private final IndexStore store;
    private final int resultCache;
    private final Consumer<String> log;
    private final Generations generations;
    private ScheduledExecutorService watcher;

    public CurrentGeneration(IndexStore store, int resultCache, Consumer<String> log) {
        this.store = store;
        this.resultCache = resultCache;
        this.log = log;
        this.generations = new Generations(warmed(ServedGeneration.open(store, resultCache)));
    }

    /**
     * A generation with its releases read before it is served: every object page shows its history, and the first
     * request to need them should not wait for them.
     */
    private static ServedGeneration warmed(ServedGeneration served) {
        try {
            served.releases();
            return served;
        } catch (RuntimeException e) {
            served.close();
            throw e;
        }
    }

    /** The current generation, held for one request: give it back to {@link #release} when the request is done. */
    public ServedGeneration acquire() {
        try {
            return generations.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // declared by Lucene; our references never throw it
        }
    }

    /** Lets go of a generation {@link #acquire() acquired}; the last request out of an old one closes it. */
    public void release(ServedGeneration held) {
        try {
            generations.release(held);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current generation, for callers outside a request (startup banners, health). */
    public ServedGeneration current() {
        ServedGeneration served = generations.current();
        if (served == null) throw new AlreadyClosedException("no generation is served: closed");
        return served;
    }

    /** Swaps in the generation CURRENT names, if it is not the one being served; true if it swapped. */
    public synchronized boolean refresh() {
        ServedGeneration before = current();
        try {
            generations.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServedGeneration now = current();
        if (now == before) return false;
        log.accept("switched to index " + now.index().generation().getFileName() + " (built " + now.index().manifest().builtAt() + ")");
        return true;
    }

    /** Checks for a new generation every {@code intervalMillis}, on a daemon thread. */
    public synchronized void watch(long intervalMillis) {
        if (watcher != null) return;
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-watcher");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                // A half-visible or broken generation: keep serving the current one and try again next time.
                log.accept("index refresh failed, still serving " + current().index().generation().getFileName() + ": " + e.getMessage());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops watching and lets go of the current generation, which closes once its last request is done. */
    @Override
    public synchronized void close() {
        if (watcher != null) watcher.shutdownNow();
        try {
            generations.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
