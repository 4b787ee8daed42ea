package attackkb.index;

import attackkb.BadInputException;
import attackkb.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The index folder. Each build writes a complete index into a new generation folder ({@code gen-…}) beside the
 * one being served, and then publishes it by atomically replacing the {@code CURRENT} file that names the live
 * generation. A build that fails never touches {@code CURRENT}, so the previous index stays intact, and a reader
 * always sees either the old index or the new one, never half of one.
 *
 * <pre>
 * index/
 *   CURRENT                  "gen-20261127T101500123Z"
 *   gen-20261127T101500123Z/ Lucene files + manifest.json
 *   .build.lock              held while a build runs
 * </pre>
 */
public final class IndexStore {
    static final String CURRENT = "CURRENT";
    static final String GENERATION_PREFIX = "gen-";
    private static final DateTimeFormatter GENERATION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    public IndexStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Whether a complete index has been published here. */
    public boolean hasIndex() {
        return Files.isRegularFile(root.resolve(CURRENT));
    }

    /** The folder of the live generation. */
    public Path current() {
        try {
            String name = Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8).strip();
            Path generation = root.resolve(name);
            if (!name.startsWith(GENERATION_PREFIX) || !Files.isDirectory(generation)) {
                throw new BadInputException(root + ": CURRENT names a missing generation \"" + name + "\"; rebuild with 'index'");
            }
            return generation;
        } catch (NoSuchFileException e) {
            throw new BadInputException(root + ": no index here; build one with 'attack-kb index --index " + root + "'");
        } catch (IOException e) {
            throw new BadInputException(root + ": index cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public IndexManifest manifest() {
        return manifestOf(current());
    }

    /** The manifest of an index folder: a generation, or an older release's index inside one. */
    public static IndexManifest manifestOf(Path folder) {
        Path file = folder.resolve(IndexManifest.FILE_NAME);
        try {
            IndexManifest manifest = Json.MAPPER.readValue(file.toFile(), IndexManifest.class);
            if (manifest.schemaVersion() != IndexSchema.VERSION) {
                throw new BadInputException(folder + ": index has schema version " + manifest.schemaVersion()
                        + " but this attack-kb reads version " + IndexSchema.VERSION + "; rebuild it with 'index'");
            }
            return manifest;
        } catch (IOException e) {
            throw new BadInputException(file + ": index manifest cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Creates an empty folder for a new generation; it is invisible to readers until {@link #publish}. */
    Path newGeneration() throws IOException {
        Files.createDirectories(root);
        String stamp = GENERATION_TIME.format(Instant.now());
        Path generation = root.resolve(GENERATION_PREFIX + stamp);
        for (int i = 1; Files.exists(generation); i++) {
            generation = root.resolve(GENERATION_PREFIX + stamp + "-" + i);
        }
        return Files.createDirectory(generation);
    }

    /** Makes {@code generation} the live index with one atomic rename. */
    void publish(Path generation) throws IOException {
        Path tmp = Files.createTempFile(root, CURRENT, ".tmp");
        try {
            Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes generations other than the live one. On POSIX systems a server still reading an old generation
     * keeps its open files until it lets go of them; on others a file in use is left for the next build.
     */
    void deleteStaleGenerations() throws IOException {
        Path live = current();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, GENERATION_PREFIX + "*")) {
            for (Path entry : entries) {
                if (!entry.equals(live)) deleteTree(entry);
            }
        }
    }

    /** Holds the build lock: two builds into one folder would race to publish. */
    BuildLock lockForBuild() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve(".build.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new BadInputException(root + ": another index build is running in this folder");
            }
            return new BuildLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new BadInputException(root + ": another index build is running in this folder", e);
        }
    }

    static void deleteTree(Path path) {
        if (!Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover generation wastes space but is never read, since CURRENT does not name it.
        }
    }

    record BuildLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }
}
