package attackkb.web.http;

import attackkb.BadInputException;
import attackkb.model.EntityType;
import attackkb.releases.Change;
import attackkb.releases.ChangeCategory;
import attackkb.releases.ReleaseHistory;
import attackkb.releases.ReleaseOrder;
import attackkb.source.UpstreamRelease;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Which changes a request asks for: two held releases, {@code from} older than {@code to}, and the domains, types
 * and categories to keep (empty: all). Each filter is a parameter given once per value or as a comma list; a domain
 * may be named short ("enterprise"). Anything not held or not known is a {@link BadInputException} naming what is.
 */
public record ChangeQuery(String from, String to, List<String> domains, List<String> types,
        List<ChangeCategory> categories) {

    /** The types a change can be of, in the order the changes are read. */
    public static final List<String> TYPES = List.of(EntityType.TECHNIQUE.key(), EntityType.TACTIC.key(),
            EntityType.MITIGATION.key(), EntityType.DETECTION.key(), EntityType.GROUP.key(), EntityType.SOFTWARE.key(),
            EntityType.CAMPAIGN.key());

    /**
     * The query of the given parameters: a blank {@code to} is the current release, a blank {@code from} the release
     * held before {@code to}.
     */
    public static ChangeQuery of(ReleaseHistory history, String from, String to, List<String> domains,
            List<String> types, List<String> categories) {
        List<String> held = history.versions();
        String newer = blank(to) ? history.current().version() : held(history, to.strip());
        String older;
        if (blank(from)) {
            int at = held.indexOf(newer);
            if (at == 0) {
                throw new BadInputException("no release older than ATT&CK " + newer + " is held to compare it with; "
                        + "releases held: " + String.join(", ", held));
            }
            older = held.get(at - 1);
        } else {
            older = held(history, from.strip());
        }
        if (ReleaseOrder.OLDEST_FIRST.compare(older, newer) >= 0) {
            throw new BadInputException("from must be an older release than to: ATT&CK " + older + " is not older than "
                    + newer + "; releases held: " + String.join(", ", held));
        }
        return new ChangeQuery(older, newer, domains(domains), types(types), categories(categories));
    }

    private static String held(ReleaseHistory history, String version) {
        if (history.release(version).isPresent()) return version;
        throw new BadInputException("ATT&CK " + abbreviate(version) + " is not held; releases held: "
                + String.join(", ", history.versions()));
    }

    /** Whether {@code change} passes every filter: one of the domains, one of the types, one of the categories. */
    public boolean matches(Change change) {
        if (!types.isEmpty() && !types.contains(change.type())) return false;
        if (!domains.isEmpty() && change.domains().stream().noneMatch(domains::contains)) return false;
        return categories.isEmpty() || change.categories().stream().anyMatch(categories::contains);
    }

    public boolean filtered() {
        return !domains.isEmpty() || !types.isEmpty() || !categories.isEmpty();
    }

    /**
     * The filters as URL parameters ({@code domain=enterprise-attack&category=revoked,renamed}), or "". Every value
     * is one of a fixed set of keys, none of which needs escaping.
     */
    public String filterParameters() {
        StringJoiner out = new StringJoiner("&");
        if (!domains.isEmpty()) out.add("domain=" + String.join(",", domains));
        if (!types.isEmpty()) out.add("type=" + String.join(",", types));
        if (!categories.isEmpty()) out.add("category=" + String.join(",", categories.stream().map(ChangeCategory::key).toList()));
        return out.toString();
    }

    /** The same query with other filters, for links that narrow it: {@code null} keeps a filter as it is. */
    public ChangeQuery with(List<String> domains, List<String> types, List<ChangeCategory> categories) {
        return new ChangeQuery(from, to, domains == null ? this.domains : domains, types == null ? this.types : types,
                categories == null ? this.categories : categories);
    }

    /** A file name for a download of these changes: {@code attack-changes-16.1-18.1-enterprise}. */
    public String fileName() {
        String name = "attack-changes-" + from + "-" + to;
        if (domains.size() == 1) name += "-" + domains.get(0).replace("-attack", "");
        if (types.size() == 1) name += "-" + types.get(0);
        return name;
    }

    static List<String> domains(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : split(values)) {
            String d = v.toLowerCase(Locale.ROOT);
            String domain = UpstreamRelease.DOMAINS.contains(d) ? d : d + "-attack";
            if (!UpstreamRelease.DOMAINS.contains(domain)) {
                throw new BadInputException("domain must be one of " + String.join(", ", UpstreamRelease.DOMAINS)
                        + " (or enterprise, mobile, ics), got \"" + abbreviate(v) + "\"");
            }
            out.add(domain);
        }
        // ATT&CK's order, whatever the order asked in
        return UpstreamRelease.DOMAINS.stream().filter(out::contains).toList();
    }

    static List<String> types(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : split(values)) {
            String t = v.toLowerCase(Locale.ROOT);
            if (!TYPES.contains(t)) {
                throw new BadInputException("type must be one of " + String.join(", ", TYPES) + ", got \"" + abbreviate(v) + "\"");
            }
            out.add(t);
        }
        return TYPES.stream().filter(out::contains).toList();
    }

    static List<ChangeCategory> categories(List<String> values) {
        Set<ChangeCategory> out = new LinkedHashSet<>();
        for (String v : split(values)) {
            out.add(ChangeCategory.fromKey(v).orElseThrow(() -> new BadInputException("category must be one of "
                    + String.join(", ", Arrays.stream(ChangeCategory.values()).map(ChangeCategory::key).toList())
                    + ", got \"" + abbreviate(v) + "\"")));
        }
        return Arrays.stream(ChangeCategory.values()).filter(out::contains).toList();
    }

    /** Every value of a parameter given several times, each possibly a comma list; blanks dropped. */
    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null) return out;
        for (String value : values) {
            for (String v : value.split(",")) if (!v.isBlank()) out.add(v.strip());
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
