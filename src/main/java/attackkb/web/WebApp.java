package attackkb.web;

import attackkb.BadInputException;
import attackkb.Json;
import attackkb.model.EntityType;
import attackkb.serving.CurrentGeneration;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Routes;
import attackkb.web.api.ApiController;
import attackkb.web.api.FrameworkApi;
import attackkb.web.api.ExportController;
import attackkb.web.api.GraphController;
import attackkb.web.http.ApiError;
import attackkb.web.http.Assets;
import attackkb.web.http.ErrorWritten;
import attackkb.web.http.JsonErrorHandler;
import attackkb.web.http.Metrics;
import attackkb.web.http.NotFoundException;
import attackkb.web.http.ServerSettings;
import attackkb.web.pages.AttackObjectPages;
import attackkb.web.pages.FrameworkPages;
import attackkb.web.pages.GraphPages;
import attackkb.web.pages.MatrixPages;
import attackkb.web.pages.PageRenderer;
import attackkb.web.pages.SearchPages;
import attackkb.web.pages.Templates;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
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
 * Builds the Javalin application: all server configuration, every route and every error mapping in one place.
 * It takes its dependencies rather than finding them, so tests hand it a fixture index.
 */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** One line per request: method, path, status, time. Its own logger, so operators can route or silence it. */
    private static final Logger ACCESS = LoggerFactory.getLogger("attackkb.access");

    static final long SHUTDOWN_GRACE_MILLIS = 10_000;

    /** A request method other than GET and HEAD. */
    static final class MethodNotAllowed extends RuntimeException {
        MethodNotAllowed(String method) {
            super(method);
        }
    }

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
        ThreadLocal<CurrentGeneration.Lease> lease = new ThreadLocal<>();
        Javalin app = create(() -> {
            CurrentGeneration.Lease held = lease.get();
            return held != null ? held.live() : serving.get().current();
        }, settings);
        app.before(ctx -> lease.set(serving.get().acquire()));
        app.after(ctx -> {
            CurrentGeneration.Lease held = lease.get();
            lease.remove();
            if (held != null) held.close();
        });
        return app;
    }

    /** A GET route, and HEAD on the same path answered by the same handler: the same headers, Jetty drops the body. */
    private static void route(Javalin app, String path, io.javalin.http.Handler handler) {
        app.get(path, handler);
        app.head(path, handler);
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
        var api = new ApiController(live);
        var assets = Assets.load();
        var controls = new FrameworkApi(live);
        var graphs = new GraphController(live);
        var view = new PageRenderer(live, new Templates(Map.of("assets", assets.urls())));
        var pages = new AttackObjectPages(live, view, settings.reportLink());
        var frameworkPages = new FrameworkPages(live, view, settings.reportLink());
        var graphPage = new GraphPages(live, view);
        var search = new SearchPages(live, view);
        var matrix = new MatrixPages(live, view);
        var exports = new ExportController(live);
        var metrics = new Metrics(live);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.router.ignoreTrailingSlashes = true;
            config.http.defaultContentType = "application/json";
            config.http.gzipOnlyCompression();
            config.http.maxRequestSize = 16_384; // nothing here takes a request body
            var pool = new QueuedThreadPool(settings.threads(), ServerSettings.MIN_THREADS, 60_000);
            pool.setName("JettyServerThreadPool");
            config.jetty.threadPool = pool;
            // Stopping waits up to this long for requests in flight (Javalin's server counts them) before closing.
            config.jetty.modifyServer(server -> server.setStopTimeout(SHUTDOWN_GRACE_MILLIS));
            // Requests Jetty refuses before Javalin sees them (URI or headers too large, unreadable request line or
            // URI encoding) answer in the same JSON shape as ours, not with Jetty's HTML page.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(WebApp::refusal, SECURITY_HEADERS)));
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
                files.hostedPath = "/webjars";
                files.directory = "META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable"); // versioned paths
                utf8(files);
            });
        });

        // First, so that a refused method gets them too.
        app.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
        app.before(ctx -> {
            // Everything here is read-only: any other method is refused before it reaches a handler.
            if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
                ctx.header("Allow", "GET, HEAD");
                throw new MethodNotAllowed(ctx.method().name());
            }
        });

        // Javalin tries routes in the order they are added, a regex each: what live search sends comes first.
        route(app, Routes.HOME, search::search);
        route(app, Routes.SEARCH, search::search);
        route(app, Routes.API_SEARCH, api::search);
        route(app, Routes.API_SUGGEST, api::suggest);
        route(app, Routes.TECHNIQUE, pages::technique);
        route(app, Routes.TECHNIQUE_AS_ON_MITRE, pages::techniqueAsOnMitre);
        route(app, Routes.FAVICON, ctx -> ctx.redirect(assets.urls().get("favicon_svg"), HttpStatus.MOVED_PERMANENTLY));
        route(app, Routes.TACTICS, pages::tactics);
        route(app, Routes.TACTIC, pages::tactic);
        route(app, Routes.MITIGATION, pages::mitigation);
        route(app, Routes.DETECTION, pages::detection);
        route(app, Routes.GROUP, ctx -> pages.actor(ctx, EntityType.GROUP));
        route(app, Routes.SOFTWARE, ctx -> pages.actor(ctx, EntityType.SOFTWARE));
        route(app, Routes.CAMPAIGN, ctx -> pages.actor(ctx, EntityType.CAMPAIGN));
        route(app, Routes.MATRIX, matrix::matrix);
        route(app, Routes.GRAPH, graphPage::graph);
        route(app, Routes.MATRIX_OF_DOMAIN, matrix::matrix);
        route(app, Routes.API_EXPORT, exports::export);
        route(app, Routes.API_CONTROLS, controls::controls);
        route(app, Routes.API_CONTROL_TECHNIQUES_CSV, controls::controlTechniquesCsv);
        route(app, Routes.API_TECHNIQUE_CONTROLS_CSV, controls::techniqueControlsCsv);
        route(app, Routes.API_CONTROL, controls::control);
        route(app, Routes.CONTROLS, frameworkPages::controls);
        route(app, Routes.CONTROL, frameworkPages::control);
        route(app, Routes.FRAMEWORKS, frameworkPages::frameworks);
        route(app, Routes.FRAMEWORK, frameworkPages::framework);
        route(app, Routes.FRAMEWORK_ENTRY, frameworkPages::frameworkEntry);
        route(app, Routes.API_FRAMEWORKS, controls::frameworks);
        route(app, Routes.API_CROSSWALK, controls::crosswalk);
        route(app, Routes.API_GRAPH, graphs::api);
        route(app, Routes.API_FRAMEWORK, controls::framework);
        route(app, Routes.API_FRAMEWORK_ENTRY_CSV, controls::entryTechniquesCsv);
        route(app, Routes.API_FRAMEWORK_ENTRY_LAYER, controls::entryLayer);
        route(app, Routes.API_FRAMEWORK_ENTRY, controls::entry);

        route(app, Routes.HEALTH, api::health);
        route(app, Routes.METRICS, metrics::scrape);
        route(app, Routes.API_TECHNIQUE, api.entity(EntityType.TECHNIQUE));
        route(app, Routes.API_TECHNIQUE_RELATED, api::related);
        route(app, Routes.API_MITIGATION, api.entity(EntityType.MITIGATION));
        route(app, Routes.API_DETECTION, api.entity(EntityType.DETECTION));
        route(app, Routes.API_GROUP, api.entity(EntityType.GROUP));
        route(app, Routes.API_SOFTWARE, api.entity(EntityType.SOFTWARE));
        route(app, Routes.API_CAMPAIGN, api.entity(EntityType.CAMPAIGN));
        route(app, Routes.API_ACTOR_LAYER, exports::actorLayer);
        route(app, Routes.API_TACTICS, api::tactics);
        route(app, Routes.API_TACTIC, api::tactic);

        app.exception(BadInputException.class, (e, ctx) -> {
            if (isApi(ctx)) fail(ctx, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
            else view.error(ctx, HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
        });
        app.exception(NotFoundException.class, (e, ctx) -> fail(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage()));
        app.exception(MethodNotAllowed.class, (e, ctx) -> fail(ctx, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                e.getMessage() + " is not allowed here; only GET and HEAD are"));
        // Javalin's own refusals (no such endpoint, a request too large) in the same shapes as ours.
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            if (status == HttpStatus.NOT_FOUND) {
                if (isApi(ctx)) fail(ctx, status, "not_found", "no such path: " + ctx.path());
                else view.notFound(ctx, "page", ctx.path());
            } else if (isApi(ctx)) {
                fail(ctx, status, errorCode(status.getCode()), e.getMessage());
            } else {
                view.error(ctx, status, status.getMessage(), e.getMessage());
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            String detail = "the server could not answer this request";
            if (isApi(ctx)) fail(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", detail);
            else view.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong", "Sorry: " + detail + ".");
        });
        // Statuses set without one of our exceptions (an unknown path): the same JSON error shape.
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ErrorWritten.isMarked(ctx) || isHtml(ctx)) return;
            if (isApi(ctx)) {
                fail(ctx, HttpStatus.NOT_FOUND, "not_found", "no such path: " + ctx.path());
            } else {
                view.notFound(ctx, "page", ctx.path());
            }
        });
        return app;
    }

    /** The API's error code for a status, whoever refused the request. */
    static String errorCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 500 -> "internal_error";
            default -> HttpStatus.forStatus(status).name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * What a refusal by Jetty itself says: a sentence of ours, then Jetty's reason when it adds something (it names
     * the problem, such as an illegal character, never a stack or a file).
     */
    static ApiError refusal(int status, String reason) {
        String detail = switch (status) {
            case 400 -> "the request could not be read (malformed request line, URI encoding or header)";
            case 413 -> "the request is larger than this server accepts";
            case 414 -> "the request URI is longer than this server accepts";
            case 431 -> "the request headers are larger than this server accepts";
            case 500 -> "the server could not answer this request";
            default -> "the server refused this request";
        };
        String said = reason == null ? "" : reason.replaceAll("[^\\x20-\\x7e]", "?").strip();
        if (said.length() > 200) said = said.substring(0, 200) + "…";
        String generic = HttpStatus.forStatus(status).getMessage();
        if (!said.isEmpty() && !said.equalsIgnoreCase(generic) && status != 500) detail += ": " + said;
        return new ApiError(errorCode(status), detail);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put(keysAndValues[i], keysAndValues[i + 1]);
        return Collections.unmodifiableMap(map);
    }


    private static boolean isApi(io.javalin.http.Context ctx) {
        return ctx.path().startsWith(Routes.API + "/") || ctx.path().equals(Routes.HEALTH) || ctx.path().equals(Routes.METRICS);
    }

    private static boolean isHtml(io.javalin.http.Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/html");
    }

    private static void fail(io.javalin.http.Context ctx, HttpStatus status, String code, String detail) {
        ErrorWritten.mark(ctx);
        ctx.status(status).json(new ApiError(code, detail));
    }
}
