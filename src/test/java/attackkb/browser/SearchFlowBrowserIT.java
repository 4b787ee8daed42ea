package attackkb.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import attackkb.FixtureIndex;
import attackkb.RealData;
import attackkb.RealIndex;
import attackkb.web.RunningServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analyst's flow in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them):
 * type a search, see results arrive without a page reload, narrow by a facet, go back, open a technique.
 * Runs over the real index of ATT&CK and its mappings (shared with the other real-data tests) when ../shared/data is
 * present, else over the fixture index; screenshots are saved under target/screenshots.
 */
class SearchFlowBrowserIT {
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final File CHROMIUM = new File("/usr/bin/chromium");

    @TempDir
    static Path tmp;

    static RunningServer fixtureServer;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start() {
        assumeTrue(CHROMEDRIVER.canExecute() && CHROMIUM.canExecute(),
                "skipped: needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        // Chromium starts while the index is built (the first class to ask for the real one builds it).
        CompletableFuture<WebDriver> starting = CompletableFuture.supplyAsync(SearchFlowBrowserIT::chromium);
        try {
            Path data = RealData.root();
            if (Files.isDirectory(data.resolve("attack")) && Files.isDirectory(data.resolve("mappings"))) {
                base = RealIndex.all().server().base();
            } else {
                fixtureServer = RunningServer.start(FixtureIndex.FRAMEWORKS.served());
                base = fixtureServer.base();
            }
        } finally {
            browser = starting.join();
        }
    }

    static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1400", "--user-data-dir=" + tmp.resolve("chrome-profile"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (fixtureServer != null) fixtureServer.close();
    }

