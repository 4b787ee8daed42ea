package attackkb.web.pages;

import attackkb.index.IndexManifest;
import attackkb.serving.ServedGeneration;
import attackkb.web.http.ErrorWritten;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Renders a page: its record's components become its template's variables ({@code TechniquePage.technique} is
 * {@code technique}), beside what every page shows (the index's ATT&CK releases); and the error pages.
 */
public final class PageRenderer {
    /** Each page record's accessors by component name, looked up once per record class. */
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                accessors.put(c.getName(), c.getAccessor());
            }
            return Map.copyOf(accessors);
        }
    };

    private final Supplier<ServedGeneration> live;
    private final Templates templates;

    public PageRenderer(Supplier<ServedGeneration> live, Templates templates) {
        this.live = live;
        this.templates = templates;
    }

    public void error(Context ctx, HttpStatus status, String title, String message) {
        ctx.status(status);
        ErrorWritten.mark(ctx);
        render(ctx, "not_found", new MessagePage(title, message, ""));
    }

    public void notFound(Context ctx, String what, String id) {
        ctx.status(HttpStatus.NOT_FOUND);
        ErrorWritten.mark(ctx);
        render(ctx, "not_found", new MessagePage("Not found", "No " + what + " with the ID \u201c" + id + "\u201d.", id));
    }

    /** Every page shows the index it was answered from in its footer. */
    void render(Context ctx, String template, Record page) {
        templates.render(ctx, template, model(page));
    }

    /** A page's HTML as the bytes {@link #render} sends, for a page kept rather than sent at once. */
    byte[] bytes(String template, Record page) {
        return templates.bytes(template, model(page));
    }

    private Map<String, Object> model(Record page) {
        Map<String, Object> model = variables(page);
        IndexManifest manifest = live.get().index().manifest();
        model.put("attackVersions", manifest.attackVersions());
        model.put("domainLabels", attackkb.model.Domains.labels());
        return model;
    }

    /** The HTML of a part of a page, its record's components as the template's variables: made once, shown often. */
    String fragment(String template, Record part) {
        return templates.fragment(template, variables(part));
    }

    /** A page record's components by name; a HashMap, since a component may be null (no "next" on the last page). */
    static Map<String, Object> variables(Record page) {
        Map<String, Object> variables = new HashMap<>();
        ACCESSORS.get(page.getClass()).forEach((name, accessor) -> {
            try {
                variables.put(name, accessor.invoke(page));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of " + page.getClass().getSimpleName(), e);
            }
        });
        return variables;
    }
}
