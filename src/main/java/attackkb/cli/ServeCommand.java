package attackkb.cli;

import attackkb.BadInputException;
import attackkb.index.IndexManifest;
import attackkb.index.IndexStore;
import attackkb.serving.CurrentGeneration;
import attackkb.serving.ServedGeneration;
import attackkb.web.WebApp;
import attackkb.web.http.ServerSettings;
import attackkb.web.http.ReportLink;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

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
            defaultValue = "${env:ATTACK_KB_RESULT_CACHE:-" + ServedGeneration.DEFAULT_RESULT_CACHE + "}",
            description = "Search results kept in memory (env ATTACK_KB_RESULT_CACHE; default: ${DEFAULT-VALUE}; 0 for none).")
    int resultCache;

    @Option(names = "--reload-interval", paramLabel = "SECONDS", defaultValue = "${env:ATTACK_KB_RELOAD_INTERVAL:-2}",
            description = "How often to check the index folder for a newly built index and switch to it "
                    + "(env ATTACK_KB_RELOAD_INTERVAL; default: ${DEFAULT-VALUE}; 0 never).")
    int reloadInterval;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "${env:ATTACK_KB_THREADS}",
            description = "Most HTTP threads; more requests wait their turn (env ATTACK_KB_THREADS; default: twice "
                    + "the processors plus 8, at least " + ServerSettings.MIN_THREADS + ").")
    Integer threads;

    @Option(names = "--access-log", defaultValue = "${env:ATTACK_KB_ACCESS_LOG:-false}", fallbackValue = "true", arity = "0..1",
            description = "Log one line per request (method, path, status, time) on stderr "
                    + "(env ATTACK_KB_ACCESS_LOG; default: ${DEFAULT-VALUE}).")
    boolean accessLog;

    @Option(names = "--report-url", paramLabel = "TEMPLATE", defaultValue = "${env:ATTACK_KB_REPORT_URL}",
            description = {"Where each page's \"Report an issue\" leads: an https://, http:// or mailto: URL with "
                    + "{id}, {name}, {type}, {url}, {version} and {stix} placeholders, each URL-encoded "
                    + "(env ATTACK_KB_REPORT_URL; default: an e-mail to MITRE ATT&CK's attack@mitre.org naming the object).",
                    "Example: https://git.example.org/secops/kb/issues/new?title={id}%20{name}&body={url}"})
    String reportUrl;

    @Override
    public Integer call() throws Exception {
        Server server = start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        server.awaitStop();
        return 0;
    }

    /** A running server: its port, and how to stop it. */
    public record Server(Javalin app, CurrentGeneration live, CountDownLatch stopped) {
        public int port() {
            return app.port();
        }

        public void stop() {
            app.stop();
            live.close();
        }

        void awaitStop() throws InterruptedException {
            stopped.await();
        }
    }

    /** Builds the index if there is none, starts the server and prints its one-line banner. */
    Server start() throws Exception {
        if (resultCache < 0) throw new BadInputException("--result-cache must be 0 or more, got " + resultCache);
        if (reloadInterval < 0) throw new BadInputException("--reload-interval must be 0 or more, got " + reloadInterval);
        int httpThreads = threads == null ? ServerSettings.defaultThreads() : threads;
        if (httpThreads < ServerSettings.MIN_THREADS) {
            throw new BadInputException("--threads must be " + ServerSettings.MIN_THREADS + " or more, got " + httpThreads);
        }
        ReportLink reportLink = ReportLink.of(reportUrl);
        PrintWriter err = spec.commandLine().getErr();
        IndexStore store = location.store();
        if (!store.hasIndex()) {
            err.println("no index in " + store.root() + ": building it first");
            err.flush();
            sources.buildIndex(store, err);
        }
        // Opening the index and starting the HTTP server each load many classes; on two cores, doing them side by
        // side makes the server ready sooner.
        CompletableFuture<CurrentGeneration> opening = CompletableFuture.supplyAsync(() -> new CurrentGeneration(store, resultCache,
                line -> LOG.info(line)));
        Javalin app = WebApp.serving(opening::join, new ServerSettings(httpThreads, accessLog, reportLink)); // a request that arrives first waits for the index
        var stopped = new CountDownLatch(1);
        app.events(e -> e.serverStopped(stopped::countDown));
        CurrentGeneration live;
        try {
            live = joinOpening(opening);
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        if (reloadInterval > 0) live.watch(reloadInterval * 1000L);
        spec.commandLine().getOut().println(banner(app.port(), live.current().index().manifest()));
        spec.commandLine().getOut().flush();
        return new Server(app, live, stopped);
    }

    /** The opened index, or the reason it could not be opened as the exception the CLI reports. */
    private static CurrentGeneration joinOpening(CompletableFuture<CurrentGeneration> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
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
