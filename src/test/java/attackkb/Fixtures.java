package attackkb;

import attackkb.index.IndexBuilder;
import attackkb.index.IndexStore;
import attackkb.ingest.Ingested;
import attackkb.ingest.Ingestion;
import attackkb.ingest.OlderReleases;
import attackkb.model.KnowledgeBase;
import attackkb.source.DataSources;
import attackkb.source.Downloader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The hand-written fixture bundles under src/test/resources/fixtures, and indexes built from them. */
public final class Fixtures {
    private Fixtures() {}

    public static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/enterprise-mini.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Control mapping, descriptions and OSCAL catalog fixtures, kept apart so the ATT&CK-only tests keep their counts. */
    /** Two releases of a tiny Enterprise, "18.1" and "19.0", shaped like the change ATT&CK 19.0 made. */
    public static Path releases() {
        return dir().resolveSibling("fixtures-releases");
    }

    /** Mappings made to judge freshness: {@code pair/} against {@link #releases()}, {@code one-release/} against {@link #dir()}. */
    public static Path freshness() {
        return dir().resolveSibling("fixtures-freshness");
    }

    /** The release pair with the mappings made for it: the first of them for 18.1, the other for 17.1 (not held). */
    public static IndexStore indexWithFreshness(Path root) throws IOException {
        return build(root, releases(), freshness().resolve("pair"));
    }

    public static Path controls() {
        return dir().resolveSibling("fixtures-controls");
    }

    /** Mapping fixtures of frameworks other than SP 800-53 (AWS scores, a KEV CVE), kept apart for the same reason. */
    public static Path frameworks() {
        return dir().resolveSibling("fixtures-frameworks");
    }

    /** Builds an index of the fixture bundles and the control fixtures into {@code root}. */
    public static IndexStore indexWithControls(Path root) throws IOException {
        return build(root, dir(), controls());
    }

    /** The fixture bundles with the SP 800-53 fixtures and the other frameworks' (AWS, KEV). */
    public static IndexStore indexWithFrameworks(Path root) throws IOException {
        return build(root, dir(), controls(), frameworks());
    }

    public static Path enterprise() {
        return dir().resolve("enterprise-mini.json");
    }

    public static Path mobile() {
        return dir().resolve("mobile-mini.json");
    }

    /** Ingests sources with a downloader that must not be used (its cache is a folder that never exists). */
    public static Ingested ingest(List<String> specs, List<String> log) {
        return ingest(specs, log, OlderReleases.NONE);
    }

    /** As {@link #ingest(List, List)}, handing each older release to {@code older}. */
    public static Ingested ingest(List<String> specs, List<String> log, OlderReleases older) {
        return ingest(specs, (Consumer<String>) log::add, older);
    }

    private static Ingested ingest(List<String> specs, Consumer<String> log, OlderReleases older) {
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        var downloader = new Downloader(Path.of("/nonexistent-attack-kb-cache"), quiet);
        return new Ingestion(new DataSources(downloader), log, older).ingest(specs);
    }

    /**
     * Reads the sources and builds their index into {@code store} as the CLI does: older releases searchable too,
     * written on a thread of their own (whose lines join {@code log} in the order they come).
     */
    public static Ingested build(IndexStore store, List<String> specs, List<String> log) throws IOException {
        Consumer<String> lines = line -> {
            synchronized (log) {
                log.add(line);
            }
        };
        try (IndexBuilder.Build build = new IndexBuilder(store).start(lines)) {
            Ingested ingested = ingest(specs, lines, build.olderReleases());
            build.finish(ingested);
            return ingested;
        }
    }

    public static KnowledgeBase knowledgeBase() {
        return ingest(List.of(enterprise().toString(), mobile().toString()), new ArrayList<>()).knowledgeBase();
    }

    /** Builds an index of the two fixture releases, "18.1" and "19.0" (the latter current), into {@code root}. */
    public static IndexStore indexOfReleases(Path root) throws IOException {
        return build(root, releases());
    }

    /** The hand-written Navigator layers and ID lists the upgrade is tested with. */
    public static Path layers() {
        return dir().resolveSibling("fixtures-layers");
    }

    /** Builds the fixture index (both bundles) into {@code root}. */
    public static IndexStore index(Path root) throws IOException {
        return build(root, dir());
    }

    private static IndexStore build(Path root, Path... sources) throws IOException {
        var store = new IndexStore(root);
        build(store, java.util.Arrays.stream(sources).map(Path::toString).toList(), new ArrayList<>());
        return store;
    }
}
