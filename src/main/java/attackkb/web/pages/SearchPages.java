package attackkb.web.pages;

import attackkb.model.EntityType;
import attackkb.search.FacetValue;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.search.Sort;
import attackkb.search.query.AttackId;
import attackkb.serving.SearchedRelease;
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
public final class SearchPages {
    private static final Map<String, EntityType> ID_PREFIXES = Map.of(
            "T", EntityType.TECHNIQUE, "TA", EntityType.TACTIC, "M", EntityType.MITIGATION,
            "DET", EntityType.DETECTION, "G", EntityType.GROUP, "S", EntityType.SOFTWARE, "C", EntityType.CAMPAIGN);

    private final Supplier<ServedGeneration> live;
    private final PageRenderer view;

    public SearchPages(Supplier<ServedGeneration> live, PageRenderer view) {
        this.live = live;
        this.view = view;
    }

    public void search(Context ctx) {
        SearchRequest request = QueryParams.search(ctx, SearchRequest.DEFAULT_LIMIT);
        try (SearchedRelease searched = live.get().searchIn(request.release())) {
            search(ctx, request, searched);
        }
    }

    private void search(Context ctx, SearchRequest request, SearchedRelease searched) {
        boolean fragment = Htmx.isFragmentRequest(ctx);
        ctx.header("Vary", "HX-Request");
        // Submitting an exact ID goes to its page; typing one (an htmx request from the search box) just searches,
        // so live search looks nothing up. In an older release an ID is searched: its pages are the current release's.
        boolean submitted = (!fragment || Htmx.isSubmit(ctx)) && !searched.older();
        Optional<String> jump = !submitted ? Optional.empty() : AttackId.parse(request.query()).flatMap(this::pageOf)
                .or(() -> live.get().frameworks().find(request.query()).map(c -> Links.entry(c.framework(), c.id())));
        if (jump.isPresent()) {
            Htmx.redirect(ctx, jump.get());
            return;
        }
        String template = fragment ? "_results" : "search";
        ReleaseChoice releases = releaseChoice(request, searched);
        // Nothing asked yet: say what this is and where to start, rather than list everything in ID order.
        if (request.query().isBlank() && request.selections().values().stream().allMatch(List::isEmpty) && request.offset() == 0) {
            view.render(ctx, template, new LandingPage("attack-kb: search MITRE ATT&CK and the frameworks mapped to it",
                    request, true, live.get().frameworks().frameworks(), live.get().entities().tactics(),
                    live.get().index().manifest().documents(), EXAMPLES, releases));
            return;
        }
        SearchResult result = searched.responses().result(request);
        int offset = request.offset();
        int limit = request.limit();
        String didYouMeanUrl = result.didYouMean() == null ? null
                : SearchUrls.page(request.withQuery(result.didYouMean()).withSort(Sort.RELEVANCE), 0);
        var exports = new ResultsPage.Exports(SearchUrls.export(request, "csv"), SearchUrls.export(request, "json"),
                SearchUrls.export(request, "navigator"));
        Map<String, String> labels = new LinkedHashMap<>(FACET_LABELS);
        if (!request.controls().isEmpty()) labels.put("control", "Control"); // long: shown when filtering by one
        view.render(ctx, template, new ResultsPage(request.query().isEmpty() ? "Search" : request.query() + " - Search",
                request, false, result, result.total() == 0 ? 0 : offset + 1, offset + result.hits().size(),
                offset > 0 ? SearchUrls.page(request, Math.max(0, offset - limit)) : null,
                offset + limit < result.total() ? SearchUrls.page(request, offset + limit) : null,
                Pager.links(request, result.total()), sorts(request), didYouMeanUrl, exports, facetViews(result, labels),
                frameworkNames(), TYPE_LABELS, searched.older() ? searched.tacticNames() : tacticNames(),
                chips(request, result, labels), releases));
    }

