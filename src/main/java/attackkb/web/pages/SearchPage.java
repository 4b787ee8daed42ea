package attackkb.web.pages;

import attackkb.model.EntityType;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.search.query.AttackId;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Links;
import attackkb.web.http.Htmx;
import attackkb.web.http.QueryParams;
import attackkb.web.http.SearchUrls;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The search page. One URL, two representations: an htmx request ({@code HX-Request}) gets just the results
 * fragment, anything else the whole page, so links, reloads and browsers without JavaScript all work. Before
 * anything is asked it is the landing page.
 */
public final class SearchPage {
    private static final Map<String, EntityType> ID_PREFIXES = Map.of(
            "T", EntityType.TECHNIQUE, "TA", EntityType.TACTIC, "M", EntityType.MITIGATION,
            "DET", EntityType.DETECTION, "G", EntityType.GROUP, "S", EntityType.SOFTWARE, "C", EntityType.CAMPAIGN);

    private final Supplier<ServedGeneration> live;
    private final PageRenderer view;

    public SearchPage(Supplier<ServedGeneration> live, PageRenderer view) {
        this.live = live;
        this.view = view;
    }

    public void search(Context ctx) {
        SearchRequest request = QueryParams.search(ctx, SearchRequest.DEFAULT_LIMIT);
        boolean fragment = Htmx.isFragmentRequest(ctx);
        ctx.header("Vary", "HX-Request");
        // Submitting an exact ID goes to its page; typing one (an htmx request from the search box) just searches,
        // so live search looks nothing up.
        boolean submitted = !fragment || Htmx.isSubmit(ctx);
        Optional<String> jump = !submitted ? Optional.empty() : AttackId.parse(request.query()).flatMap(this::pageOf)
                .or(() -> live.get().frameworks().find(request.query()).map(c -> Links.entry(c.framework(), c.id())));
        if (jump.isPresent()) {
            Htmx.redirect(ctx, jump.get());
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("request", request);
        // Nothing asked yet: say what this is and where to start, rather than list everything in ID order.
        if (request.query().isBlank() && request.selections().values().stream().allMatch(List::isEmpty) && request.offset() == 0) {
            model.put("landing", true);
            model.put("title", "attack-kb: search MITRE ATT&CK and the frameworks mapped to it");
            model.put("frameworks", live.get().frameworks().frameworks());
            model.put("tactics", live.get().entities().tactics());
            model.put("documents", live.get().index().manifest().documents());
            model.put("examples", EXAMPLES);
            model.put("domainLabels", attackkb.model.Domains.labels());
            view.render(ctx, fragment ? "_results" : "search", model);
            return;
        }
        model.put("landing", false);
        SearchResult result = live.get().responses().result(request);
        model.put("result", result);
        model.put("title", request.query().isEmpty() ? "Search" : request.query() + " - Search");
        int offset = request.offset();
        int limit = request.limit();
        model.put("from", result.total() == 0 ? 0 : offset + 1);
        model.put("to", offset + result.hits().size());
        model.put("previous", offset > 0 ? SearchUrls.page(request, Math.max(0, offset - limit)) : null);
        model.put("next", offset + limit < result.total() ? SearchUrls.page(request, offset + limit) : null);
        model.put("pages", pages(request, result.total()));
        // Without words there is no relevance to sort by: such a listing is in ID order unless asked by name.
        var effective = request.query().isBlank() && request.sort() == attackkb.search.Sort.RELEVANCE
                ? attackkb.search.Sort.ID : request.sort();
        List<Map<String, Object>> sorts = new ArrayList<>();
        for (var sort : attackkb.search.Sort.values()) {
            if (sort == attackkb.search.Sort.RELEVANCE && request.query().isBlank()) continue;
            sorts.add(Map.of("key", sort.key(), "label", SORT_LABELS.get(sort), "url", SearchUrls.sorted(request, sort),
                    "current", sort == effective));
        }
        model.put("sorts", sorts);
        model.put("didYouMeanUrl", result.didYouMean() == null ? null : SearchUrls.page(new SearchRequest(result.didYouMean(),
                request.platforms(), request.tactics(), request.dataComponents(), request.domains(), request.types(),
                request.frameworks(), request.families(), request.controls(), request.limit(), 0), 0));
        model.put("exports", Map.of("csv", SearchUrls.export(request, "csv"), "json", SearchUrls.export(request, "json"),
                "navigator", SearchUrls.export(request, "navigator")));
        Map<String, String> labels = new LinkedHashMap<>(FACET_LABELS);
        if (!request.controls().isEmpty()) labels.put("control", "Control"); // long: shown when filtering by one
        model.put("facetViews", facetViews(result, labels));
        model.put("frameworkNames", frameworkNames());
        model.put("typeLabels", TYPE_LABELS);
        model.put("tacticNames", tacticNames());
        model.put("chips", chips(request, result, labels));
        view.render(ctx, fragment ? "_results" : "search", model);
    }

    /** Page links: the first, the last, and two either side of the current one, with gaps between ("1 … 4 5 6 7 8 … 36"). */
    public static List<Map<String, Object>> pages(SearchRequest request, long total) {
        int limit = request.limit();
        int count = (int) Math.min((total + limit - 1) / limit, SearchRequest.MAX_OFFSET / limit + 1);
        int current = request.offset() / limit + 1;
        java.util.function.IntPredicate near = n -> n == 1 || n == count || Math.abs(n - current) <= 2;
        List<Map<String, Object>> pages = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= count; n++) {
            // A gap never hides a single page: "1 2 3 4 5", not "1 2 3 … 5".
            if (!near.test(n) && !(near.test(n - 1) && near.test(n + 1))) continue;
            if (n > last + 1) pages.add(Map.of("gap", true));
            pages.add(Map.of("gap", false, "number", n, "current", n == current,
                    "url", SearchUrls.page(request, (n - 1) * limit)));
            last = n;
        }
        return pages;
    }

