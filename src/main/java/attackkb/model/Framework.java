package attackkb.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A framework mapped to ATT&CK (NIST SP 800-53, a cloud provider's security capabilities, CSA CCM, CISA KEV, …) and
 * what the index holds of it.
 *
 * @param key the mapping files' own name for it ({@code nist_800_53}, {@code aws}, {@code kev})
 * @param version the framework's release or, for capability mappings, the date of the mapping
 * @param attackVersion the ATT&CK release the mappings were made for
 * @param domains the ATT&CK domains mapped ({@code enterprise}, {@code mobile}, {@code ics})
 * @param groups the groups its entries fall in (families, services, domains, weakness classes), in the files' order
 * @param entries entries the index holds; {@code techniques} of them mapped, by {@code mappings} links
 * @param freshness how many of its mappings are in each {@link Freshness} status, every status in
 *        {@link Freshness#STATUSES} order (empty when none was judged)
 */
public record Framework(
        String key,
        String name,
        String version,
        String attackVersion,
        List<String> domains,
        String licence,
        String url,
        List<Group> groups,
        int entries,
        int techniques,
        int mappings,
        java.util.Map<String, Integer> freshness) {

    /** How many of its mappings are stale: revoked, deprecated or materially changed since they were made. */
    @JsonProperty("stale")
    public int stale() {
        return freshness == null ? 0 : freshness.getOrDefault(Freshness.CHANGED, 0)
                + freshness.getOrDefault(Freshness.REVOKED, 0) + freshness.getOrDefault(Freshness.DEPRECATED, 0);
    }

    /** A group of entries: an SP 800-53 family, an AWS service, a CCM domain, a KEV weakness class. */
    public record Group(String id, String name) {}
}
