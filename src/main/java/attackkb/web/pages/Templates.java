package attackkb.web.pages;

import attackkb.web.http.Body;
import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Renders the Pebble templates under {@code templates/}: strict variables, HTML autoescaping, cached. */
public final class Templates {
    static final String HTML = "text/html; charset=utf-8";
    private final PebbleEngine engine;
    private final Map<String, Object> globals;

    public Templates(Map<String, Object> globals) {
        var loader = new ClasspathLoader();
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                .extension(new PageFilters())
                .build();
        this.globals = Map.copyOf(globals);
    }

    void render(Context ctx, String template, Map<String, Object> model) {
        Body.send(ctx, HTML, bytes(template, model));
    }

    /** A page's HTML as the bytes sent. */
    byte[] bytes(String template, Map<String, Object> model) {
        return fragment(template, model).getBytes(StandardCharsets.UTF_8);
    }

    /** A template's HTML as a string: a part of a page made once and shown many times. */
    String fragment(String template, Map<String, Object> model) {
        Map<String, Object> context = new HashMap<>(globals);
        context.putAll(model);
        var out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
