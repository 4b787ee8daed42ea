package attackkb.cli;

import attackkb.index.IndexBuilder;
import attackkb.index.IndexManifest;
import attackkb.index.IndexStore;
import attackkb.ingest.Ingestion;
import attackkb.search.LiveIndex;
import attackkb.source.DataSources;
import attackkb.source.Downloader;
import attackkb.web.WebApp;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attack-kb serve}: the HTTP API over the index, building the index first if there is none. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the search API over the index.",
                "If the index folder holds no index yet, it is built first from --data (default: the upstream release)."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexLocation location = new IndexLocation();

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:ATTACK_KB_PORT:-7070}",
            description = "Port to listen on (env ATTACK_KB_PORT; default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:ATTACK_KB_HOST:-127.0.0.1}",
            description = "Address to bind (env ATTACK_KB_HOST; default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--result-cache", paramLabel = "N",
            defaultValue = "${env:ATTACK_KB_RESULT_CACHE:-" + LiveIndex.DEFAULT_RESULT_CACHE + "}",
            description = "Search results kept in memory (env ATTACK_KB_RESULT_CACHE; default: ${DEFAULT-VALUE}; 0 for none).")
    int resultCache;

    @Override
    public Integer call() throws Exception {
        if (resultCache < 0) throw new attackkb.BadInputException("--result-cache must be 0 or more, got " + resultCache);
        PrintWriter err = spec.commandLine().getErr();
        IndexStore store = location.store();
        if (!store.hasIndex()) {
            err.println("no index in " + store.root() + ": building it first");
            err.flush();
            var ingestion = new Ingestion(new DataSources(new Downloader(sources.cacheDir(), System.err)), line -> {
                err.println(line);
                err.flush();
            });
            new IndexBuilder(store).build(ingestion.ingest(sources.specs()));
        }
        LiveIndex live = LiveIndex.open(store, resultCache);
        Javalin app = WebApp.create(() -> live);
        var stopped = new CountDownLatch(1);
        app.events(e -> e.serverStopped(stopped::countDown));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                live.close();
            } catch (Exception ignored) {
                // the process is ending
            }
        }, "shutdown"));
        app.start(host, port);
        spec.commandLine().getOut().println(banner(app.port(), live.index().manifest()));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private String banner(int actualPort, IndexManifest m) {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return String.format(Locale.ROOT, "attack-kb serving http://%s:%d  (ATT&CK %s; %,d documents; index built %s)",
                shownHost, actualPort, versions(m.attackVersions()), m.documents(), m.builtAt());
    }

    private static String versions(Map<String, String> versions) {
        return String.join(", ", versions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
