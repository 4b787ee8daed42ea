package attackkb.serving;

import attackkb.index.IndexStore;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The index a server answers from, kept up to date without a restart. It polls the index folder's {@code CURRENT}
 * pointer; when an {@code index} run publishes a new generation, it opens it, makes it current for new requests,
 * and closes the old one once the last request using it has finished. Requests hold a {@link Lease} for their
 * duration, so no request ever sees an index closed under it, and none waits for a swap.
 */
public final class CurrentGeneration implements Closeable {
    /** A request's hold on one generation: release it when the request is done. */
    public static final class Lease implements AutoCloseable {
        private final ServedGeneration live;
        private final AtomicInteger holders = new AtomicInteger(1); // 1: held by being current

        private Lease(ServedGeneration live) {
            this.live = live;
        }

        public ServedGeneration live() {
            return live;
        }

        private boolean retain() {
            int n;
            do {
                n = holders.get();
                if (n == 0) return false; // already closed: the caller retries with the new current lease
            } while (!holders.compareAndSet(n, n + 1));
            return true;
        }

        @Override
        public void close() {
            if (holders.decrementAndGet() == 0) {
                try {
                    live.close();
                } catch (IOException ignored) {
                    // nothing depends on a reader that failed to close
                }
            }
        }
    }

    private final IndexStore store;
    private final int resultCache;
    private final Consumer<String> log;
    private volatile Lease current;
    private volatile Path currentGeneration;
    private ScheduledExecutorService watcher;

    public CurrentGeneration(IndexStore store, int resultCache, Consumer<String> log) {
        this.store = store;
        this.resultCache = resultCache;
        this.log = log;
        this.currentGeneration = store.current();
        this.current = new Lease(ServedGeneration.open(store, resultCache));
    }

    /** A hold on the current generation, for one request. */
    public Lease acquire() {
        while (true) {
            Lease lease = current;
            if (lease.retain()) return lease;
        }
    }

    /** The current generation, for callers outside a request (startup banners, health). */
    public ServedGeneration current() {
        return current.live();
    }

    /** Swaps in the generation CURRENT names, if it is not the one being served; true if it swapped. */
    public synchronized boolean refresh() {
        Path latest = store.current();
        if (latest.equals(currentGeneration)) return false;
        ServedGeneration opened = ServedGeneration.open(store, resultCache);
        Lease previous = current;
        current = new Lease(opened);
        currentGeneration = opened.index().generation();
        previous.close(); // closes once the last request using it releases it
        log.accept("switched to index " + currentGeneration.getFileName() + " (built " + opened.index().manifest().builtAt() + ")");
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
                log.accept("index refresh failed, still serving " + currentGeneration.getFileName() + ": " + e.getMessage());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) watcher.shutdownNow();
        current.close();
    }
}
