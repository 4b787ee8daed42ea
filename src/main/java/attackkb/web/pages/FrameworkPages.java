package attackkb.web.pages;

import attackkb.mapping.FrameworkNames;
import attackkb.model.Control;
import attackkb.records.FrameworkEntries;
import attackkb.records.FrameworkEntries.EntrySummary;
import attackkb.records.FrameworkEntries.FrameworkGroup;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Links;
import attackkb.web.http.QueryParams;
import attackkb.web.http.ReportLink;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The pages of the frameworks mapped to ATT&CK: the list of frameworks, each framework's entries, and each entry. */
public final class FrameworkPages {
    private final Supplier<ServedGeneration> live;
    private final PageRenderer view;
    private final ReportLink report;

    public FrameworkPages(Supplier<ServedGeneration> live, PageRenderer view, ReportLink report) {
        this.live = live;
        this.view = view;
        this.report = report;
    }

    public void frameworks(Context ctx) {
        view.render(ctx, "frameworks", new FrameworksPage("Frameworks mapped to ATT&CK", live.get().frameworks().frameworks()));
    }

    public void framework(Context ctx) {
        frameworkPage(ctx, ctx.pathParam("key"));
    }

    /** SP 800-53's page under its first address. */
    public void controls(Context ctx) {
        frameworkPage(ctx, FrameworkNames.NIST_800_53);
    }

    private void frameworkPage(Context ctx, String key) {
        String freshness = QueryParams.freshness(ctx);
        var framework = live.get().frameworks().framework(key).orElse(null);
        if (framework == null) {
            view.notFound(ctx, "framework", key);
            return;
        }
        // Filtered by freshness, only the entries with such mappings are listed, mapped ones all of them.
        var groups = live.get().frameworks().groups(key, freshness);
        boolean mappedOnly = freshness == null && "true".equals(ctx.queryParam("mapped"));
        long unmapped = groups.stream().flatMap(g -> g.controls().stream()).filter(e -> e.techniqueCount() == 0).count();
        // A family whose entries are all hidden is left out with them.
        var shown = !mappedOnly ? groups
                : groups.stream().filter(g -> g.controls().stream().anyMatch(e -> e.techniqueCount() > 0)).toList();
        // Cloud capabilities are each their own group (aws_config in "AWS Config"): one list by name, not a heading each.
        boolean flat = shown.stream().allMatch(FrameworkPages::isOneEntry);
        List<EntrySummary> entries = !flat ? List.of() : shown.stream().map(g -> g.controls().get(0))
                .sorted(Comparator.comparing(e -> e.title().toLowerCase(Locale.ROOT)))
                .toList();
        String title = framework.name() + " " + framework.version() + (freshness == null ? "" : ": " + freshness + " mappings");
        view.render(ctx, "controls", new FrameworkPage(title, framework, shown, mappedOnly, unmapped, flat, entries,
                freshness, Links.framework(framework.key())));
    }

    /** A group that is just one entry of the same ID. */
    private static boolean isOneEntry(FrameworkGroup g) {
        return g.controls().size() == 1 && g.controls().get(0).id().equals(String.valueOf(g.id()));
    }

    /** An entry of any framework by its ID alone (IDs do not repeat across frameworks): the first control pages' address. */
    public void control(Context ctx) {
        String id = ctx.pathParam("id");
        live.get().frameworks().find(id).ifPresentOrElse(c -> entryPage(ctx, c), () -> view.notFound(ctx, "control", id));
    }

    public void frameworkEntry(Context ctx) {
        String key = ctx.pathParam("key");
        String id = ctx.pathParam("entry");
        live.get().frameworks().find(key, id).ifPresentOrElse(c -> entryPage(ctx, c), () -> view.notFound(ctx, "framework entry", key + " " + id));
    }

    /** An entry's page; {@code ?freshness=stale} (or a status) lists only the mappings it selects. */
    private void entryPage(Context ctx, Control all) {
        String freshness = QueryParams.freshness(ctx);
        Control c = FrameworkEntries.withFreshness(all, freshness);
        String url = Links.entry(c.framework(), c.id());
        Map<String, Integer> refs = FrameworkEntries.referenceNumbers(c);
        var references = refs.entrySet().stream()
                .map(e -> new Citations.Numbered(e.getValue(), e.getKey(), null, e.getKey())).toList();
        String title = (c.id().equals(c.title()) ? c.id() : c.id() + " " + c.title()) + (freshness == null ? "" : ": " + freshness + " mappings");
        view.render(ctx, "control", new EntryPage(title, c,
                FrameworkNames.name(c.framework()), url, FrameworkEntries.byTactic(c, live.get().frameworks().tacticOrder()),
                live.get().frameworks().crosswalks(all), MarkdownHtml.controlProse(c.guidance()), FrameworkEntries.hasRationale(c),
                refs, references, FrameworkEntries.scored(all), actions(ctx, all, url), freshness,
                FrameworkEntries.freshnessCounts(all), all.techniques().size()));
    }

    /** An entry's buttons: its graph, and "Report an issue" to whoever makes the mappings. */
    private PageActions actions(Context ctx, Control c, String url) {
        String version = c.source() == null ? null : FrameworkNames.name(c.framework()) + " " + c.source().revision()
                + " mapped to ATT&CK " + c.source().attackVersion();
        // A mapping's mistakes go to the project that makes the mappings, unless the team set its own tracker.
        ReportLink mappings = report.builtIn() ? ReportLink.CTID : report;
        return new PageActions(null, null, mappings.url(PageActions.reportValues(FrameworkNames.name(c.framework()) + " entry",
                c.id(), c.title(), null, version, PageActions.canonical(ctx, url))), Links.graph(c.framework() + ":" + c.id()),
                c.id(), mappings.label());
    }
}
