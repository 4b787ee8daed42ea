package attackkb.web.http;

import attackkb.BadInputException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The text a POST carries, read within a size limit whatever its form: a raw body ({@code application/json},
 * {@code text/plain}, or what {@code curl -d} sends), a multipart form (a file field {@code layer}, or a pasted
 * {@code text}), or a URL-encoded form; and the small fields beside it ({@code from}, {@code format}).
 * A body over the limit is refused with 413, however it is sent (chunked bodies have no length to check first).
 * {@code fileName} is the uploaded file's name, null when the text was pasted or sent as the body.
 */
public record PostedInput(String text, String fileName, boolean declaredJson, Map<String, String> fields) {
    /** Multipart form fields other than the input itself are small: anything beyond this is not ours. */
    private static final int FIELD_LIMIT = 1_024;

    /** The value of a form field, or null. */
    public String field(String name) {
        return fields.get(name);
    }

    /**
     * Reads what the request carries; the text is empty when it carries nothing.
     *
     * @throws HttpResponseException 413 when the body is larger than {@code limit} bytes
     * @throws BadInputException when it cannot be read (not UTF-8, a broken multipart form)
     */
    public static PostedInput read(Context ctx, int limit) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        long length = ctx.req().getContentLengthLong();
        if (length > limit + (type.startsWith("multipart/") ? FIELD_LIMIT * 8L : 0)) throw tooLarge(limit);
        if (type.startsWith("multipart/form-data")) return multipart(ctx, limit);
        String body = utf8(readAtMost(ctx, limit), "the request body");
        if (type.startsWith("application/x-www-form-urlencoded") && !looksLikeJson(body)) return form(body);
        return new PostedInput(body, null, type.startsWith("application/json") || type.contains("+json"), Map.of());
    }

    /** The limit in people's units: "2 MiB". */
    public static String size(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }

    private static HttpResponseException tooLarge(int limit) {
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                "the input is larger than " + size(limit) + ", the most this server upgrades at once");
    }

    private static byte[] readAtMost(Context ctx, int limit) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) throw tooLarge(limit);
            return bytes;
        } catch (IOException e) {
            throw new BadInputException("the request body could not be read: " + e.getMessage());
        }
    }

    private static PostedInput multipart(Context ctx, int limit) {
        // In memory, never in temporary files: a part over the limit is refused before it is stored.
        ctx.req().setAttribute("org.eclipse.jetty.multipartConfig", new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"), limit, limit + FIELD_LIMIT * 8L, limit + 1));
        Map<String, String> fields = new LinkedHashMap<>();
        String file = null;
        String fileName = null;
        String text = null;
        try {
            for (Part part : ctx.req().getParts()) {
                boolean isFile = part.getSubmittedFileName() != null;
                String name = part.getName() == null ? "" : part.getName();
                if (isFile || name.equals("layer") || name.equals("text")) {
                    byte[] bytes;
                    try (InputStream in = part.getInputStream()) {
                        bytes = in.readNBytes(limit + 1);
                    }
                    if (bytes.length > limit) throw tooLarge(limit);
                    String value = utf8(bytes, isFile ? "the file " + part.getSubmittedFileName() : "the field " + name);
                    if (value.isBlank()) continue;
                    // The file chosen wins over pasted text; of several files, the one named "layer".
                    if (isFile || name.equals("layer")) {
                        if (file == null || name.equals("layer")) {
                            file = value;
                            fileName = part.getSubmittedFileName() == null ? name : part.getSubmittedFileName();
                        }
                    } else {
                        text = value;
                    }
                } else if (part.getSize() <= FIELD_LIMIT) {
                    try (InputStream in = part.getInputStream()) {
                        fields.put(name, utf8(in.readNBytes(FIELD_LIMIT), "the field " + name).strip());
                    }
                }
            }
        } catch (IllegalStateException e) {
            // Jetty's word for a form over its limits ("Request exceeds maxRequestSize", "Form is larger than max length")
            throw tooLarge(limit);
        } catch (IOException | ServletException e) {
            throw new BadInputException("the multipart form could not be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new BadInputException("the multipart form could not be read: " + e.getCause().getMessage());
        }
        return new PostedInput(file != null ? file : text == null ? "" : text, file != null ? fileName : null, false,
                Collections.unmodifiableMap(fields));
    }

    private static PostedInput form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("the form could not be read: " + e.getMessage());
        }
        String layer = fields.remove("layer");
        String text = fields.remove("text");
        return new PostedInput(layer != null && !layer.isBlank() ? layer : text == null ? "" : text, null, false,
                Collections.unmodifiableMap(fields));
    }

    private static boolean looksLikeJson(String body) {
        String s = body.stripLeading();
        return s.startsWith("{") || s.startsWith("[");
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(what + " is not UTF-8 text: give a layer (.json) or a list of IDs (.txt)");
        }
    }
}
