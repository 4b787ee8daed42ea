package attackkb.web.pages;

import attackkb.BadInputException;
import attackkb.model.Domains;
import attackkb.model.EntityType;
import attackkb.releases.ChangeCategory;
import attackkb.releases.ChangeWords;
import attackkb.releases.ReleaseHistory;
import attackkb.serving.ServedGeneration;
import attackkb.source.UpstreamRelease;
import attackkb.urls.Links;
import attackkb.web.http.ChangeQuery;
import attackkb.web.http.GzippedAnswers;
import attackkb.web.http.ReleaseChanges;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /changes} and {@code /changes/{from}...{to}}: what changed between two held ATT&CK releases. The HTML of each
 * change of a pair is made once per generation; a page filters the changes, groups and counts them, and renders
 * around their HTML. A page made is kept gzipped for the browsers that ask for it so ({@link GzippedAnswers}).
 */
public final class ChangesPages {
    /** Groups of a category at most this long are shown open; longer ones are folded. */
    private static final int OPEN_AT_MOST = 50;
    /** Groups of a minor category (a new minor version, a new description) are folded beyond this many. */
    private static final int MINOR_OPEN_AT_MOST = 10;

    private static final Map<String, String> TYPE_LABELS = typeLabels();

    private record LinesKey(String from, String to) {}

    private final Supplier<ServedGeneration> live;
    private final PageRenderer view;

    public ChangesPages(Supplier<ServedGeneration> live, PageRenderer view) {
        this.live = live;
        this.view = view;
    }

