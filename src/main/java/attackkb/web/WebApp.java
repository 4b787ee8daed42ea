package attackkb.web;

import attackkb.BadInputException;
import attackkb.Json;
import attackkb.search.LiveIndex;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin application: all server configuration, every route and every error mapping in one place.
 * It takes its dependencies rather than finding them, so tests hand it a fixture index.
 */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    private WebApp() {}

    public static Javalin create(Supplier<LiveIndex> live) {
        var api = new ApiController(live);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.router.ignoreTrailingSlashes = true;
            config.http.defaultContentType = "application/json";
        });

        app.get(Routes.HEALTH, api::health);
        app.get(Routes.API_SEARCH, api::search);
        app.get(Routes.API_SUGGEST, api::suggest);
        app.get(Routes.API_TECHNIQUE, api::technique);
        app.get(Routes.API_MITIGATION, api::mitigation);
        app.get(Routes.API_DETECTION, api::detection);
        app.get(Routes.API_GROUP, api::group);
        app.get(Routes.API_SOFTWARE, api::software);
        app.get(Routes.API_CAMPAIGN, api::campaign);
        app.get(Routes.API_TACTICS, api::tactics);
        app.get(Routes.API_TACTIC, api::tactic);

        app.exception(BadInputException.class, (e, ctx) -> fail(ctx, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage()));
        app.exception(NotFoundException.class, (e, ctx) -> fail(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            fail(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "the server could not answer this request");
        });
        // Statuses set without one of our exceptions (an unknown path): the same JSON error shape.
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) fail(ctx, HttpStatus.NOT_FOUND, "not_found", "no such path: " + ctx.path());
        });
        return app;
    }

    private static final String ERROR_WRITTEN = "attackkb.error-written";

    private static void fail(io.javalin.http.Context ctx, HttpStatus status, String code, String detail) {
        ctx.attribute(ERROR_WRITTEN, true);
        ctx.status(status).json(new ApiError(code, detail));
    }
}
