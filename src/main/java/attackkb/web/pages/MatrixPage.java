package attackkb.web.pages;

import attackkb.records.EntityStore;
import attackkb.serving.ServedGeneration;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code /matrix/{domain}}: tactics as columns, techniques as cells with their sub-techniques, filtered by platform. */
public final class MatrixPage {
    private final Supplier<ServedGeneration> live;
    private final PageRenderer view;

    public MatrixPage(Supplier<ServedGeneration> live, PageRenderer view) {
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
            ctx.redirect("/matrix/" + java.net.URLEncoder.encode(domain, java.nio.charset.StandardCharsets.UTF_8)
                    + (rest.isEmpty() ? "" : "?" + rest), HttpStatus.SEE_OTHER);
            return;
        }
        String platform = Optional.ofNullable(ctx.queryParam("platform")).orElse("");
        EntityStore entities = live.get().entities();
        List<Map<String, Object>> columns = new ArrayList<>();
        java.util.Set<String> platforms = new java.util.TreeSet<>();
        java.util.Set<String> techniques = new java.util.HashSet<>();
        java.util.Set<String> subs = new java.util.HashSet<>();
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
            columns.add(Map.of("tactic", column.tactic(), "techniques", cells));
        }
        if (columns.isEmpty()) {
            view.notFound(ctx, "matrix", domain);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("columns", columns);
        model.put("domain", domain);
        model.put("domainLabel", attackkb.model.Domains.label(domain));
        model.put("platforms", platforms);
        model.put("platform", platform);
        model.put("showIds", "true".equals(ctx.queryParam("ids")));
        model.put("expand", "true".equals(ctx.queryParam("expand")));
        model.put("techniqueCount", techniques.size());
        // Under a platform filter, tactics without a technique are named below the matrix, not drawn as empty columns.
        model.put("emptyTactics", platform.isEmpty() ? List.of() : columns.stream()
                .filter(c -> ((List<?>) c.get("techniques")).isEmpty()).map(c -> c.get("tactic")).toList());
        model.put("subCount", subs.size());
        model.put("title", attackkb.model.Domains.label(domain) + " matrix");
        view.render(ctx, "matrix", model);
    }
}
