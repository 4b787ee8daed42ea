package attackkb.web.http;

import attackkb.BadInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where "Report an issue" on an entity page leads: a URL template ({@code serve --report-url}, env
 * {@code ATTACK_KB_REPORT_URL}) whose placeholders {@code {id}}, {@code {name}}, {@code {type}}, {@code {url}},
 * {@code {version}} and {@code {stix}} are filled with the page's object, each URL-encoded. The default is an e-mail
 * to MITRE ATT&CK's public contact address, prefilled with what a content correction needs.
 */
public final class ReportLink {
    public static final String ENV = "ATTACK_KB_REPORT_URL";
    public static final String DEFAULT = "mailto:attack@mitre.org?subject=Content%20correction%3A%20{id}%20{name}"
            + "&body=Object%3A%20{type}%20{id}%20{name}%0ASTIX%20ID%3A%20{stix}%0AATT%26CK%20version%3A%20{version}"
            + "%0ASeen%20at%3A%20{url}%0A%0AWhat%20is%20wrong%2C%20and%20what%20it%20should%20say%3A%0A";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final java.util.Set<String> NAMES = java.util.Set.of("id", "name", "type", "url", "version", "stix");

    private final String template;

    private ReportLink(String template) {
        this.template = template;
    }

    public static final ReportLink MITRE = new ReportLink(DEFAULT);

    /**
     * Where a framework entry's mapping is reported when no template is configured: the Center for Threat-Informed
     * Defense's Mappings Explorer, which makes the mappings (MITRE ATT&CK does not).
     */
    public static final ReportLink CTID = new ReportLink("https://github.com/center-for-threat-informed-defense/"
            + "mappings-explorer/issues/new?title=Mapping%20issue%3A%20{id}%20{name}"
            + "&body=Entry%3A%20{type}%20{id}%20{name}%0AMapping%3A%20{version}%0ASeen%20at%3A%20{url}%0A%0A"
            + "What%20is%20wrong%2C%20and%20what%20it%20should%20say%3A%0A");

    /** Whether this is a built-in target rather than a team's own template. */
    public boolean builtIn() {
        return this == MITRE || this == CTID;
    }

    /** The button's words: who gets the report. */
    public String label() {
        return this == MITRE ? "Report to MITRE ATT&CK" : this == CTID ? "Report a mapping issue" : "Report an issue";
    }

    /** A template as given on the command line: http(s) or mailto, and only known placeholders. */
    public static ReportLink of(String template) {
        if (template == null || template.isBlank()) return MITRE;
        String t = template.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:"))) {
            throw new BadInputException("--report-url must start with https://, http:// or mailto:, got \"" + t + "\"");
        }
        Matcher m = PLACEHOLDER.matcher(t);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                throw new BadInputException("--report-url: unknown placeholder {" + m.group(1) + "}; use {id}, {name}, "
                        + "{type}, {url}, {version} or {stix}");
            }
        }
        return new ReportLink(t);
    }

    /** The link for one object; a value that is null leaves its placeholder empty. */
    public String url(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : encode(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Percent-encoding that both URLs and mail clients read: spaces as %20, not "+". */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String template() {
        return template;
    }
}
