package attackkb.web.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** What an htmx request asks for, and how to answer it. */
public final class Htmx {
    private Htmx() {}

    /** An htmx request that wants a fragment; a history restore after a cache miss wants the whole page. */
    public static boolean isFragmentRequest(Context ctx) {
        return "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-History-Restore-Request"));
    }

    /** The search form was submitted (Enter), rather than typed into. */
    public static boolean isSubmit(Context ctx) {
        // HX-Trigger names the form for typing and submitting alike; app.js says which it was.
        return "true".equals(ctx.header(SUBMITTED));
    }

    /** Set by app.js on an htmx request that a submit (Enter, the Search button) sent, not a pause in typing. */
    static final String SUBMITTED = "X-Submitted";

    /** A redirect both htmx (which would otherwise swap the target page into the fragment) and browsers follow. */
    public static void redirect(Context ctx, String location) {
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.header("HX-Redirect", location).status(HttpStatus.NO_CONTENT);
        } else {
            ctx.redirect(location, HttpStatus.FOUND);
        }
    }
}
