package attackkb.mapping;

import attackkb.BadInputException;
import attackkb.Json;
import attackkb.model.MappingSource;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the control-framework sources say, gathered before linking: mapping rows (Mappings Explorer format),
 * control descriptions ({@code [{id, description}]}) and OSCAL catalog controls. These files are a few megabytes,
 * so each is read as a JSON tree.
 */
public final class ControlSources {
    /**
     * One row of a mapping file. {@code controlId} is the entry's ID: an SP 800-53 control's in its one normal
     * spelling ({@link ControlId}), any other framework's as written. The score is given by the cloud and vendor
     * capability mappings ({@code protect}/{@code detect}/{@code respond}, {@code minimal}/{@code partial}/{@code significant}).
     */
    public record Row(String controlId, String controlTitle, String family, String familyName,
            String mappingType, String scoreCategory, String scoreValue, String techniqueId, String techniqueName,
            String comments, List<String> references, String status) {

        /** The same row under another spelling of its entry's ID. */
        public Row withControlId(String id) {
            return new Row(id, controlTitle, family, familyName, mappingType, scoreCategory, scoreValue, techniqueId,
                    techniqueName, comments, references, status);
        }
    }

    /** A mapping file: where it came from, its framework, the groups its entries fall in (id → name) and its rows. */
    public record MappingFile(String origin, MappingSource source, String domain, Map<String, String> groups, List<Row> rows) {}

    /** A control's text from an OSCAL catalog. */
    public record CatalogControl(String id, String title, String familyId, String familyName, String statement, String guidance) {}

    private static final Pattern INSERT_PARAM = Pattern.compile("\\{\\{\\s*insert:\\s*param,\\s*([\\w.-]+)\\s*}}");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private final List<MappingFile> mappings = new ArrayList<>();
    private final Map<String, String> descriptions = new HashMap<>();
    private final Map<String, CatalogControl> catalog = new LinkedHashMap<>();

    public List<MappingFile> mappings() {
        return mappings;
    }

    public Map<String, String> descriptions() {
        return descriptions;
    }

    public Map<String, CatalogControl> catalog() {
        return catalog;
    }

    public boolean isEmpty() {
        return mappings.isEmpty();
    }

    public int readMapping(InputStream in, String origin) throws IOException {
        JsonNode root = tree(in);
        JsonNode meta = root.path("metadata");
        String framework = text(meta, "mapping_framework");
        Map<String, String> groups = new LinkedHashMap<>();
        meta.path("capability_groups").properties().forEach(g -> groups.put(g.getKey(), g.getValue().asText()));
        var source = new MappingSource(framework, text(meta, "mapping_framework_version"), text(meta, "attack_version"),
                "via ctid-attack-to-" + (FrameworkNames.NIST_800_53.equals(framework) ? "sp800-53" : framework));
        List<Row> rows = new ArrayList<>();
        for (JsonNode o : root.path("mapping_objects")) {
            String family = text(o, "capability_group");
            rows.add(new Row(entryId(framework, text(o, "capability_id")), text(o, "capability_description"),
                    family, family == null ? null : groups.get(family), text(o, "mapping_type"), text(o, "score_category"),
                    text(o, "score_value"), text(o, "attack_object_id"), text(o, "attack_object_name"), text(o, "comments"),
                    references(o), text(o, "status")));
        }
        if (rows.isEmpty()) throw new BadInputException(origin + ": mapping file has no mapping_objects");
        if (framework == null) throw new BadInputException(origin + ": mapping file names no metadata.mapping_framework");
        mappings.add(new MappingFile(origin, source, text(meta, "technology_domain"), groups, List.copyOf(rows)));
        return rows.size();
    }

