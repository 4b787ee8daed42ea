package attackkb.web.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body sent in one write to the response's stream. Javalin's {@code result} copies a body through a new
 * buffer per response, a large part of what a search allocates. Javalin decides on gzip from the first write's size,
 * so the body goes in one write.
 */
public final class Body {
    /** Writes a whole body to the stream it is given, in one write. */
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private Body() {}

    public static void send(Context ctx, String contentType, byte[] body) {
        send(ctx, contentType, out -> out.write(body));
    }

    public static void send(Context ctx, String contentType, Writer body) {
        ctx.contentType(contentType);
        try {
            body.writeTo(ctx.outputStream());
        } catch (IOException e) {
            // The client has gone (live search drops a request at the next keystroke): nobody is left to answer.
        }
    }
}
