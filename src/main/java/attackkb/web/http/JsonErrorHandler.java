package attackkb.web.http;

import attackkb.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Jetty's own answers, the ones given before or around Javalin (a URI or headers too large, a request line or URI
 * encoding it cannot read), in the API's error shape instead of Jetty's HTML page. Jetty often cannot tell which
 * path a bad message was for, so every such answer is JSON. What each status says is decided by the application that installs it.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json";

    private final BiFunction<Integer, String, ApiError> refusal;
    private final Map<String, String> headers;

    /** {@code refusal} turns a status and Jetty's reason (may be null) into the error body. */
    public JsonErrorHandler(BiFunction<Integer, String, ApiError> refusal, Map<String, String> headers) {
        this.refusal = refusal;
        this.headers = headers;
        setShowStacks(false);
        setShowServlet(false);
    }

    /** A request Jetty could not parse: answered straight from the connection, with these fields and this body. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) return BufferUtil.EMPTY_BUFFER;
        headers.forEach(fields::put);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    /** An error Jetty dispatches after a request was read (a {@code sendError} that reached no Javalin handler). */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
            int status, String message) throws IOException {
        baseRequest.setHandled(true);
        if (HttpStatus.hasNoBody(status)) return;
        byte[] body = body(status, message);
        headers.forEach(response::setHeader);
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
        response.setContentType(JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] body(int status, String reason) {
        try {
            return Json.MAPPER.writeValueAsBytes(refusal.apply(status, reason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a record of two strings always serialises
        }
    }
}
