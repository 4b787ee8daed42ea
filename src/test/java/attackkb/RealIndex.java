package attackkb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    private final String indexOutput;
    private final ServedGeneration served;
    private RunningServer server;

    private RealIndex(Path root, IndexManifest manifest, KnowledgeBase knowledgeBase, String indexOutput) {
        this.root = root;
        this.store = new IndexStore(root.resolve("index"));
        this.manifest = manifest;
        this.knowledgeBase = knowledgeBase;
        this.indexOutput = indexOutput;
        this.served = ServedGeneration.open(store);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    /** The three ATT&CK 18.1 bundles alone, built in this JVM; the test is skipped when they are absent. */
    public static synchronized RealIndex attack() {
        Path bundles = RealData.attack();
        if (attack == null) attack = buildHere("attack", List.of(bundles));
        return attack;
    }

    /**
     * Everything under the data folder (the bundles, the framework mappings, the SP 800-53 catalog) and the earlier
     * releases beside it (16.1 and 17.1, for history, changes and freshness); the test is skipped when either is
     * absent. In {@code mvn verify}, whose integration tests run after the jar is packaged, it is
     * built as users build it, by {@code bin/attack-kb index} with that jar: a test of the jar and of the heap the
     * launcher gives the index command.
     */
    public static synchronized RealIndex all() {
        RealData.attack();
        Path mappings = RealData.root().resolve("mappings");
        assumeTrue(Files.isDirectory(mappings), "skipped: no mappings folder under " + RealData.root());
        Path releases = RealData.releases();
        if (all == null) {
            List<Path> data = List.of(RealData.root(), releases);
            Path jar = LauncherProcess.packagedJar();
            all = jar == null ? buildHere("all", data) : buildWithLauncher("all", data, jar);
        }
        return all;
    }

    private static RealIndex buildHere(String name, List<Path> data) {
        try {
            Path root = Files.createTempDirectory("attack-kb-real-" + name);
            var store = new IndexStore(root.resolve("index"));
            Ingested ingested = Fixtures.build(store, data.stream().map(Path::toString).toList(), new ArrayList<>());
            return new RealIndex(root, store.manifest(), ingested.knowledgeBase(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RealIndex buildWithLauncher(String name, List<Path> data, Path jar) {
        LauncherProcess.Run run;
        Path root;
        try {
            root = Files.createTempDirectory("attack-kb-real-" + name);
            List<String> args = new ArrayList<>(List.of("index"));
            data.forEach(d -> args.addAll(List.of("--data", d.toString())));
            args.addAll(List.of("--index", root.resolve("index").toString()));
            run = LauncherProcess.run(LauncherProcess.LAUNCHER, Map.of("ATTACK_KB_JAR", jar.toString()),
                    Duration.ofMinutes(5), args.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("bin/attack-kb index could not run", e);
        }
        if (run.exitCode() != 0) {
            throw new IllegalStateException("bin/attack-kb index " + data + " failed:\n" + run.err());
        }
        return new RealIndex(root, new IndexStore(root.resolve("index")).manifest(), null, run.out());
    }

    /** The index folder, for the command line. */
    public Path folder() {
        return store.root();
    }

    /** What the build reported: counts, sources, mapping reports. */
    public IndexManifest manifest() {
        return manifest;
    }

    /** The knowledge base an index built in this JVM was built from. */
    public KnowledgeBase knowledgeBase() {
        if (knowledgeBase == null) throw new IllegalStateException("built by the launcher: no knowledge base here");
        return knowledgeBase;
    }

    /** What {@code bin/attack-kb index} printed, or null when the index was built in this JVM. */
    public String indexOutput() {
        return indexOutput;
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
