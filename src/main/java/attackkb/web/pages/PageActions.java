package attackkb.web.pages;

import attackkb.web.http.ReportLink;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The buttons an entity page ends its header with: the object on attack.mitre.org, pinned to the ATT&CK release
 * the index holds (a later release may have changed it), and "Report an issue".
 *
 * @param mitreUrl the version-pinned page on attack.mitre.org, or null for objects it has no page for
 * @param release the ATT&CK release named on the button ("v18"), or null
 * @param reportUrl where "Report an issue" leads
 * @param graphUrl the object's neighbourhood as a graph
 * @param id the ID "Copy ID" copies
 * @param reportLabel the report button's words ("Report to MITRE ATT&CK")
 */
public record PageActions(String mitreUrl, String release, String reportUrl, String graphUrl, String id, String reportLabel) {

    /**
     * {@code https://attack.mitre.org/techniques/T1204/003} at ATT&CK {@code 18.1} is
     * {@code https://attack.mitre.org/versions/v18/techniques/T1204/003/}: MITRE keeps every major release's site.
     */
    static String pinned(String attackUrl, String attackVersion) {
        String site = "https://attack.mitre.org/";
        if (attackUrl == null || !attackUrl.startsWith(site) || attackVersion == null || attackVersion.isBlank()) return attackUrl;
        String path = attackUrl.substring(site.length());
        if (path.startsWith("versions/")) return attackUrl;
        return site + "versions/" + release(attackVersion) + "/" + (path.endsWith("/") ? path : path + "/");
    }

    /** The page's own address, whichever alias was asked for ({@code /controls/ac-04} is {@code /frameworks/nist_800_53/AC-4}). */
    static String canonical(Context ctx, String path) {
        return ctx.scheme() + "://" + ctx.host() + path;
    }

    /** "18.1" → "v18". */
    static String release(String attackVersion) {
        return "v" + attackVersion.replaceAll("\\..*", "");
    }

    /** The placeholders of {@link ReportLink} for one object. */
    public static Map<String, String> reportValues(String type, String id, String name, String stixId, String version, String url) {
        Map<String, String> values = new HashMap<>();
        values.put("type", type);
        values.put("id", id);
        values.put("name", name);
        values.put("stix", stixId);
        values.put("version", version);
        values.put("url", url);
        return values;
    }
}
