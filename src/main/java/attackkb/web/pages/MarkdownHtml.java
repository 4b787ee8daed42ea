package attackkb.web.pages;

import attackkb.mapping.ControlId;
import attackkb.mapping.FrameworkNames;
import attackkb.model.Reference;
import attackkb.urls.Links;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders ATT&CK's Markdown safely: raw HTML in the text is escaped (never passed through), link URLs are
 * sanitised, {@code (Citation: Name)} markers become numbered links to the page's reference list, {@code <code>}
 * tags (the one HTML element ATT&CK texts use) become code spans, and links to attack.mitre.org pages that this
 * site also has point here instead.
 */
public final class MarkdownHtml {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private static final Pattern CITATION = Pattern.compile("\\s?\\(Citation:\\s*((?:[^()]|\\([^()]*\\))*?)\\s*\\)");
    private static final Pattern CODE_TAG = Pattern.compile("<code>(.*?)</code>", Pattern.DOTALL);
    private static final Pattern ATTACK_LINK = Pattern.compile(
            "https?://attack\\.mitre\\.org/(techniques|tactics|mitigations|groups|software|campaigns)/([A-Z]+\\d{4})(?:/(\\d{3}))?/?");

    /** An OSCAL cross-reference to another control: {@code [CA-3](#ca-3)}, {@code [AC-2g](#ac-2_smt.g)}. */
    private static final Pattern CONTROL_ANCHOR = Pattern.compile("\\]\\(#([a-z]{2}-\\d+(?:\\.\\d+)?)(?:_[^)]*)?\\)");
    private static final Pattern OTHER_ANCHOR = Pattern.compile("\\[([^\\]]+)]\\(#[^)]*\\)");

    private MarkdownHtml() {}

    /** SP 800-53 prose (guidance) as HTML: its cross-references link to the controls' pages, other anchors are dropped. */
    public static String controlProse(String prose) {
        if (prose == null || prose.isBlank()) return "";
        Matcher m = CONTROL_ANCHOR.matcher(prose);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String target = ControlId.normalize(m.group(1))
                    .map(id -> "](" + Links.entry(FrameworkNames.NIST_800_53, id) + ")").orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(target));
        }
        m.appendTail(out);
        String text = OTHER_ANCHOR.matcher(out.toString()).replaceAll("$1");
        return RENDERER.render(PARSER.parse(text));
    }

    /** HTML for {@code markdown}, numbering its citations in {@code citations} against its own {@code references}. */
    public static String render(String markdown, List<Reference> references, Citations citations) {
        if (markdown == null || markdown.isBlank()) return "";
        String text = citations(markdown, references == null ? List.of() : references, citations);
        text = codeTags(text);
        text = localLinks(text);
        return RENDERER.render(PARSER.parse(text));
    }

    private static String citations(String markdown, List<Reference> references, Citations citations) {
        Matcher m = CITATION.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = citations.number(m.group(1).strip(), references);
            m.appendReplacement(out, Matcher.quoteReplacement("[\\[" + n + "\\]](#ref-" + n + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codeTags(String text) {
        Matcher m = CODE_TAG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String code = m.group(1);
            String fence = code.contains("`") ? "``" : "`";
            m.appendReplacement(out, Matcher.quoteReplacement(fence + " " + code + " " + fence));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String localLinks(String text) {
        Matcher m = ATTACK_LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = m.group(2) + (m.group(3) == null ? "" : "." + m.group(3));
            m.appendReplacement(out, Matcher.quoteReplacement("/" + m.group(1) + "/" + id));
        }
        m.appendTail(out);
        return out.toString();
    }
}
