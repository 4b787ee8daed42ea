package attackkb.web.pages;

import attackkb.index.IndexManifest;
import attackkb.serving.ServedGeneration;
import attackkb.web.http.ErrorWritten;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Renders a page's template with what every page shows (the index's ATT&CK releases), and the error pages. */
public final class PageRenderer {
    private final Supplier<ServedGeneration> live;
    private final Pages pages;

    public PageRenderer(Supplier<ServedGeneration> live, Pages pages) {
        this.live = live;
        this.pages = pages;
    }

    public void error(Context ctx, HttpStatus status, String title, String message) {
        ctx.status(status);
        ErrorWritten.mark(ctx);
        render(ctx, "not_found", Map.of("title", title, "message", message, "query", ""));
    }

    public void notFound(Context ctx, String what, String id) {
        ctx.status(HttpStatus.NOT_FOUND);
        ErrorWritten.mark(ctx);
        render(ctx, "not_found", Map.of("title", "Not found",
                "message", "No " + what + " with the ID \u201c" + id + "\u201d.", "query", id));
    }

    /** Every page shows the index it was answered from in its footer. */
    void render(Context ctx, String template, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        IndexManifest manifest = live.get().index().manifest();
        all.put("attackVersions", manifest.attackVersions());
        all.put("domainLabels", attackkb.model.Domains.labels());
        pages.render(ctx, template, all);
    }
}
