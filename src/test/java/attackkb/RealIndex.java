package attackkb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import attackkb.index.IndexBuilder;
import attackkb.index.IndexManifest;
import attackkb.index.IndexStore;
import attackkb.ingest.Ingested;
import attackkb.model.KnowledgeBase;
import attackkb.serving.ServedGeneration;
import attackkb.web.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real data indexed once per test JVM and shared by every test class that reads it: each build takes seconds, so
 * classes share one rather than build their own. An index is built on first use; it and its server are closed, and
 * its folder deleted, when the JVM exits. Tests only read it.
 */
public final class RealIndex {
    private static RealIndex attack;
    private static RealIndex all;

    private final Path root;
    private final IndexStore store;
    private final IndexManifest manifest;
    private final KnowledgeBase knowledgeBase;
    private final ServedGeneration served;
    private RunningServer server;

    private RealIndex(Path root, IndexManifest manifest, KnowledgeBase knowledgeBase) {
        this.root = root;
        this.store = new IndexStore(root.resolve("index"));
        this.manifest = manifest;
        this.knowledgeBase = knowledgeBase;
        this.served = ServedGeneration.open(store);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    /** The three ATT&CK 18.1 bundles alone, or the test is skipped. */
    public static synchronized RealIndex attack() {
        Path bundles = RealData.attack();
        if (attack == null) attack = buildHere("attack", bundles);
        return attack;
    }

    /** Everything under the data folder (the bundles, the mappings, the SP 800-53 catalog), or the test is skipped. */
    public static synchronized RealIndex all() {
        RealData.attack();
        Path mappings = RealData.root().resolve("mappings");
        assumeTrue(Files.isDirectory(mappings), "skipped: no mappings folder under " + RealData.root());
        if (all == null) all = buildHere("all", RealData.root());
        return all;
    }

    private static RealIndex buildHere(String name, Path data) {
        try {
            Path root = Files.createTempDirectory("attack-kb-real-" + name);
            Ingested ingested = Fixtures.ingest(List.of(data.toString()), new ArrayList<>());
            IndexManifest manifest = new IndexBuilder(new IndexStore(root.resolve("index"))).build(ingested);
            return new RealIndex(root, manifest, ingested.knowledgeBase());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index folder, for the command line. */
    public Path folder() {
        return store.root();
    }

    /** What the build reported: counts, sources, mapping reports. */
    public IndexManifest manifest() {
        return manifest;
    }

    /** The knowledge base the index was built from. */
    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    public ServedGeneration served() {
        return served;
    }

    /** The web app over this index, started on first use; its client follows redirects. */
    public synchronized RunningServer server() {
        if (server == null) server = RunningServer.start(served);
        return server;
    }

    private synchronized void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            if (server != null) server.close();
            served.close();
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
