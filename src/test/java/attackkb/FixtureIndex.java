package attackkb;

import attackkb.generation.IndexGeneration;
import attackkb.index.IndexStore;
import attackkb.serving.ServedGeneration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The fixture indexes, each built and opened once per test JVM and shared by the test classes that only read it
 * (search, records, pages, API). Each is closed, and its folder deleted, when the JVM exits.
 */
public enum FixtureIndex {
    /** The two fixture bundles. */
    BUNDLES(Fixtures::index),
    /** The bundles with the SP 800-53 mapping, descriptions and catalog fixtures. */
    CONTROLS(Fixtures::indexWithControls),
    /** The bundles with SP 800-53 and the other frameworks' fixtures (AWS, KEV). */
    FRAMEWORKS(Fixtures::indexWithFrameworks),
    /** The two fixture releases: "18.1", older and searchable on its own, and "19.0", the current one. */
    RELEASES(Fixtures::indexReleases);

    private interface Build {
        IndexStore into(Path root) throws IOException;
    }

    private final Build build;
    private ServedGeneration served;

    FixtureIndex(Build build) {
        this.build = build;
    }

    /** The index with the services the server builds over it. */
    public synchronized ServedGeneration served() {
        if (served == null) {
            try {
                Path root = Files.createTempDirectory("attack-kb-fixture-" + name().toLowerCase(java.util.Locale.ROOT));
                ServedGeneration opened = ServedGeneration.open(build.into(root));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(opened, root)));
                served = opened;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return served;
    }

    /** The opened index generation alone. */
    public IndexGeneration generation() {
        return served().index();
    }

    private static void close(ServedGeneration opened, Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            opened.close();
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
