package attackkb.web.pages;

import attackkb.model.Domains;
import attackkb.model.Tactic;
import attackkb.records.EntityStore;
import attackkb.urls.Links;
import attackkb.serving.ServedGeneration;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** {@code /matrix/{domain}}: tactics as columns, techniques as cells with their sub-techniques, filtered by platform. */
public final class MatrixPages {
    private final Supplier<ServedGeneration> live;
    private final PageRenderer view;

    public MatrixPages(Supplier<ServedGeneration> live, PageRenderer view) {
        this.live = live;
        this.view = view;
    }

    /** The matrix of a domain: tactics as columns, techniques as cells, optionally only one platform's. */
    public void matrix(Context ctx) {
        String domain = ctx.pathParamMap().getOrDefault("domain",
                Optional.ofNullable(ctx.queryParam("domain")).filter(d -> !d.isBlank()).orElse("enterprise-attack"));
        if (!ctx.pathParamMap().containsKey("domain") && ctx.queryParam("domain") != null) {
            // The form without JavaScript: to the domain's own address, keeping the other choices.
            String rest = ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)domain=[^&]*", "").replaceFirst("^&", "");
            ctx.redirect(Links.matrix(domain)
                    + (rest.isEmpty() ? "" : "?" + rest), HttpStatus.SEE_OTHER);
            return;
        }
        String platform = Optional.ofNullable(ctx.queryParam("platform")).orElse("");
        EntityStore entities = live.get().entities();
        List<EntityStore.TacticColumn> columns = new ArrayList<>();
        Set<String> platforms = new TreeSet<>();
        Set<String> techniques = new HashSet<>();
        Set<String> subs = new HashSet<>();
        for (var summary : entities.tactics()) {
            if (!summary.domain().equals(domain)) continue;
            var column = entities.tactic(summary.id(), domain).orElseThrow();
            List<EntityStore.MatrixTechnique> cells = new ArrayList<>();
            for (var technique : column.techniques()) {
                platforms.addAll(technique.platforms());
                technique.subtechniques().forEach(s -> platforms.addAll(s.platforms()));
                if (!platform.isEmpty() && !technique.platforms().contains(platform)) continue;
                // A platform filter applies to sub-techniques too: User Execution on Containers has one.
                var shownSubs = platform.isEmpty() ? technique.subtechniques()
                        : technique.subtechniques().stream().filter(s -> s.platforms().contains(platform)).toList();
                cells.add(new EntityStore.MatrixTechnique(technique.id(), technique.name(), technique.platforms(), shownSubs));
                techniques.add(technique.id());
                shownSubs.forEach(s -> subs.add(s.id()));
            }
            columns.add(new EntityStore.TacticColumn(column.tactic(), cells));
        }
        if (columns.isEmpty()) {
            view.notFound(ctx, "matrix", domain);
            return;
        }
        String label = Domains.label(domain);
        // Under a platform filter, tactics without a technique are named below the matrix, not drawn as empty columns.
        List<Tactic> emptyTactics = platform.isEmpty() ? List.of() : columns.stream()
                .filter(c -> c.techniques().isEmpty()).map(EntityStore.TacticColumn::tactic).toList();
        view.render(ctx, "matrix", new MatrixPage(label + " matrix", domain, label, columns, platforms, platform,
                "true".equals(ctx.queryParam("ids")), "true".equals(ctx.queryParam("expand")), techniques.size(), subs.size(),
                emptyTactics));
    }
}
