package attackkb.releases;

import attackkb.Json;
import attackkb.model.TacticRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps the release snapshots in an index generation, one gzipped JSON file per release in {@code releases/}.
 * Reading shares equal strings between releases: most objects keep their name and description from one release to
 * the next, so three releases take little more memory than one.
 */
public final class ReleaseFiles {
    public static final String FOLDER = "releases";
    private static final String SUFFIX = ".json.gz";

    private record SnapshotFile(String version, Map<String, String> domains, List<ObjectState> objects) {}

    private ReleaseFiles() {}

    public static void write(Path generation, List<ReleaseSnapshot> releases) throws IOException {
        Path folder = Files.createDirectories(generation.resolve(FOLDER));
        for (ReleaseSnapshot r : releases) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve(r.version() + SUFFIX)))) {
                Json.MAPPER.writeValue(out, new SnapshotFile(r.version(), r.domains(), r.objects()));
            }
        }
    }

    /** The releases kept in this generation, oldest first; none for an index built before releases were kept. */
    public static List<ReleaseSnapshot> read(Path generation) throws IOException {
        Path folder = generation.resolve(FOLDER);
        if (!Files.isDirectory(folder)) return List.of();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        var shared = new Shared();
        List<ReleaseSnapshot> releases = new ArrayList<>();
        for (Path file : files) {
            SnapshotFile read;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                read = Json.MAPPER.readValue(in, SnapshotFile.class);
            }
            List<ObjectState> objects = read.objects().stream().map(shared::state).toList();
            releases.add(new ReleaseSnapshot(read.version(), read.domains(), objects));
        }
        releases.sort(java.util.Comparator.comparing(ReleaseSnapshot::version, ReleaseOrder.OLDEST_FIRST));
        return List.copyOf(releases);
    }

    /**
     * One copy of each equal value across the releases read: strings, lists, tactic references, and whole object
     * states (an object that did not change between two releases is one state in both). The snapshots are held for
     * as long as a generation is served, beside the search structures, within the server's memory budget.
     */
    private static final class Shared {
        private final Map<Object, Object> values = new HashMap<>();

        @SuppressWarnings("unchecked")
        private <T> T one(T value) {
            return value == null ? null : (T) values.computeIfAbsent(value, k -> k);
        }

        private List<String> list(List<String> strings) {
            return strings == null || strings.isEmpty() ? List.of() : one(strings.stream().map(this::one).toList());
        }

        ObjectState state(ObjectState o) {
            List<TacticRef> tactics = o.tactics() == null || o.tactics().isEmpty() ? List.of()
                    : one(o.tactics().stream().map(t -> one(new TacticRef(one(t.id()), one(t.shortname()), one(t.name()))))
                            .toList());
            return one(new ObjectState(one(o.id()), one(o.stixId()), one(o.type()), one(o.name()), one(o.status()),
                    one(o.successor()), list(o.domains()), tactics, list(o.platforms()), one(o.parent()), one(o.version()),
                    one(o.modified()), list(o.mitigations()), list(o.detections()), one(o.description())));
        }
    }
}