    private static final Map<String, String> TYPE_LABELS = java.util.Arrays.stream(EntityType.values())
            .collect(java.util.stream.Collectors.toMap(EntityType::key, EntityType::label));

    /** Framework keys to names, made once per index. */
    private Map<String, String> frameworkNames() {
        return live.get().entities().derived(FrameworkNames.class, () -> {
            Map<String, String> names = new HashMap<>();
            live.get().frameworks().frameworks().forEach(f -> names.put(f.key(), f.name()));
            return Map.copyOf(names);
        });
    }

    /** Tactic shortnames to names, for the tags of results ("defense-evasion" is "Defense Evasion"); made once per index. */
    private Map<String, String> tacticNames() {
        return live.get().entities().derived(TacticNames.class, () -> {
            Map<String, String> names = new HashMap<>();
            live.get().entities().tactics().forEach(t -> names.putIfAbsent(t.shortname(), t.name()));
            return Map.copyOf(names);
        });
    }

    /** Keys of the two maps above among an index's derived summaries. */
    private record FrameworkNames() {}

    private record TacticNames() {}

    /** Values a facet shows before "N more": enough for every dimension but data components and controls. */
    static final int FACET_TOP = 8;

    /** Each dimension with values: its label, the first values, the rest, and whether one of the rest is ticked. */
    private static List<Map<String, Object>> facetViews(SearchResult result, Map<String, String> labels) {
        List<Map<String, Object>> views = new ArrayList<>();
        labels.forEach((key, label) -> {
            var values = result.facets().getOrDefault(key, List.of());
            if (values.isEmpty()) return;
            var top = values.subList(0, Math.min(FACET_TOP, values.size()));
            var more = values.subList(top.size(), values.size());
            views.add(Map.of("key", key, "label", label, "top", top, "more", more,
                    "moreSelected", more.stream().anyMatch(f -> f.selected())));
        });
        return views;
    }

    /** Each selected facet value as a chip: its dimension, its label, and the search without it. */
    private static List<Map<String, String>> chips(SearchRequest request, SearchResult result, Map<String, String> dimensions) {
        List<Map<String, String>> chips = new ArrayList<>();
        request.selections().forEach((dim, values) -> {
            for (String value : values) {
                String label = result.facets().getOrDefault(dim, List.of()).stream()
                        .filter(f -> f.value().equals(value)).map(f -> f.label()).findFirst().orElse(value);
                chips.add(Map.of("dimension", dimensions.getOrDefault(dim, dim), "label", label,
                        "url", SearchUrls.pageWithout(request, dim, value)));
            }
        });
        return chips;
    }

    private static final Map<attackkb.search.Sort, String> SORT_LABELS = Map.of(
            attackkb.search.Sort.RELEVANCE, "relevance", attackkb.search.Sort.ID, "ID", attackkb.search.Sort.NAME, "name");

    /** What the landing page offers to try, and what each shows off. */
    private static final List<Map<String, String>> EXAMPLES = List.of(
            Map.of("q", "container image", "why", "techniques, detections and cloud capabilities"),
            Map.of("q", "lsass dump", "why", "words as analysts write them"),
            Map.of("q", "cozy bear", "why", "a group by one of its other names (APT29)"),
            Map.of("q", "T1059.001", "why", "an ID goes straight to its page"),
            Map.of("q", "CVE-2021-44228", "why", "a KEV vulnerability and the techniques it enables"),
            Map.of("q", "conditional access", "why", "Microsoft 365 capabilities"));

    private static final Map<String, String> FACET_LABELS = facetLabels();

    private static Map<String, String> facetLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("type", "Type");
        labels.put("domain", "Domain");
        labels.put("framework", "Framework");
        labels.put("platform", "Platform");
        labels.put("tactic", "Tactic");
        labels.put("data_component", "Data component");
        labels.put("family", "SP 800-53 family");
        return labels;
    }

    private Optional<String> pageOf(String id) {
        String prefix = id.replaceAll("\\d.*", "");
        EntityType type = ID_PREFIXES.get(prefix);
        if (type == null || live.get().entities().hit(type, id).isEmpty()) return Optional.empty();
        return Optional.of(Links.path(type.key(), id));
    }
}