    /**
     * Waits, looking every 50 ms (Selenium's default is every 500), retrying through the moment htmx swaps the results
     * (an element read then may be gone).
     */
    static WebDriverWait waitUpTo(int seconds) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Read in one script call, so a swap cannot happen between finding the hits and reading them. */
    @SuppressWarnings("unchecked")
    static List<String> hitIds() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#results li.hit')).map(e => e.dataset.id);");
    }

    /** Each hit's platform tags, read in one script call. */
    @SuppressWarnings("unchecked")
    static List<List<String>> hitPlatforms() {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#results li.hit'))"
                        + ".map(h => Array.from(h.querySelectorAll('.tag.platform')).map(t => t.textContent.trim()));");
    }

    static void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void searchFacetBackAndTechniquePage() throws IOException {
        browser.get(base + "/");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("container image");
        waitUpTo(10).until(b -> hitIds().contains("T1204.003")
                && b.findElement(By.cssSelector("li.hit[data-id='T1204.003']")).getText().contains("Malicious Image"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .as("results arrived without a page reload").isEqualTo(true);
        waitUpTo(5).until(b -> b.getCurrentUrl().matches(".*q=container(\\+|%20)image.*"));
        List<String> unfiltered = hitIds();
        screenshot("search");

        waitUpTo(10).until(b -> {
            b.findElement(By.cssSelector("input.facet-box[name='platform'][value='Containers']")).click();
            return true;
        });
        waitUpTo(10).until(b -> b.getCurrentUrl().contains("platform=Containers")
                && b.findElement(By.cssSelector("input.facet-box[value='Containers']")).isSelected());
        assertThat(hitPlatforms()).isNotEmpty().allSatisfy(platforms -> assertThat(platforms).contains("Containers"));
        assertThat(browser.findElements(By.cssSelector("input.facet-box[name='platform'][value='IaaS']")))
                .as("other platforms still offered (drill sideways)").isNotEmpty();
        screenshot("search-containers");

        browser.navigate().back();
        waitUpTo(10).until(b -> !b.getCurrentUrl().contains("platform=") && hitIds().equals(unfiltered));
        assertThat(browser.findElement(By.cssSelector("input.facet-box[value='Containers']")).isSelected()).isFalse();

        waitUpTo(10).until(b -> {
            b.findElement(By.cssSelector("li.hit[data-id='T1204.003'] a.hit-title")).click();
            return true;
        });
        waitUpTo(10).until(b -> b.getCurrentUrl().endsWith("/techniques/T1204.003"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Malicious Image").contains("Adversaries may rely on a user running a malicious image");
        assertThat(browser.findElement(By.id("mitigations")).findElement(By.xpath("..")).getText()).contains("Code Signing");
        assertThat(browser.findElement(By.id("detections")).findElement(By.xpath("..")).getText()).contains("DET0248");
        screenshot("technique");
    }

    /** Choosing an older release in the selector searches it in place, says so, and its hits lead to today's objects. */
    @Test
    void choosingAnOlderReleaseSearchesItInPlace() throws IOException {
        assumeTrue(fixtureServer == null, "skipped: the fixture index holds one release");
        load("/search?q=browser+extensions");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        waitUpTo(10).until(b -> b.findElement(By.cssSelector("#results li.hit a.hit-title")).getText()
                .contains("Browser Extensions"));
        assertThat(browser.findElements(By.cssSelector(".release-banner"))).isEmpty();

        new Select(browser.findElement(By.id("release"))).selectByValue("16.1");
        waitUpTo(10).until(b -> b.getCurrentUrl().contains("release=16.1")
                && !b.findElements(By.cssSelector(".release-banner")).isEmpty());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .as("the older release's results arrived without a page reload").isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector(".release-banner")).getText()).startsWith("Searching ATT&CK 16.1");
        WebElement first = browser.findElement(By.cssSelector("#results li.hit"));
        assertThat(first.getAttribute("data-id")).isEqualTo("T1176");
        assertThat(first.findElement(By.cssSelector("a.hit-title")).getText()).isEqualTo("T1176 Browser Extensions");
        assertThat(first.findElement(By.cssSelector(".hit-now")).getText()).isEqualTo("Now T1176 Software Extensions in ATT&CK 18.1.");
        screenshot("search-release-16.1");

        first.findElement(By.cssSelector("a.hit-title")).click();
        waitUpTo(10).until(b -> b.getCurrentUrl().endsWith("/techniques/T1176"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Software Extensions");
    }

    @Test
    void slashFocusesTheSearchBoxAndAnExactIdJumpsToItsPage() {
        browser.get(base + "/tactics");
        browser.findElement(By.tagName("body")).sendKeys("/");
        WebElement active = browser.switchTo().activeElement();
        assertThat(active.getAttribute("id")).isEqualTo("header-q");
        active.sendKeys("t1204.003\n");
        waitUpTo(10).until(b -> b.getCurrentUrl().endsWith("/techniques/T1204.003"));
    }

    @Test
    void aTechniquesMappedFrameworksLeadToAnEntryAndItsFramework() throws IOException {
        browser.get(base + "/techniques/T1204.003");
        WebElement section = browser.findElement(By.cssSelector("section[aria-labelledby='controls']"));
        assertThat(section.findElement(By.id("framework-aws")).getText()).startsWith("AWS security capabilities");
        WebElement config = section.findElement(By.cssSelector("a[href='/frameworks/aws/aws_config']"));
        assertThat(config.findElement(By.xpath("ancestor::tr")).getText()).contains("detect · significant");
        config.click();
        waitUpTo(10).until(b -> b.getCurrentUrl().endsWith("/frameworks/aws/aws_config"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("aws_config").contains("AWS Config");
        assertThat(browser.findElement(By.cssSelector("a[href='/techniques/T1204.003']")).findElement(By.xpath("ancestor::tr"))
                .getText()).contains("detect · significant");
        screenshot("framework-entry");
        browser.findElement(By.cssSelector("nav.breadcrumbs a[href='/frameworks/aws']")).click();
        waitUpTo(10).until(b -> b.getCurrentUrl().endsWith("/frameworks/aws"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("AWS security capabilities");
    }

    /** The graph page draws the neighbourhood, expands a node on request and exports what it shows as JSON. */
    @Test
    void theGraphOfATechniqueExpandsAndExports() throws IOException {
        browser.get(base + "/techniques/T1204.003");
        browser.findElement(By.linkText("View in graph")).click();
        waitUpTo(10).until(b -> b.getCurrentUrl().endsWith("/graph/T1204.003"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        waitUpTo(10).until(b -> b.findElements(By.cssSelector("#graph g.node")).size() > 5);
        for (String id : List.of("T1204.003", "M1045", "DET0248", "nist_800_53:AC-4")) {
            assertThat(browser.findElements(By.cssSelector("#graph g.node[data-id='" + id + "']"))).as(id).hasSize(1);
        }
        assertThat(browser.findElement(By.id("graph-panel")).getText()).as("the centre is selected first").contains("Malicious Image");
        long before = ((Number) js.executeScript("return Number(document.getElementById('graph').dataset.nodes);")).longValue();

        // Select the tactic with the keyboard (nodes move while the layout settles), then expand it.
        WebElement tactic = browser.findElement(By.cssSelector("#graph g.node[data-id='TA0002']"));
        js.executeScript("arguments[0].focus();", tactic);
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        waitUpTo(5).until(b -> b.findElement(By.id("graph-panel")).getText().contains("Execution"));
        browser.findElement(By.cssSelector("#graph-panel button.expand")).click();
        waitUpTo(10).until(b -> ((Number) js.executeScript(
                "return Number(document.getElementById('graph').dataset.nodes);")).longValue() > before);
        assertThat(browser.findElements(By.cssSelector("#graph g.node[data-id='T1053']"))).as("Execution's techniques added").hasSize(1);
        screenshot("graph");

        browser.findElement(By.cssSelector("button[data-export='json']")).click();
        waitUpTo(5).until(b -> String.valueOf(js.executeScript("return document.getElementById('graph-download').href;")).startsWith("blob:"));
        String exported = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "document.getElementById('graph-download').blob.text().then(done, e => done('failed: ' + e));");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(exported);
        assertThat(json.get("center").asText()).isEqualTo("T1204.003");
        assertThat(json.get("nodes").size()).isGreaterThan((int) before);
        assertThat(exported).contains("\"id\": \"M1045\"").contains("\"id\": \"T1053\"");
        assertThat(js.executeScript("return document.getElementById('graph-download').download;")).isEqualTo("graph-T1204.003.json");
    }

    /** Pauses while typing replace one history entry: Back once leaves the search, with the box in step. */
    @Test
    void typingInBurstsThenBackReturnsToThePageBeforeTheSearch() {
        browser.get(base + "/tactics");
        browser.get(base + "/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("cont");
        waitUpTo(10).until(b -> b.getCurrentUrl().contains("q=cont"));
        box.sendKeys("ainer");
        waitUpTo(10).until(b -> b.getCurrentUrl().contains("q=container"));
        box.sendKeys(" image");
        waitUpTo(10).until(b -> b.getCurrentUrl().matches(".*q=container(\\+|%20)image.*") && hitIds().contains("T1204.003"));

        browser.navigate().back();
        waitUpTo(10).until(b -> b.getCurrentUrl().equals(base + "/"));
        waitUpTo(5).until(b -> b.findElement(By.id("q")).getAttribute("value").isEmpty()
                && !b.findElements(By.id("landing-title")).isEmpty());
        browser.navigate().back();
        waitUpTo(10).until(b -> b.getCurrentUrl().endsWith("/tactics"));
        browser.navigate().forward();
        waitUpTo(10).until(b -> b.getCurrentUrl().equals(base + "/"));
        browser.navigate().forward();
        waitUpTo(10).until(b -> b.getCurrentUrl().matches(".*q=container(\\+|%20)image.*"));
        waitUpTo(5).until(b -> b.findElement(By.id("q")).getAttribute("value").equals("container image")
                && hitIds().contains("T1204.003"));
    }

    /** An ID jumps to its page only when submitted: typing one and pausing keeps the results. */
    @Test
    void typingAnIdAndPausingStaysOnTheSearchPage() throws InterruptedException {
        browser.get(base + "/");
        browser.findElement(By.id("q")).sendKeys("T1204");
        waitUpTo(10).until(b -> b.getCurrentUrl().contains("q=T1204") && hitIds().contains("T1204"));
        Thread.sleep(600); // longer than the typing pause
        assertThat(browser.getCurrentUrl()).contains("/search?q=T1204").doesNotContain("/techniques/");
        assertThat(hitIds().get(0)).isEqualTo("T1204");
        browser.findElement(By.id("q")).sendKeys("\n"); // submitted, it goes to the page
        waitUpTo(10).until(b -> b.getCurrentUrl().endsWith("/techniques/T1204"));
    }

    /** On a phone the first result shows without scrolling: the filters wait behind their button. */
    @Test
    void onAPhoneTheFirstResultIsInView() throws IOException {
        var size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.get(base + "/search?q=container+image");
            JavascriptExecutor js = (JavascriptExecutor) browser;
            waitUpTo(10).until(b -> !hitIds().isEmpty());
            Number top = (Number) js.executeScript("return document.querySelector('#results li.hit').getBoundingClientRect().top;");
            Number height = (Number) js.executeScript("return window.innerHeight;");
            assertThat(top.doubleValue()).as("first result's top on a 844 px tall phone").isLessThan(height.doubleValue() - 60);
            WebElement filters = browser.findElement(By.id("filters"));
            assertThat(filters.getAttribute("open")).isNull();
            filters.findElement(By.tagName("summary")).click();
            waitUpTo(5).until(b -> b.findElement(By.cssSelector("input.facet-box[value='Containers']")).isDisplayed());
            screenshot("phone-search");
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    /**
     * axe-core finds no serious or critical accessibility problem on the pages people use most, light or dark. The dark
     * theme changes only colours, so in it the colour rules are run again.
     */
    @Test
    void theMainPagesPassAnAccessibilityScan() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        List<String> problems = new ArrayList<>();
        // T1176's history holds a description compared word by word (opened before the scan); T1574.002 is revoked.
        List<String> paths = List.of("/", "/search?q=container+image", "/techniques/T1204.003", "/matrix/enterprise-attack",
                "/frameworks/nist_800_53/AC-4", "/graph/T1204.003", "/changes/16.1...18.1", "/techniques/T1574.001",
                "/frameworks", "/frameworks/nist_800_53?freshness=stale", "/frameworks/nist_800_53/SA-10?freshness=stale",
                "/techniques/T1176", "/techniques/T1574.002", "/search?q=bash+history",
                "/search?q=dll+side-loading&release=16.1");
        browser.get(base + "/");
        js.executeScript("localStorage.removeItem('attack-kb-theme');");
        AxeScan.InEveryPage axe = AxeScan.intoEveryPage(browser);
        try {
            for (String path : paths) {
                load(path);
                js.executeScript(OPEN_WORD_DIFFS);
                AxeScan.problems(browser, null).forEach(problem -> problems.add(path + ": " + problem));
            }
            js.executeScript("localStorage.setItem('attack-kb-theme', 'dark');");
            for (String path : paths) {
                load(path);
                js.executeScript(OPEN_WORD_DIFFS);
                AxeScan.problems(browser, AxeScan.COLOUR_RULES).forEach(problem -> problems.add("dark " + path + ": " + problem));
            }
            assertThat(problems).isEmpty();
            assertThat(js.executeScript("return getComputedStyle(document.body).backgroundColor;"))
                    .as("the dark theme applied").isEqualTo("rgb(18, 20, 24)");
        } finally {
            axe.close();
            js.executeScript("localStorage.removeItem('attack-kb-theme');");
        }
    }

    /** Unfolds the descriptions compared word by word in a page's history, so that their colours are scanned too. */
    static final String OPEN_WORD_DIFFS = "document.querySelectorAll('details.word-diff').forEach(d => d.open = true);";

    /** Opens a page and waits until it has loaded. */
    static void load(String path) {
        browser.get(base + path);
        waitUpTo(10).until(b -> "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState")));
    }

    /** The theme button cycles system, light and dark, and the choice outlives a reload. */
    @Test
    void theThemeCanBeChosen() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.get(base + "/tactics");
        js.executeScript("localStorage.removeItem('attack-kb-theme');");
        browser.navigate().refresh();
        WebElement button = browser.findElement(By.id("theme-toggle"));
        assertThat(button.getText()).isEqualTo("Theme: system");
        button.click();
        assertThat(js.executeScript("return document.documentElement.dataset.theme;")).isEqualTo("light");
        browser.findElement(By.id("theme-toggle")).click();
        browser.navigate().refresh();
        assertThat(js.executeScript("return document.documentElement.dataset.theme;")).isEqualTo("dark");
        assertThat(browser.findElement(By.id("theme-toggle")).getText()).isEqualTo("Theme: dark");
        assertThat(js.executeScript("return getComputedStyle(document.body).backgroundColor;")).isEqualTo("rgb(18, 20, 24)");
        browser.findElement(By.id("theme-toggle")).click();
        assertThat(js.executeScript("return localStorage.getItem('attack-kb-theme');")).isNull();
    }

    /** Every link of the home page, a results page and a technique page leads somewhere (redirects allowed). */
    @Test
    @SuppressWarnings("unchecked")
    void noLinkOnTheMainPagesIsBroken() throws Exception {
        java.util.Set<String> links = new java.util.TreeSet<>();
        for (String path : List.of("/", "/search?q=container+image", "/techniques/T1204.003")) {
            browser.get(base + path);
            waitUpTo(10).until(b -> "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState")));
            links.addAll((List<String>) ((JavascriptExecutor) browser).executeScript(
                    "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
                            + ".filter(h => h.startsWith(location.origin)).map(h => h.split('#')[0]);"));
        }
        assertThat(links).hasSizeGreaterThan(50);
        var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        // All at once: the server answers them side by side.
        var answers = new java.util.LinkedHashMap<String, java.util.concurrent.CompletableFuture<Integer>>();
        for (String link : links) {
            answers.put(link, http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).thenApply(java.net.http.HttpResponse::statusCode));
        }
        List<String> broken = new ArrayList<>();
        for (var answer : answers.entrySet()) {
            int status = answer.getValue().get(30, java.util.concurrent.TimeUnit.SECONDS);
            if (status >= 400) broken.add(status + " " + answer.getKey());
        }
        assertThat(broken).as("of " + links.size() + " links").isEmpty();
    }

    /** Space on a facet keeps the focus on it; paging brings the new page's top into view; pages are numbered. */
    @Test
    void theKeyboardKeepsItsPlaceThroughFacetsAndPaging() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.get(base + "/search?q=container+image");
        waitUpTo(10).until(b -> !hitIds().isEmpty());
        js.executeScript("document.querySelector(\"input.facet-box[name='platform'][value='Containers']\").focus();");
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.SPACE);
        waitUpTo(10).until(b -> b.getCurrentUrl().contains("platform=Containers"));
        waitUpTo(5).until(b -> Boolean.TRUE.equals(js.executeScript(
                "var a = document.activeElement; return a && a.name === 'platform' && a.value === 'Containers' && a.checked;")));

        browser.get(base + "/search?q=process");
        waitUpTo(10).until(b -> !hitIds().isEmpty());
        // A long facet folds all but its first values, and its filter box finds any of them.
        WebElement components = browser.findElement(By.xpath("//fieldset[legend='Data component']"));
        assertThat(components.findElement(By.cssSelector("details.more-values > summary")).getText()).matches("\\d+ more");
        components.findElement(By.cssSelector("input.facet-filter")).sendKeys("file");
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) js.executeScript("return Array.from(arguments[0].querySelectorAll('label.facet-value'))"
                + ".filter(l => !l.hidden).map(l => l.textContent.trim());", components);
        assertThat(shown).isNotEmpty().allSatisfy(label -> assertThat(label.toLowerCase()).contains("file"));
        assertThat(browser.findElement(By.cssSelector(".page-numbers [aria-current=page]")).getText()).isEqualTo("1");
        WebElement next = browser.findElement(By.cssSelector(".pager a[rel=next]"));
        js.executeScript("arguments[0].scrollIntoView();", next);
        next.click();
        waitUpTo(10).until(b -> b.getCurrentUrl().contains("offset=20")
                && "2".equals(b.findElement(By.cssSelector(".page-numbers [aria-current=page]")).getText()));
        waitUpTo(5).until(b -> ((Number) js.executeScript(
                "return document.getElementById('results').getBoundingClientRect().top;")).doubleValue() > -5);
    }
}
