package attackkb.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.BadInputException;
import attackkb.Fixtures;
import attackkb.index.IndexStore;
import attackkb.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The swap from one published generation to the next, step by step: who is served, and when each generation's
 * Lucene reader closes (its reference count, which Lucene sets to 0 when it closes the reader).
 */
class CurrentGenerationTest {
    @TempDir
    Path root;

    final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void anOldGenerationClosesAfterItsLastRequestAndNotBefore() throws Exception {
        IndexStore store = Fixtures.index(root);
        try (var serving = new CurrentGeneration(store, 0, log::add)) {
            ServedGeneration first = serving.acquire();
            Path firstFolder = first.index().generation();

            Fixtures.index(root);
            assertThat(serving.refresh()).isTrue();

            Path secondFolder = store.current();
            assertThat(secondFolder).isNotEqualTo(firstFolder);
            assertThat(log).containsExactly(
                    "switched to index " + secondFolder.getFileName() + " (built " + store.manifest().builtAt() + ")");
            assertThat(topHit(first)).as("the request on generation 1 still answers").isEqualTo("T1204.003");
            assertThat(reader(first).getRefCount()).as("generation 1 is open").isEqualTo(1);

            ServedGeneration second = serving.acquire();
            assertThat(second.index().generation()).isEqualTo(secondFolder);
            assertThat(serving.current()).isSameAs(second);
            assertThat(topHit(second)).isEqualTo("T1204.003");
            serving.release(second);

            serving.release(first);
            assertThat(reader(first).getRefCount()).as("generation 1 is closed").isZero();
            assertThat(reader(second).getRefCount()).as("generation 2 is open").isEqualTo(1);
        }
    }

    @Test
    void refreshingWithNothingNewKeepsTheSameGeneration() throws Exception {
        try (var serving = new CurrentGeneration(Fixtures.index(root), 0, log::add)) {
            ServedGeneration served = serving.current();
            assertThat(serving.refresh()).isFalse();
            assertThat(serving.current()).isSameAs(served);
            assertThat(reader(served).getRefCount()).isEqualTo(1);
            assertThat(log).isEmpty();
        }
    }

    @Test
    void aGenerationThatFailsToOpenLeavesTheCurrentOneServed() throws Exception {
        IndexStore store = Fixtures.index(root);
        try (var serving = new CurrentGeneration(store, 0, log::add)) {
            ServedGeneration served = serving.current();
            Path firstFolder = served.index().generation();
            // A generation with its manifest but no Lucene files, named by CURRENT.
            Path broken = Files.createDirectory(root.resolve("gen-99991231T235959999Z"));
            Files.copy(firstFolder.resolve("manifest.json"), broken.resolve("manifest.json"));
            Files.writeString(root.resolve("CURRENT"), broken.getFileName() + "\n");
            String reason = broken + ": not a Lucene index; rebuild with 'index'";

            assertThatThrownBy(serving::refresh).isInstanceOf(BadInputException.class).hasMessage(reason);
            assertThat(serving.current()).isSameAs(served);
            ServedGeneration during = serving.acquire();
            assertThat(during).isSameAs(served);
            assertThat(topHit(during)).isEqualTo("T1204.003");
            serving.release(during);
            assertThat(reader(served).getRefCount()).isEqualTo(1);

            serving.watch(10);
            String failed = "index refresh failed, still serving " + firstFolder.getFileName() + ": " + reason;
            awaitLog(failed);
            assertThat(log).first().isEqualTo(failed);
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("index-watcher"))
                    .singleElement().matches(Thread::isDaemon, "is a daemon");

            Fixtures.index(root); // a good generation, published over the broken one
            awaitLog("switched to index " + store.current().getFileName() + " (built " + store.manifest().builtAt() + ")");
            assertThat(serving.current().index().generation()).isEqualTo(store.current());
            assertThat(reader(served).getRefCount()).isZero();
        }
    }

    @Test
    void closingWithARequestInFlightClosesTheGenerationOnlyAfterItsRelease() throws Exception {
        var serving = new CurrentGeneration(Fixtures.index(root), 0, log::add);
        ServedGeneration held = serving.acquire();
        serving.close();

        assertThat(reader(held).getRefCount()).as("open while a request holds it").isEqualTo(1);
        assertThat(topHit(held)).isEqualTo("T1204.003");
        assertThatThrownBy(serving::acquire).isInstanceOf(AlreadyClosedException.class);

        serving.release(held);
        assertThat(reader(held).getRefCount()).as("closed after the last release").isZero();
    }

    private static String topHit(ServedGeneration served) {
        return served.search().search(SearchRequest.of("malicious image")).hits().get(0).id();
    }

    private static IndexReader reader(ServedGeneration served) {
        return served.index().searcher().getIndexReader();
    }

    private void awaitLog(String line) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!log.contains(line) && System.currentTimeMillis() < deadline) Thread.sleep(10);
        assertThat(log).contains(line);
    }
}