    private static Map<String, String> typeLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(EntityType.TECHNIQUE.key(), "Techniques and sub-techniques");
        labels.put(EntityType.TACTIC.key(), "Tactics");
        labels.put(EntityType.MITIGATION.key(), "Mitigations");
        labels.put(EntityType.DETECTION.key(), "Detection strategies");
        labels.put(EntityType.GROUP.key(), "Groups");
        labels.put(EntityType.SOFTWARE.key(), "Software");
        labels.put(EntityType.CAMPAIGN.key(), "Campaigns");
        return labels;
    }

    /**
     * {@code /changes}: to the pair its form names ({@code from}, {@code to}), or else to the current release and the
     * one before it, with the same filters.
     */
    public void changes(Context ctx) {
        ReleaseHistory history = live.get().releases();
        if (history.versions().size() < 2) {
            view.render(ctx, "changes", new ChangesPage("Changes between ATT&CK releases", null, null,
                    "This index holds one ATT&CK release, " + history.current().version() + ", so there is nothing to "
                            + "compare it with. Index an earlier release beside it (bin/attack-kb index --data … --data "
                            + "<folder of older bundles>) to see what changed.",
                    0, 0, List.of(), List.of(), new ChangesPage.Table(List.of(), List.of()), List.of(), List.of(), false, null));
            return;
        }
        boolean asked = ctx.queryParam("from") != null || ctx.queryParam("to") != null;
        ChangeQuery query = query(ctx, history, ctx.queryParam("from"), ctx.queryParam("to"));
        ctx.redirect(Links.changes(query.from(), query.to(), query.filterParameters()), asked ? HttpStatus.SEE_OTHER : HttpStatus.FOUND);
    }

    /** {@code /changes/16.1...18.1}. */
    public void between(Context ctx) {
        ReleaseHistory history = live.get().releases();
        String range = ctx.pathParam("range");
        int at = range.indexOf(Links.RANGE);
        if (at <= 0 || at + Links.RANGE.length() >= range.length()) {
            throw new BadInputException("name two releases as /changes/16.1...18.1 (older first); releases held: "
                    + String.join(", ", history.versions()));
        }
        ChangeQuery query = query(ctx, history, range.substring(0, at), range.substring(at + Links.RANGE.length()));
        ServedGeneration served = live.get();
        served.memo().get(GzippedAnswers.class, GzippedAnswers::new).send(ctx,
                "page " + Links.changes(query.from(), query.to(), query.filterParameters()), Templates.HTML,
                () -> view.bytes("changes", page(served, history, query)));
    }

    private ChangesPage page(ServedGeneration served, ReleaseHistory history, ChangeQuery query) {
        ReleaseChanges changes = ReleaseChanges.of(served, query);
        List<String> lines = served.memo().get(new LinesKey(query.from(), query.to()),
                () -> changes.entries().stream().map(e -> ascii(view.fragment("_change_line", line(e)))).toList());
        List<ReleaseChanges.Entry> entries = changes.entries();
        List<ReleaseChanges.Entry> shown = new ArrayList<>();
        List<String> shownLines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!query.filtered() || query.matches(entries.get(i).change())) {
                shown.add(entries.get(i));
                shownLines.add(lines.get(i));
            }
        }
        return new ChangesPage("Changes in ATT&CK " + query.from() + " → " + query.to(),
                query.from(), query.to(), null, entries.size(), shown.size(), form(history, query),
                categoryCounts(query, shown), table(query, shown), sections(query, shown, shownLines),
                downloads(query, shown), query.filtered(), Links.changes(query.from(), query.to(), ""));
    }

    /**
     * HTML with every character beyond ASCII as a character reference ("→" as {@code &#8594;}): a page made only of
     * ASCII is one byte per character in memory and is sent without re-encoding, and this page is mostly these lines.
     */
    static String ascii(String html) {
        StringBuilder out = null;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c < 0x80) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(html.length() + 16).append(html, 0, i);
            int codePoint = html.codePointAt(i);
            out.append("&#").append(codePoint).append(';');
            if (Character.isSupplementaryCodePoint(codePoint)) i++;
        }
        return out == null ? html : out.toString();
    }

    private static ChangeQuery query(Context ctx, ReleaseHistory history, String from, String to) {
        return ChangeQuery.of(history, from, to, ctx.queryParams("domain"), ctx.queryParams("type"), ctx.queryParams("category"));
    }

    private static ChangesPage.Line line(ReleaseChanges.Entry e) {
        var c = e.change();
        List<ChangesPage.Fact> facts = e.facts().stream().map(ChangesPages::fact).toList();
        return new ChangesPage.Line(c.id(), c.name(), e.url(), facts);
    }

    private static ChangesPage.Fact fact(ChangeWords.Fact f) {
        if (f.ref() == null) return new ChangesPage.Fact(f.text(), null, null, f.tail());
        return new ChangesPage.Fact(f.text(), Links.path(f.ref().type(), f.ref().id()), f.ref().label(), f.tail());
    }

    private static List<ChangesPage.Choice> form(ReleaseHistory history, ChangeQuery query) {
        List<String> versions = history.versions();
        List<ChangesPage.Option> from = new ArrayList<>();
        List<ChangesPage.Option> to = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            String v = versions.get(i);
            if (i < versions.size() - 1) from.add(new ChangesPage.Option(v, "ATT&CK " + v, v.equals(query.from())));
            if (i > 0) to.add(new ChangesPage.Option(v, "ATT&CK " + v, v.equals(query.to())));
        }
        Map<String, String> domains = new LinkedHashMap<>();
        domains.put("", "All domains");
        UpstreamRelease.DOMAINS.forEach(d -> domains.put(d, Domains.label(d)));
        Map<String, String> types = new LinkedHashMap<>();
        types.put("", "All types");
        TYPE_LABELS.forEach(types::put);
        Map<String, String> categories = new LinkedHashMap<>();
        categories.put("", "All changes");
        categories.put(String.join(",", Arrays.stream(ChangeCategory.values()).filter(ChangeCategory::material)
                .map(ChangeCategory::key).toList()), "Changes that may affect mappings");
        Arrays.stream(ChangeCategory.values()).forEach(c -> categories.put(c.key(), c.label()));
        return List.of(new ChangesPage.Choice("from", "From", from), new ChangesPage.Choice("to", "To", to),
                choice("domain", "Domain", domains, query.domains(), Domains::label),
                choice("type", "Type", types, query.types(), TYPE_LABELS::get),
                choice("category", "Change", categories, query.categories().stream().map(ChangeCategory::key).toList(),
                        k -> ChangeCategory.fromKey(k).orElseThrow().label()));
    }

    /** A select whose options are {@code options}; a combination chosen elsewhere (the API's comma lists) is added. */
    private static ChangesPage.Choice choice(String name, String label, Map<String, String> options, List<String> chosen,
            java.util.function.Function<String, String> labelOf) {
        String value = String.join(",", chosen);
        List<ChangesPage.Option> out = new ArrayList<>();
        if (!options.containsKey(value)) {
            out.add(new ChangesPage.Option(value, String.join(", ", chosen.stream().map(labelOf).toList()), true));
        }
        options.forEach((v, l) -> out.add(new ChangesPage.Option(v, l, v.equals(value))));
        return new ChangesPage.Choice(name, label, out);
    }

    private static List<ChangesPage.CategoryCount> categoryCounts(ChangeQuery query, List<ReleaseChanges.Entry> shown) {
        List<ChangesPage.CategoryCount> out = new ArrayList<>();
        ReleaseChanges.counts(shown).forEach((category, n) -> {
            if (n > 0) {
                out.add(new ChangesPage.CategoryCount(category, n, Links.changes(query.from(), query.to(),
                        query.with(null, null, List.of(category)).filterParameters())));
            }
        });
        return out;
    }

    private static ChangesPage.Table table(ChangeQuery query, List<ReleaseChanges.Entry> shown) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Set<String> types = new LinkedHashSet<>();
        for (ReleaseChanges.Entry e : shown) {
            types.add(e.change().type());
            for (String d : e.domains()) counts.computeIfAbsent(d, k -> new LinkedHashMap<>()).merge(e.change().type(), 1, Integer::sum);
        }
        List<String> columns = ChangeQuery.TYPES.stream().filter(types::contains).toList();
        List<ChangesPage.Row> rows = new ArrayList<>();
        for (String domain : domainsInOrder(counts.keySet())) {
            Map<String, Integer> perType = counts.get(domain);
            List<ChangesPage.Cell> cells = columns.stream().map(t -> new ChangesPage.Cell(perType.getOrDefault(t, 0),
                    Links.changes(query.from(), query.to(), query.with(List.of(domain), List.of(t), null).filterParameters()))).toList();
            rows.add(new ChangesPage.Row(domain, Domains.label(domain), cells,
                    perType.values().stream().mapToInt(Integer::intValue).sum(),
                    Links.changes(query.from(), query.to(), query.with(List.of(domain), null, null).filterParameters())));
        }
        return new ChangesPage.Table(columns.stream().map(TYPE_LABELS::get).toList(), rows);
    }

    /** ATT&CK's domains in their order, then any other, as met. */
    private static List<String> domainsInOrder(Set<String> present) {
        List<String> out = new ArrayList<>(UpstreamRelease.DOMAINS.stream().filter(present::contains).toList());
        present.stream().filter(d -> !out.contains(d)).forEach(out::add);
        return out;
    }

    private static List<ChangesPage.Section> sections(ChangeQuery query, List<ReleaseChanges.Entry> shown,
            List<String> lines) {
        // domain → type → category → lines; the entries come sorted by type, then category, then ID.
        Map<String, Map<String, Map<ChangeCategory, List<String>>>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            ReleaseChanges.Entry e = shown.get(i);
            List<String> domains = e.domains().isEmpty() ? List.of("") : e.domains();
            for (String d : domains) {
                if (!query.domains().isEmpty() && !query.domains().contains(d)) continue;
                grouped.computeIfAbsent(d, k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.change().type(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.change().primary(), k -> new ArrayList<>()).add(lines.get(i));
            }
        }
        List<ChangesPage.Section> sections = new ArrayList<>();
        for (String domain : domainsInOrder(grouped.keySet())) {
            List<ChangesPage.TypeGroup> types = new ArrayList<>();
            int domainCount = 0;
            String anchor = domain.isEmpty() ? "other" : domain;
            for (var byType : grouped.get(domain).entrySet()) {
                List<ChangesPage.CategoryGroup> groups = new ArrayList<>();
                int typeCount = 0;
                for (var byCategory : byType.getValue().entrySet()) {
                    ChangeCategory category = byCategory.getKey();
                    int n = byCategory.getValue().size();
                    typeCount += n;
                    groups.add(new ChangesPage.CategoryGroup(category, n, folded(query, category, n), byCategory.getValue()));
                }
                domainCount += typeCount;
                types.add(new ChangesPage.TypeGroup(anchor + "-" + byType.getKey(),
                        TYPE_LABELS.getOrDefault(byType.getKey(), byType.getKey()), typeCount, groups));
            }
            sections.add(new ChangesPage.Section(anchor, domain.isEmpty() ? "No domain" : Domains.label(domain), domainCount, types));
        }
        return sections;
    }

    /** Long groups and those of minor changes start folded, unless the reader asked for categories by name. */
    private static boolean folded(ChangeQuery query, ChangeCategory category, int count) {
        if (!query.categories().isEmpty()) return false;
        boolean minor = !category.material() && category != ChangeCategory.ADDED;
        return count > OPEN_AT_MOST || minor && count > MINOR_OPEN_AT_MOST;
    }

    private static List<ChangesPage.Link> downloads(ChangeQuery query, List<ReleaseChanges.Entry> shown) {
        String filters = query.filterParameters();
        List<ChangesPage.Link> links = new ArrayList<>();
        links.add(new ChangesPage.Link("CSV", Links.changesApi(query.from(), query.to(), filters, "csv"), "one row per change"));
        links.add(new ChangesPage.Link("JSON", Links.changesApi(query.from(), query.to(), filters, "json"), null));
        Map<String, Integer> techniques = new LinkedHashMap<>();
        for (ReleaseChanges.Entry e : shown) {
            if (!EntityType.TECHNIQUE.key().equals(e.change().type())) continue;
            for (String d : e.domains()) if (query.domains().isEmpty() || query.domains().contains(d)) techniques.merge(d, 1, Integer::sum);
        }
        for (String domain : UpstreamRelease.DOMAINS) {
            Integer n = techniques.get(domain);
            if (n == null) continue;
            links.add(new ChangesPage.Link("Navigator layer (" + Domains.label(domain) + ")",
                    Links.changesLayer(query.from(), query.to(), query.with(List.of(domain), null, null).filterParameters()),
                    n + (n == 1 ? " technique" : " techniques")));
        }
        return links;
    }
}
