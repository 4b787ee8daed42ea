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
        Map<String, String> shared = new HashMap<>();
        List<ReleaseSnapshot> releases = new ArrayList<>();
        for (Path file : files) {
            SnapshotFile read;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                read = Json.MAPPER.readValue(in, SnapshotFile.class);
            }
            List<ObjectState> objects = read.objects().stream().map(o -> shared(o, shared)).toList();
            releases.add(new ReleaseSnapshot(read.version(), read.domains(), objects));
        }
        releases.sort(java.util.Comparator.comparing(ReleaseSnapshot::version, ReleaseOrder.OLDEST_FIRST));
        return List.copyOf(releases);
    }

    private static ObjectState shared(ObjectState o, Map<String, String> shared) {
        return new ObjectState(one(o.id(), shared), one(o.stixId(), shared), one(o.type(), shared), one(o.name(), shared),
                one(o.status(), shared), one(o.successor(), shared), list(o.domains(), shared),
                o.tactics() == null ? List.of() : o.tactics().stream().map(t -> new TacticRef(one(t.id(), shared),
                        one(t.shortname(), shared), one(t.name(), shared))).toList(),
                list(o.platforms(), shared), one(o.parent(), shared), one(o.version(), shared), o.modified(),
                list(o.mitigations(), shared), list(o.detections(), shared), one(o.description(), shared));
    }

    private static String one(String s, Map<String, String> shared) {
        return s == null ? null : shared.computeIfAbsent(s, k -> k);
    }

    private static List<String> list(List<String> values, Map<String, String> shared) {
        return values == null ? List.of() : values.stream().map(v -> one(v, shared)).toList();
    }
}
