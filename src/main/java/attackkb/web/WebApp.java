package attackkb.web;

import attackkb.Json;
import attackkb.serving.CurrentGeneration;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Routes;
import attackkb.web.api.ApiController;
import attackkb.web.api.ChangesApi;
import attackkb.web.api.ExportController;
import attackkb.web.api.FrameworkApi;
import attackkb.web.api.GraphController;
import attackkb.web.api.LayerUpgradeApi;
import attackkb.web.http.Assets;
import attackkb.web.http.JsonErrorHandler;
import attackkb.web.http.LayerUpgrades;
import attackkb.web.http.Metrics;
import attackkb.web.http.ServerSettings;
import attackkb.web.pages.AttackObjectPages;
import attackkb.web.pages.ChangesPages;
import attackkb.web.pages.FrameworkPages;
import attackkb.web.pages.GraphPages;
import attackkb.web.pages.MatrixPages;
import attackkb.web.pages.PageRenderer;
import attackkb.web.pages.SearchPages;
import attackkb.web.pages.UpgradePages;
import attackkb.web.pages.Templates;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin application: the server's configuration (threads, limits, static files, security headers, the
 * access log) in one place, and the wiring of the handlers, their routes ({@link RouteTable}) and the error answers
 * ({@link ErrorAnswers}). It takes its dependencies rather than finding them, so tests hand it a fixture index.
 */
public final class WebApp {
    /** One line per request: method, path, status, time. Its own logger, so operators can route or silence it. */
    private static final Logger ACCESS = LoggerFactory.getLogger("attackkb.access");

    static final long SHUTDOWN_GRACE_MILLIS = 10_000;

    private WebApp() {}

    /**
     * Scripts only from this site (htmx is told not to inject its indicator styles, see layout.peb), no framing, no
     * plugins: data from ATT&CK is escaped everywhere, and this is the second line of defence.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Sent on every answer, including Jetty's own refusals (see {@link JsonErrorHandler}). */
    static final Map<String, String> SECURITY_HEADERS = orderedMap(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY);

    /**
     * The application over an index that is refreshed while serving: each request holds the generation that was
     * current when it began, for its whole duration, so a swap never changes or closes the index under it.
     */
    public static Javalin serving(Supplier<CurrentGeneration> serving, ServerSettings settings) {
        ThreadLocal<ServedGeneration> acquired = new ThreadLocal<>();
        Javalin app = create(() -> {
            ServedGeneration held = acquired.get();
            return held != null ? held : serving.get().current();
        }, settings);
        app.before(ctx -> acquired.set(serving.get().acquire()));
        app.after(ctx -> {
            ServedGeneration held = acquired.get();
            acquired.remove();
            if (held != null) serving.get().release(held);
        });
        return app;
    }

    /** Without a charset in the type, Jetty answers {@code text/css;charset=null}. */
    private static void utf8(io.javalin.http.staticfiles.StaticFileConfig files) {
        files.mimeTypes.add("text/css; charset=utf-8", "css");
        files.mimeTypes.add("text/javascript; charset=utf-8", "js");
        files.mimeTypes.add("image/svg+xml; charset=utf-8", "svg");
    }

    /** The application over one fixed index, with the default settings. */
    public static Javalin create(Supplier<ServedGeneration> live) {
        return create(live, ServerSettings.DEFAULT);
    }

    /** The application over one fixed index. */
    public static Javalin create(Supplier<ServedGeneration> live, ServerSettings settings) {
        var assets = Assets.load();
        var view = new PageRenderer(live, new Templates(Map.of("assets", assets.urls())));
        var metrics = new Metrics(live);
        var upgrades = new LayerUpgrades(live);
        var routes = new RouteTable(new SearchPages(live, view), new AttackObjectPages(live, view, settings.reportLink()),
                new FrameworkPages(live, view, settings.reportLink()), new MatrixPages(live, view), new GraphPages(live, view),
                new ChangesPages(live, view), new UpgradePages(live, view, upgrades), new ApiController(live),
                new FrameworkApi(live), new GraphController(live), new ExportController(live), new ChangesApi(live),
                new LayerUpgradeApi(upgrades), metrics, assets.urls().get("favicon_svg"));
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.router.ignoreTrailingSlashes = true;
            config.http.defaultContentType = "application/json";
            config.http.gzipOnlyCompression();
            // Only the layer upgrade takes a body, and reads it itself within its own limit (PostedInput).
            config.http.maxRequestSize = 16_384;
            // The upgrade page's form is multipart; Jetty counts its text fields against this limit (200 kB by default).
            config.jetty.modifyServletContextHandler(handler -> handler.setMaxFormContentSize(LayerUpgrades.MAX_BYTES + 8_192));
            var pool = new QueuedThreadPool(settings.threads(), ServerSettings.MIN_THREADS, 60_000);
            pool.setName("JettyServerThreadPool");
            config.jetty.threadPool = pool;
            // Stopping waits up to this long for requests in flight (Javalin's server counts them) before closing.
            config.jetty.modifyServer(server -> server.setStopTimeout(SHUTDOWN_GRACE_MILLIS));
            // Requests Jetty refuses before Javalin sees them (URI or headers too large, unreadable request line or
            // URI encoding) answer in the same JSON shape as ours, not with Jetty's HTML page.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(ErrorAnswers::refusal, SECURITY_HEADERS)));
            config.requestLogger.http((ctx, ms) -> {
                metrics.record(ctx, ms);
                if (settings.accessLog() && ACCESS.isInfoEnabled()) {
                    ACCESS.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(),
                            String.format(Locale.ROOT, "%.1f", ms));
                }
            });
            config.staticFiles.add(files -> {
                files.hostedPath = Routes.STATIC;
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                // Every page links these with a content hash in the URL (Assets), so they never change under one.
                files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
                utf8(files);
            });
            // The webjars (htmx, d3) as enableWebjars() serves them, but with their charset named.
            config.staticFiles.add(files -> {
                files.hostedPath = Routes.WEBJARS;
                files.directory = "META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable"); // versioned paths
                utf8(files);
            });
        });

        // First, so that a refused method gets them too.
        app.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
        app.before(ctx -> {
            // Everything here is read-only: any other method is refused before it reaches a handler, but for the
            // layer upgrade's POST, which stores nothing either.
            String allowed = RouteTable.allowed(ctx.path());
            boolean post = ctx.method() == HandlerType.POST && allowed.contains("POST");
            if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && !post) {
                ctx.header("Allow", allowed);
                throw new ErrorAnswers.MethodNotAllowed(ctx.method().name(), allowed);
            }
        });

        routes.bind(app);
        new ErrorAnswers(view).install(app);
        return app;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put(keysAndValues[i], keysAndValues[i + 1]);
        return Collections.unmodifiableMap(map);
    }
}
