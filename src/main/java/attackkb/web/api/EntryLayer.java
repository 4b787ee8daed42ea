package attackkb.web.api;

import attackkb.BadInputException;
import attackkb.mapping.FrameworkNames;
import attackkb.model.Control;
import attackkb.model.ControlTechnique;
import attackkb.model.TacticRef;
import attackkb.records.FreshnessNote;
import attackkb.source.UpstreamRelease;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Navigator layer of one framework entry: its techniques in one ATT&CK domain. Where the framework scores its
 * mappings (AWS, Azure, Google Cloud, Microsoft 365, Intel vPro) the best score of a technique is its layer score,
 * minimal 1, partial 2, significant 3; elsewhere each mapping type has a colour of its own (KEV's exploitation
 * technique and impacts), with a legend. Each technique's metadata say how fresh its mappings are, and its comment
 * says so first for the stale ones.
 */
final class EntryLayer {
    private static final Map<String, Integer> SCORES = Map.of("minimal", 1, "partial", 2, "significant", 3);
    /** White, then the colours of scores 1–3, evenly spaced as the Navigator spreads a gradient. */
    private static final List<String> SCORE_COLORS = List.of("#ffffff", "#cfe2ff", "#7fb2f0", "#2f6fc4");
    private static final List<String> TYPE_COLORS = List.of("#66b1ff", "#ff9f43", "#c39bd3", "#8ec843", "#bbbbbb");

    private EntryLayer() {}

    /**
     * {@code domain} as asked for, or null for the domain that holds most of the entry's techniques;
     * {@code domainOf} names a technique's domain.
     */
    static Map<String, Object> of(Control c, String domain, Function<String, String> domainOf,
                                  Map<String, String> attackVersions) {
        if (domain != null && !UpstreamRelease.DOMAINS.contains(domain)) {
            throw new BadInputException("domain must be one of " + String.join(", ", UpstreamRelease.DOMAINS)
                    + ", got \"" + domain + "\"");
        }
        String chosen = domain != null ? domain : busiestDomain(c, domainOf);
        String framework = FrameworkNames.name(c.framework());
        String title = c.title() == null || c.title().equals(c.id()) ? "" : ": " + shorten(c.title(), 80);
        var layer = new NavigatorLayer(framework + " " + c.id() + title,
                "ATT&CK techniques mapped to " + framework + " " + c.id()
                        + (c.source() == null ? "" : " (mapping " + c.source().revision() + " for ATT&CK " + c.source().attackVersion() + ")")
                        + ", exported from attack-kb.",
                chosen, attackVersions.getOrDefault(chosen, UpstreamRelease.DEFAULT_VERSION));
        boolean scored = c.techniques().stream().anyMatch(t -> score(t) != null);
        Map<String, String> typeColors = new LinkedHashMap<>();
        if (scored) {
            layer.gradient(SCORE_COLORS, 0, 3);
            List.of("minimal", "partial", "significant").forEach(v -> layer.legend(v, SCORE_COLORS.get(SCORES.get(v))));
        }
        for (var e : byTechnique(c).entrySet()) {
            List<ControlTechnique> mappings = e.getValue();
            ControlTechnique first = mappings.get(0);
            if (!chosen.equals(domainOf.apply(first.techniqueId()))) continue;
            Integer score = scored ? mappings.stream().map(EntryLayer::score)
                    .filter(java.util.Objects::nonNull).max(Integer::compare).orElse(null) : null;
            String color = scored ? null : typeColors.computeIfAbsent(label(first.mappingType()),
                    k -> TYPE_COLORS.get(Math.min(typeColors.size(), TYPE_COLORS.size() - 1)));
            // Each way, rationale and freshness once: rows naming a technique and its revoked predecessor repeat them.
            var ways = new java.util.LinkedHashSet<String>();
            var comments = new java.util.LinkedHashSet<String>();
            var links = new java.util.LinkedHashSet<String>();
            var freshness = new java.util.LinkedHashSet<String>();
            // A stale mapping says so first in the comment, the text the Navigator shows on hover.
            mappings.stream().filter(t -> t.freshness() != null && t.freshness().stale())
                    .forEach(t -> comments.add(FreshnessNote.of(t.freshness()).sentence()));
            for (ControlTechnique t : mappings) {
                links.addAll(t.references());
                ways.add(t.scoreCategory() != null ? t.scoreCategory() + ": " + t.scoreValue() : label(t.mappingType()));
                if (t.comments() != null && !t.comments().isBlank()) comments.add(t.comments().strip());
                if (t.freshness() != null) freshness.add(FreshnessNote.sentence(t.freshness()));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("mapping", String.join("; ", ways));
            if (!freshness.isEmpty()) metadata.put("freshness", String.join("; ", freshness));
            for (TacticRef tactic : first.tactics()) {
                layer.technique(first.techniqueId(), tactic.shortname(), score, color, String.join("\n\n", comments), metadata, List.copyOf(links));
            }
        }
        typeColors.forEach(layer::legend);
        return layer.toMap();
    }

    /** An entry's mappings per technique, in the entry's order. */
    private static Map<String, List<ControlTechnique>> byTechnique(Control c) {
        Map<String, List<ControlTechnique>> out = new LinkedHashMap<>();
        for (ControlTechnique t : c.techniques()) out.computeIfAbsent(t.techniqueId(), k -> new ArrayList<>()).add(t);
        return out;
    }

    private static String busiestDomain(Control c, Function<String, String> domainOf) {
        Map<String, Long> counts = new LinkedHashMap<>();
        UpstreamRelease.DOMAINS.forEach(d -> counts.put(d, 0L));
        c.techniques().stream().map(ControlTechnique::techniqueId).distinct().map(domainOf)
                .filter(counts::containsKey).forEach(d -> counts.merge(d, 1L, Long::sum));
        // ties go to the earlier domain: Enterprise, then Mobile, then ICS
        return counts.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).orElseThrow().getKey();
    }

    private static String label(String mappingType) {
        return mappingType == null ? "mapped" : mappingType.replace('_', ' ');
    }

    private static Integer score(ControlTechnique t) {
        return t.scoreValue() == null ? null : SCORES.get(t.scoreValue().toLowerCase(Locale.ROOT));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
    }

    /** The download's file name: {@code aws-aws_config-layer.json}, {@code aws-aws_config-stale-layer.json} filtered. */
    static String fileName(Control c, String filter) {
        return (c.framework() + "-" + c.id() + (filter == null ? "" : "-" + filter)).replaceAll("[^\\w.()-]+", "_") + "-layer.json";
    }
}