    /** An SP 800-53 control in its normal spelling (null if it is none); any other framework's entry as written. */
    private static String entryId(String framework, String raw) {
        if (FrameworkNames.NIST_800_53.equals(framework)) return ControlId.normalize(raw).orElse(null);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    public int readDescriptions(InputStream in) throws IOException {
        int n = 0;
        for (JsonNode o : tree(in)) {
            var id = ControlId.normalize(text(o, "id"));
            String html = text(o, "description");
            if (id.isPresent() && html != null) {
                descriptions.put(id.get(), htmlToText(html));
                n++;
            }
        }
        return n;
    }

    public int readCatalog(InputStream in) throws IOException {
        int n = 0;
        for (JsonNode group : tree(in).path("catalog").path("groups")) {
            String familyId = text(group, "id") == null ? null : text(group, "id").toUpperCase(java.util.Locale.ROOT);
            String familyName = text(group, "title");
            for (JsonNode control : group.path("controls")) n += readControl(control, familyId, familyName);
        }
        return n;
    }

    private int readControl(JsonNode control, String familyId, String familyName) {
        var id = ControlId.normalize(text(control, "id"));
        if (id.isEmpty()) return 0;
        // NIST's full catalog keeps withdrawn controls as bare titles ("[Withdrawn: Incorporated into AC-6]").
        if (withdrawn(control)) return 0;
        Map<String, String> params = params(control);
        String statement = null;
        String guidance = null;
        for (JsonNode part : control.path("parts")) {
            if ("statement".equals(text(part, "name"))) statement = prose(part, params, "").strip();
            if ("guidance".equals(text(part, "name"))) guidance = fill(text(part, "prose"), params);
        }
        catalog.put(id.get(), new CatalogControl(id.get(), text(control, "title"), familyId, familyName, statement, guidance));
        int n = 1;
        for (JsonNode enhancement : control.path("controls")) n += readControl(enhancement, familyId, familyName);
        return n;
    }

    /** A row's web references (documentation, vulnerability write-ups); anything but an http(s) URL is left out. */
    private static List<String> references(JsonNode row) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : row.path("references")) {
            String url = r.isTextual() ? r.asText().strip() : "";
            if ((url.startsWith("https://") || url.startsWith("http://")) && !url.contains(" ") && !out.contains(url)) out.add(url);
        }
        return List.copyOf(out);
    }

    private static boolean withdrawn(JsonNode control) {
        for (JsonNode prop : control.path("props")) {
            if ("status".equals(text(prop, "name")) && "withdrawn".equals(text(prop, "value"))) return true;
        }
        return false;
    }

    /** A statement part and its lettered sub-parts as indented lines: "a. Develop …", "  1. …". */
    private static String prose(JsonNode part, Map<String, String> params, String indent) {
        StringBuilder out = new StringBuilder();
        String label = null;
        for (JsonNode prop : part.path("props")) {
            if ("label".equals(text(prop, "name"))) label = text(prop, "value");
        }
        String prose = text(part, "prose");
        if (prose != null) {
            out.append(indent).append(label == null ? "" : label + " ").append(fill(prose, params)).append('\n');
        }
        for (JsonNode child : part.path("parts")) {
            out.append(prose(child, params, prose == null ? indent : indent + "  "));
        }
        return out.toString();
    }

    /**
     * OSCAL parameters as the text that stands for them: "[Assignment: organization-defined frequency]". A selection's
     * choices may insert another parameter ("…; [Assignment: type of agreement]"), filled in as well.
     */
    private static Map<String, String> params(JsonNode control) {
        Map<String, String> raw = rawParams(control);
        Map<String, String> params = new HashMap<>();
        raw.forEach((id, text) -> params.put(id, fill(text, raw)));
        return params;
    }

    private static Map<String, String> rawParams(JsonNode control) {
        Map<String, String> params = new HashMap<>();
        for (JsonNode p : control.path("params")) {
            String id = text(p, "id");
            if (id == null) continue;
            if (p.has("select")) {
                List<String> choices = new ArrayList<>();
                p.path("select").path("choice").forEach(c -> choices.add(c.asText().strip()));
                params.put(id, "[Selection: " + String.join("; ", choices) + "]");
            } else if (text(p, "label") != null) {
                params.put(id, "[Assignment: " + text(p, "label") + "]");
            }
        }
        return params;
    }

    private static String fill(String prose, Map<String, String> params) {
        if (prose == null) return null;
        Matcher m = INSERT_PARAM.matcher(prose);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(m.group(1), "[Assignment]")));
        m.appendTail(out);
        return out.toString();
    }

    static String htmlToText(String html) {
        String text = html.replace("</p>", "\n\n").replace("<br>", "\n");
        text = TAGS.matcher(text).replaceAll("");
        text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
        return text.strip();
    }

    /** Parses without closing {@code in}: its owner still hashes what the parser left unread. */
    private static JsonNode tree(InputStream in) throws IOException {
        return Json.MAPPER.readTree(new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the caller closes
            }
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
