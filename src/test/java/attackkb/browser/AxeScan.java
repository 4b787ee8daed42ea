package attackkb.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Deque's axe-core (the script its selenium jar ships), run in the page the browser shows, answering only the
 * serious and critical violations, one line each. Asked for violations alone, axe sends back a few lines, where
 * Deque's {@code AxeBuilder} returns every node that passed each rule and finishes the run in a window it opens.
 */
final class AxeScan {
    /** The rules that read colours: the only ones whose answer can change with the theme. */
    static final List<String> COLOUR_RULES = List.of("color-contrast", "link-in-text-block");

    private static final String AXE = axeSource();

    private static final String RUN = """
            const [rules, done] = arguments;
            const options = {resultTypes: ['violations']};
            if (rules) options.runOnly = {type: 'rule', values: rules};
            axe.run(document, options).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + ' elements, e.g. '
                            + JSON.stringify(v.nodes[0].target) + ')')),
                e => done(['axe failed: ' + e]));
            """;

    private AxeScan() {}

    /**
     * Puts axe into every page the browser loads until {@code close()}: Chromium evaluates it as each page starts,
     * rather than receiving its half a megabyte through WebDriver and compiling it anew after each load.
     */
    static InEveryPage intoEveryPage(WebDriver browser) {
        HasCdp cdp = (HasCdp) browser;
        Object id = cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE))
                .get("identifier");
        return () -> cdp.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
    }

    /** Axe put into every page, until closed. */
    interface InEveryPage extends AutoCloseable {
        @Override
        void close();
    }

    /** Every rule axe runs by default ({@code rules} null), or only these, over the whole page. */
    @SuppressWarnings("unchecked")
    static List<String> problems(WebDriver browser, List<String> rules) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return (List<String>) ((JavascriptExecutor) browser).executeAsyncScript(RUN, rules);
    }

    private static String axeSource() {
        try (InputStream in = AxeScan.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) throw new IllegalStateException("no axe.min.js on the class path (Deque's selenium jar)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
