package attackkb.web.pages;

import attackkb.releases.ChangeCategory;
import java.util.List;

/**
 * {@code /changes/{from}...{to}}: what changed between two held releases, filtered, summed up and then listed by
 * domain, type and category. {@code message} replaces it all when the index holds fewer than two releases.
 *
 * @param total how many changes there are between the two releases, unfiltered; {@code count} how many are shown
 * @param form the choices of the filter form, each with its options and the one chosen
 * @param categories the count of each category among the changes shown (a change counts under each of its categories)
 * @param table the changes shown per domain and type
 * @param downloads the same changes as files: CSV, JSON and one Navigator layer per domain
 */
record ChangesPage(String title, String from, String to, String message, int total, int count, List<Choice> form,
        List<CategoryCount> categories, Table table, List<Section> sections, List<Link> downloads, boolean filtered,
        String clearFilters) {

    /** A select of the filter form. */
    record Choice(String name, String label, List<Option> options) {}

    record Option(String value, String label, boolean selected) {}

    record CategoryCount(ChangeCategory category, int count, String href) {}

    /** Counts per domain (rows) and type (columns); each cell links to the changes it counts. */
    record Table(List<String> types, List<Row> rows) {}

    record Row(String domain, String label, List<Cell> cells, int total, String href) {}

    record Cell(int count, String href) {}

    /** A domain's changes, type by type. */
    record Section(String anchor, String label, int count, List<TypeGroup> types) {}

    record TypeGroup(String anchor, String label, int count, List<CategoryGroup> groups) {}

    /**
     * The changes of one type whose first category is {@code category}; {@code folded} when long or minor. Each line
     * is the HTML of a {@link Line}, made once per pair of releases.
     */
    record CategoryGroup(ChangeCategory category, int count, boolean folded, List<String> lines) {}

    /** One change, rendered by {@code _change_line}: the object's link and what happened to it, sentence by sentence. */
    record Line(String id, String name, String href, List<Fact> facts) {}

    /** A sentence: {@code text}, then a link (when {@code href} is set), then {@code tail}. */
    record Fact(String text, String href, String linkText, String tail) {}

    record Link(String label, String href, String note) {}
}
