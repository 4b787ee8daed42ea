package attackkb.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import attackkb.FixtureIndex;
import attackkb.Fixtures;
import attackkb.web.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The layer upgrade page in a real headless Chromium over the release pair fixture ("18.1" → "19.0"): a file chosen
 * and sent, text pasted and sent by keyboard, the report's links followed, and no serious or critical accessibility
 * problem (axe-core) on the form, the result or the refusal, light or dark.
 */
class UpgradeBrowserIT {
    @TempDir
    static Path tmp;

    static RunningServer server;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start() {
        assumeTrue(SearchFlowBrowserIT.CHROMEDRIVER.canExecute() && SearchFlowBrowserIT.CHROMIUM.canExecute(),
                "skipped: needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        server = RunningServer.start(FixtureIndex.RELEASES.served());
        base = server.base();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(SearchFlowBrowserIT.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1400", "--user-data-dir=" + tmp.resolve("chrome-profile"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(SearchFlowBrowserIT.CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    static void waitFor(String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(50))
                .until(b -> !b.findElements(By.tagName("h1")).isEmpty() && b.findElement(By.tagName("h1")).getText().equals(heading)
                        && "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState")));
    }

    static List<String> reportRows() {
        return browser.findElements(By.cssSelector("table.upgrade-report tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void aChosenLayerFileIsUpgradedAndItsReportLinksToTheTechniques() throws IOException {
        Path file = Files.copy(Fixtures.layers().resolve("enterprise-18.json"), tmp.resolve("enterprise-18.json"));
        browser.get(base + "/upgrade");
        browser.findElement(By.id("upgrade-file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector(".upgrade-form button[type=submit]")).click();
        waitFor("Upgraded layer");

        assertThat(reportRows()).containsExactly("Replaced by its successor", "Replaced by its successor", "Merged",
                "Moved to its new tactic", "Tactic renamed", "Tactic renamed", "Tactic renamed", "Unknown ID", "Renamed",
                "Unknown platform");
        assertThat(browser.findElement(By.cssSelector(".upgrade-counts")).getText()).contains("2 replaced by its successor");
        browser.findElement(By.cssSelector("table.upgrade-report a[href='/techniques/T1004']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().endsWith("/techniques/T1004"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Process Injection");
    }

    @Test
    void pastedIdsAreSentByKeyboardAlone() {
        browser.get(base + "/upgrade");
        WebElement text = browser.findElement(By.id("upgrade-text"));
        text.click();
        text.sendKeys("T1003" + Keys.ENTER + "T1002");
        // Tab from the text to the release, then to the button, which Enter presses.
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).sendKeys("18.1").sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Upgrade to ATT&CK 19.0");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor("Upgraded layer");

        assertThat(reportRows()).containsExactly("Replaced by its successor", "Renamed");
        assertThat(browser.findElement(By.cssSelector("p.lede")).getText()).startsWith("A list of 2 technique IDs for ATT&CK 18.1 (as you said)");
    }

    /** The form, a result and a refusal: axe's default rules in the light theme, its colour rules again in the dark. */
    @Test
    void theUpgradePagesPassAnAccessibilityScan() throws IOException {
        Path file = Files.copy(Fixtures.layers().resolve("enterprise-18.json"), tmp.resolve("scan-18.json"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        List<String> problems = new ArrayList<>();
        AxeScan.InEveryPage axe = AxeScan.intoEveryPage(browser);
        try {
            for (String theme : List.of("light", "dark")) {
                browser.get(base + "/upgrade");
                js.executeScript("localStorage.setItem('attack-kb-theme', arguments[0]);", theme);
                browser.get(base + "/upgrade");
                List<String> rules = theme.equals("light") ? null : AxeScan.COLOUR_RULES;
                AxeScan.problems(browser, rules).forEach(p -> problems.add(theme + " form: " + p));

                browser.findElement(By.id("upgrade-file")).sendKeys(file.toString());
                browser.findElement(By.cssSelector(".upgrade-form button[type=submit]")).click();
                waitFor("Upgraded layer");
                AxeScan.problems(browser, rules).forEach(p -> problems.add(theme + " result: " + p));

                browser.findElement(By.id("upgrade-text")).sendKeys("{\"name\": \"not a layer\"}");
                browser.findElement(By.cssSelector(".upgrade-form button[type=submit]")).click();
                waitFor("Upgrade a layer");
                assertThat(browser.findElement(By.id("upgrade-error")).getText()).startsWith("Not upgraded:");
                AxeScan.problems(browser, rules).forEach(p -> problems.add(theme + " refusal: " + p));
            }
            assertThat(problems).isEmpty();
            assertThat(js.executeScript("return getComputedStyle(document.body).backgroundColor;"))
                    .as("the dark theme applied").isEqualTo("rgb(18, 20, 24)");
        } finally {
            axe.close();
            js.executeScript("localStorage.removeItem('attack-kb-theme');");
        }
    }
}