    /**
     * The releases the page offers (none when the index holds one), the one searched selected: the current one is
     * offered without a release in the URL, so a bookmark of it follows the index to its next release.
     */
    private ReleaseChoice releaseChoice(SearchRequest request, SearchedRelease searched) {
        List<String> releases = live.get().searchableReleases();
        String current = live.get().currentRelease();
        if (releases.size() < 2) return new ReleaseChoice(List.of(), null, current, null);
        List<ReleaseChoice.Option> options = new ArrayList<>();
        options.add(new ReleaseChoice.Option("", "ATT&CK " + current + " (current)", !searched.older()));
        for (int i = releases.size() - 2; i >= 0; i--) {
            String version = releases.get(i);
            options.add(new ReleaseChoice.Option(version, "ATT&CK " + version, searched.older() && version.equals(searched.version())));
        }
        return new ReleaseChoice(options, searched.older() ? searched.version() : null, current,
                searched.older() ? SearchUrls.page(request.withRelease(null), 0) : null);
    }

    /** The orders a search can be sorted in; without words there is no relevance, and the listing is in ID order. */
    private static List<ResultsPage.SortLink> sorts(SearchRequest request) {
        var effective = request.query().isBlank() && request.sort() == Sort.RELEVANCE ? Sort.ID : request.sort();
        List<ResultsPage.SortLink> sorts = new ArrayList<>();
        for (var sort : Sort.values()) {
            if (sort == Sort.RELEVANCE && request.query().isBlank()) continue;
            sorts.add(new ResultsPage.SortLink(sort.key(), SORT_LABELS.get(sort), SearchUrls.sorted(request, sort), sort == effective));
        }
        return sorts;
    }

    private static final Map<String, String> TYPE_LABELS = java.util.Arrays.stream(EntityType.values())
            .collect(java.util.stream.Collectors.toMap(EntityType::key, EntityType::label));

    /** Framework keys to names, made once per index. */
    private Map<String, String> frameworkNames() {
        return live.get().memo().get(FrameworkNames.class, () -> {
            Map<String, String> names = new HashMap<>();
            live.get().frameworks().frameworks().forEach(f -> names.put(f.key(), f.name()));
            return Map.copyOf(names);
        });
    }

    /** Tactic shortnames to names, for the tags of results ("defense-evasion" is "Defense Evasion"); made once per index. */
    private Map<String, String> tacticNames() {
        return live.get().memo().get(TacticNames.class, () -> {
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
    private static List<ResultsPage.FacetView> facetViews(SearchResult result, Map<String, String> labels) {
        List<ResultsPage.FacetView> views = new ArrayList<>();
        labels.forEach((key, label) -> {
            var values = result.facets().getOrDefault(key, List.of());
            if (values.isEmpty()) return;
            var top = values.subList(0, Math.min(FACET_TOP, values.size()));
            var more = values.subList(top.size(), values.size());
            views.add(new ResultsPage.FacetView(key, label, top, more, more.stream().anyMatch(FacetValue::selected)));
        });
        return views;
    }

    /** Each selected facet value as a chip: its dimension, its label, and the search without it. */
    private static List<ResultsPage.Chip> chips(SearchRequest request, SearchResult result, Map<String, String> dimensions) {
        List<ResultsPage.Chip> chips = new ArrayList<>();
        request.selections().forEach((dim, values) -> {
            for (String value : values) {
                String label = result.facets().getOrDefault(dim, List.of()).stream()
                        .filter(f -> f.value().equals(value)).map(FacetValue::label).findFirst().orElse(value);
                chips.add(new ResultsPage.Chip(dimensions.getOrDefault(dim, dim), label, SearchUrls.pageWithout(request, dim, value)));
            }
        });
        return chips;
    }

    private static final Map<Sort, String> SORT_LABELS = Map.of(Sort.RELEVANCE, "relevance", Sort.ID, "ID", Sort.NAME, "name");

    /** What the landing page offers to try, and what each shows off. */
    private static final List<LandingPage.Example> EXAMPLES = List.of(
            new LandingPage.Example("container image", "techniques, detections and cloud capabilities"),
            new LandingPage.Example("lsass dump", "words as analysts write them"),
            new LandingPage.Example("cozy bear", "a group by one of its other names (APT29)"),
            new LandingPage.Example("T1059.001", "an ID goes straight to its page"),
            new LandingPage.Example("CVE-2021-44228", "a KEV vulnerability and the techniques it enables"),
            new LandingPage.Example("conditional access", "Microsoft 365 capabilities"));

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
