package attackkb.search;

import attackkb.Fixtures;
import attackkb.generation.IndexGeneration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The fixture index, built once per test JVM and shared by the search tests, which only read it. It is closed and
 * its folder deleted when the JVM exits.
 */
public final class FixtureIndex {
    private static IndexGeneration index;

    private FixtureIndex() {}

    public static synchronized IndexGeneration open() throws IOException {
        if (index == null) {
            Path root = Files.createTempDirectory("attack-kb-fixture-index");
            IndexGeneration opened = IndexGeneration.open(Fixtures.index(root));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(opened, root)));
            index = opened;
        }
        return index;
    }

    private static void close(IndexGeneration opened, Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            opened.close();
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
