package attackkb.cli;

import attackkb.index.IndexBuilder;
import attackkb.index.IndexManifest;
import attackkb.index.IndexStore;
import attackkb.ingest.Ingested;
import attackkb.ingest.Ingestion;
import attackkb.source.DataSources;
import attackkb.source.Downloader;
import attackkb.source.UpstreamRelease;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** Where the data comes from: {@code --data}, or the pinned upstream release, downloaded through a cache. */
public final class SourceOptions {
    @Option(names = "--data", paramLabel = "SRC",
            description = {"A .json or .json.gz file, a folder (searched recursively) or an http(s) URL.",
                    "Repeatable. Default: the upstream ATT&CK release files of --attack-version."})
    List<String> data = new ArrayList<>();

    @Option(names = "--attack-version", paramLabel = "VERSION", split = ",",
            defaultValue = "${env:ATTACK_KB_ATTACK_VERSION:-" + UpstreamRelease.DEFAULT_VERSION + "}",
            description = {"ATT&CK releases to download when no --data is given, each checked against its pinned digest: "
                    + "16.1,17.1,18.1 or the option repeated; the newest is the current release, the others are kept "
                    + "for history and searching (env ATTACK_KB_ATTACK_VERSION; default: ${DEFAULT-VALUE})."})
    List<String> attackVersions;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Download cache (env ATTACK_KB_CACHE; default: ~/.cache/attack-kb).")
    Path cache;

    /** The sources to read: the user's, or the upstream release. */
    public List<String> specs() {
        return data.isEmpty() ? UpstreamRelease.urls(attackVersions) : List.copyOf(data);
    }

    /**
     * Reads the sources and builds an index from them into {@code store}, reporting progress on {@code err}; older
     * releases are written into it as they are read.
     */
    public IndexManifest buildIndex(IndexStore store, PrintWriter err) throws IOException {
        var downloader = new Downloader(cacheDir(), System.err);
        Consumer<String> log = line -> {
            synchronized (err) { // older releases are written, and say so, on a thread of their own
                err.println(line);
                err.flush();
            }
        };
        try (IndexBuilder.Build build = new IndexBuilder(store).start(log)) {
            Ingested ingested = new Ingestion(new DataSources(downloader), log, build.olderReleases()).ingest(specs());
            err.println("writing index into " + store.root());
            err.flush();
            long writing = System.nanoTime();
            IndexManifest manifest = build.finish(ingested);
            err.printf("wrote %,d documents in %d ms%n", manifest.documents(), (System.nanoTime() - writing) / 1_000_000);
            err.flush();
            return manifest;
        }
    }

    public Path cacheDir() {
        if (cache != null) return cache;
        String env = System.getenv("ATTACK_KB_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "attack-kb");
    }
}
