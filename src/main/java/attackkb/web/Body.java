package attackkb.web;

import io.javalin.http.Context;
import java.io.IOException;

/**
 * A response body sent in one write to the response's stream. Javalin's {@code result} copies a body through a new
 * 32 KB buffer per response, a fifth of what a long-tail search allocated. Javalin decides on gzip from the first
 * write's size, so the body goes in one write.
 */
final class Body {
    private Body() {}

    static void send(Context ctx, String contentType, byte[] body) {
        ctx.contentType(contentType);
        try {
            ctx.outputStream().write(body);
        } catch (IOException e) {
            // The client has gone (live search drops a request at the next keystroke): nobody is left to answer.
        }
    }
}
