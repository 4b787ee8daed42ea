package attackkb.web.http;

import io.javalin.http.Context;

/** Marks a request whose error answer is already written, so the application's 404 fallback leaves it alone. */
public final class ErrorWritten {
    private static final String ATTRIBUTE = "attackkb.error-written";

    private ErrorWritten() {}

    public static void mark(Context ctx) {
        ctx.attribute(ATTRIBUTE, true);
    }

    public static boolean isMarked(Context ctx) {
        return ctx.attribute(ATTRIBUTE) != null;
    }
}
