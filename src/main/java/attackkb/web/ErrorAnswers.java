package attackkb.web;

import attackkb.BadInputException;
import attackkb.urls.Routes;
import attackkb.web.http.ApiError;
import attackkb.web.http.ErrorWritten;
import attackkb.web.http.NotFoundException;
import attackkb.web.pages.PageRenderer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error as its answer: under {@code /api}, {@code /healthz} and {@code /metrics} the API's JSON shape
 * ({@link ApiError}), elsewhere an HTML page; whether a handler threw it, Javalin refused the request, or Jetty did
 * before either saw it ({@link #refusal}). No answer carries a stack trace.
 */
final class ErrorAnswers {
    /** Under WebApp's name, which it has always been logged under. */
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    /** A request method the path does not take; {@code allowed} is what it does, as the Allow header says it. */
    static final class MethodNotAllowed extends RuntimeException {
        MethodNotAllowed(String method, String allowed) {
            // "GET, HEAD, POST" reads "only GET, HEAD and POST are"; "POST", "only POST is".
            super(method + " is not allowed here; only " + allowed.replaceAll(", ([A-Z]+)$", " and $1")
                    + (allowed.contains(",") ? " are" : " is"));
        }
    }

    private final PageRenderer view;

    ErrorAnswers(PageRenderer view) {
        this.view = view;
    }

    void install(Javalin app) {
        app.exception(BadInputException.class, (e, ctx) -> {
            if (isApi(ctx)) fail(ctx, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
            else view.error(ctx, HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
        });
        app.exception(NotFoundException.class, (e, ctx) -> fail(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage()));
        app.exception(MethodNotAllowed.class, (e, ctx) -> fail(ctx, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                e.getMessage()));
        // Javalin's own refusals (no such endpoint, a request too large) in the same shapes as ours.
        app.exception(HttpResponseException.class, (e, ctx) -> {
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

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith(Routes.API + "/") || ctx.path().equals(Routes.HEALTH) || ctx.path().equals(Routes.METRICS);
    }

    private static boolean isHtml(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/html");
    }

    private static void fail(Context ctx, HttpStatus status, String code, String detail) {
        ErrorWritten.mark(ctx);
        ctx.status(status).json(new ApiError(code, detail));
    }
}
