package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTML pages and exports over the fixture index, through a real HTTP server. */
class PagesTest {
    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.BUNDLES);

    record Page(int status, String body, okhttp3.Headers headers) {}

    static void test(TestCase c) {
        server.test(c);
    }

    /** A GET that does not follow redirects, with optional header name/value pairs. */
    static Page get(HttpClient client, String path, String... headers) throws IOException {
        OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(false).build();
        Request.Builder request = new Request.Builder().url(client.getOrigin() + path);
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try (Response r = http.newCall(request.build()).execute()) {
            return new Page(r.code(), r.body().string(), r.headers());
        }
    }

    @Test
    void theSearchPageRendersResultsAndFacetsWithSecurityHeaders() {
        test((server, client) -> {
            Page p = get(client, "/search?q=container+image");
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.headers().get("Content-Type")).startsWith("text/html");
            assertThat(p.body()).startsWith("<!doctype html>").contains("<main id=\"main\">")
                    .contains("href=\"/techniques/T1204.003\"").contains("Malicious Image")
                    .contains("name=\"platform\" value=\"Containers\"").contains("<mark>")
                    .contains("value=\"container image\"");
            assertThat(p.headers().get("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(p.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(p.headers().get("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(p.headers().get("Vary")).contains("HX-Request");
            assertThat(p.body()).doesNotContain("<script>").doesNotContain(" style=");
        });
    }

    @Test
    void pagesAreCompressedForClientsThatAcceptIt() {
        test((server, client) -> {
            try (Response r = client.get("/search?q=container+image", req -> req.header("Accept-Encoding", "gzip"))) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
                String body = new String(new java.util.zip.GZIPInputStream(r.body().byteStream()).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(body).startsWith("<!doctype html>").contains("T1204.003").endsWith("</html>\n");
            }
        });
    }

    @Test
    void anHtmxRequestGetsOnlyTheResultsFragment() {
        test((server, client) -> {
            Page p = get(client, "/search?q=container+image&platform=Containers", "HX-Request", "true", "HX-Trigger", "q");
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.body()).doesNotContain("<html").doesNotContain("<header").contains("class=\"search-body\"")
                    .contains("T1204.003").contains("value=\"Containers\" checked");
            Page history = get(client, "/search?q=x", "HX-Request", "true", "HX-History-Restore-Request", "true");
            assertThat(history.body()).startsWith("<!doctype html>");
        });
    }

    @Test
    void submittingAnExactIdJumpsToItsPageButTypingOneSearches() {
        test((server, client) -> {
            Page plain = get(client, "/search?q=t1204.003");
            assertThat(plain.status()).isEqualTo(302);
            assertThat(plain.headers().get("Location")).isEqualTo("/techniques/T1204.003");
            Page submitted = get(client, "/search?q=M1045", "HX-Request", "true", "HX-Trigger", "search-form",
                    "X-Submitted", "true");
            assertThat(submitted.headers().get("HX-Redirect")).isEqualTo("/mitigations/M1045");
            // htmx names the form as the trigger of typing too: only app.js's X-Submitted tells a submit.
            Page typed = get(client, "/search?q=DET0248", "HX-Request", "true", "HX-Trigger", "search-form");
            assertThat(typed.status()).isEqualTo(200);
            assertThat(typed.body()).contains("DET0248");
        });
    }

    @Test
    void aQueryWithMarkupIsShownAsText() {
        test((server, client) -> {
            Page p = get(client, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
            assertThat(p.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        });
    }

    @Test
    void anEmptyResultSuggestsWhatToTry() {
        test((server, client) -> {
            Page p = get(client, "/search?q=zzzxqv");
            assertThat(p.body()).contains("No results for").contains("href=\"/search?q=T1059.001\"");
        });
    }

    @Test
    void theTechniquePageShowsEverythingLinkedToIt() {
        test((server, client) -> {
            Page p = get(client, "/techniques/T1204.003");
            assertThat(p.status()).isEqualTo(200);
            String body = p.body();
            assertThat(body).contains("<h1><span class=\"id\">T1204.003</span> Malicious Image")
                    .contains("Adversaries may rely on a user running a malicious image")
                    .contains("href=\"/techniques/T1608.001\"") // ATT&CK link made local
                    .contains("href=\"/tactics/TA0002\"").contains("href=\"/techniques/T1204\"")
                    .contains("href=\"/search?platform=Containers&amp;type=technique\"")
                    .contains("<a href=\"/detections/DET0248\">").contains("docker:daemon").contains("container create")
                    .contains("<a href=\"/mitigations/M1045\"><span class=\"id\">M1045</span> Code Signing</a>")
                    .contains("Several cloud service providers support content trust")
                    .contains("href=\"/groups/G0139\"").contains("TeamTNT")
                    .contains("id=\"ref-1\"").contains("Investigating Malicious AMIs")
                    .contains("<a class=\"button\" href=\"https://attack.mitre.org/versions/v18/techniques/T1204/003/\" "
                            + "rel=\"noopener noreferrer\">View on MITRE ATT&amp;CK v18</a>")
                    .contains("href=\"mailto:attack@mitre.org?subject=Content%20correction%3A%20T1204.003%20Malicious%20Image"
                            + "&amp;body=Object%3A%20technique%20T1204.003%20Malicious%20Image%0ASTIX%20ID%3A%20"
                            + "attack-pattern--00000000-0000-4000-8000-000001204003%0AATT%26CK%20version%3A%20ATT%26CK%2018.1"
                            + "%0ASeen%20at%3A%20http%3A%2F%2F127.0.0.1%3A")
                    .contains("<span class=\"status active\">Active</span>")
                    .contains("<button type=\"button\" class=\"copy-id secondary\" data-copy=\"T1204.003\" hidden>Copy ID T1204.003</button>")
                    .contains("<kbd class=\"hotkey-hint\" title=\"Press / to search\">/</kbd>")
                    .contains("Execution: 3 techniques and sub-techniques").contains("← Back to Execution")
                    .contains("<span class=\"current\" aria-current=\"page\"><span class=\"id\">T1204.003</span> Malicious Image</span>")
                    .contains("href=\"/techniques/T1053\"")
                    .contains("<h2 id=\"related\">Related techniques</h2>")
                    .contains("<a href=\"/techniques/T1525\"><span class=\"id\">T1525</span> Implant Internal Image</a>")
                    .contains("<a href=\"/mitigations/M1047\">shares M1047 Audit</a>");
            assertThat(body.indexOf("Several cloud")).as("guidance before the general description")
                    .isLessThan(body.indexOf("Enforce binary and application integrity"));
        });
    }

    @Test
    void nonCanonicalIdsRedirectRevokedOnesSayWhatReplacedThemAndUnknownOnesAreHelpful404s() {
        test((server, client) -> {
            Page lower = get(client, "/techniques/t1204.003");
            assertThat(lower.status()).isEqualTo(301);
            assertThat(lower.headers().get("Location")).isEqualTo("/techniques/T1204.003");
            Page revoked = get(client, "/techniques/T9999");
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(revoked.body()).contains("<p class=\"retired\"><strong>Revoked in ATT&amp;CK 18.1 or earlier</strong>: "
                    + "replaced by <a href=\"/techniques/T1525\">T1525 Implant Internal Image</a>.</p>");
            Page unknown = get(client, "/techniques/T0000");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body()).contains("No technique with the ID").contains("name=\"q\" type=\"search\" value=\"T0000\"");
            assertThat(get(client, "/no/such/page").status()).isEqualTo(404);
            Page bad = get(client, "/search?limit=abc");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("limit must be a whole number");
        });
    }

    @Test
    void everyOtherPageRenders() {
        test((server, client) -> {
            assertThat(get(client, "/").body()).contains("id=\"search-form\"");
            assertThat(get(client, "/tactics").body()).contains("href=\"/tactics/TA0002\"").contains("TA0041");
            Page tactic = get(client, "/tactics/execution");
            assertThat(tactic.body()).contains("Techniques (2)").contains("T1204.003").contains("Scheduled Task/Job");
            assertThat(get(client, "/mitigations/M1047").body()).contains("Techniques it mitigates (2)")
                    .contains("Audit images deployed within the environment");
            assertThat(get(client, "/detections/DET0248").body()).contains("AN0001").contains("aws:cloudtrail")
                    .contains("href=\"/techniques/T1204.003\"");
            assertThat(get(client, "/groups/G0139").body()).contains("Adept Libra").contains("Techniques used (1)");
            assertThat(get(client, "/software/S0601").body()).contains("malware").contains("Hildegard");
            assertThat(get(client, "/campaigns/C0099").body()).contains("2021-01-01");
            Page matrix = get(client, "/matrix");
            assertThat(matrix.body()).contains("Execution").contains("Persistence").contains(">User Execution<");
            assertThat(get(client, "/matrix?platform=Windows").body()).contains("Scheduled Task/Job").doesNotContain(">Implant Internal Image<");
            assertThat(get(client, "/matrix/mobile-attack").body()).contains("Native API");
            assertThat(get(client, "/matrix/nowhere").status()).isEqualTo(404);
            // Without JavaScript, choosing another domain and pressing Show goes there, keeping the other choices.
            Page form = get(client, "/matrix?domain=mobile-attack&platform=Android&ids=true");
            assertThat(form.status()).isEqualTo(303);
            assertThat(form.headers().get("Location")).isEqualTo("/matrix/mobile-attack?platform=Android&ids=true");
            // Sub-techniques unfold from their technique, and a platform filter applies to them too.
            String containers = get(client, "/matrix/enterprise-attack?platform=Containers&ids=true").body();
            assertThat(containers).contains("<summary class=\"subcount\" aria-label=\"1 sub-technique of User Execution\">1</summary>")
                    .contains("<a href=\"/techniques/T1204.003\"><span class=\"id\">T1204.003</span> Malicious Image</a>")
                    .contains("<span class=\"id\">T1204</span> User Execution");
            assertThat(get(client, "/matrix/enterprise-attack?expand=true").body()).contains("<details class=\"subs\" open>");
        });
    }

    @Test
    void staticAssetsAreFingerprintedAndCachedAndHtmxIsServedLocally() {
        test((server, client) -> {
            String page = get(client, "/").body();
            Matcher css = Pattern.compile("href=\"(/static/app\\.css\\?v=[0-9a-f]{12})\"").matcher(page);
            assertThat(css.find()).isTrue();
            Page asset = get(client, css.group(1));
            assertThat(asset.status()).isEqualTo(200);
            assertThat(asset.headers().get("Cache-Control")).contains("immutable");
            assertThat(asset.headers().get("Content-Type")).isEqualTo("text/css; charset=utf-8");
            Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]+/htmx\\.min\\.js)\"").matcher(page);
            assertThat(htmx.find()).isTrue();
            Page script = get(client, htmx.group(1));
            assertThat(script.body()).contains("htmx");
            assertThat(script.headers().get("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
            Matcher icon = Pattern.compile("<link rel=\"icon\" href=\"(/static/favicon\\.svg\\?v=[0-9a-f]{12})\" type=\"image/svg\\+xml\">").matcher(page);
            assertThat(icon.find()).isTrue();
            Page favicon = get(client, "/favicon.ico");
            assertThat(favicon.status()).isEqualTo(301);
            assertThat(favicon.headers().get("Location")).isEqualTo(icon.group(1));
            assertThat(page).contains("\"includeIndicatorStyles\": false");
        });
    }

    @Test
    void exportsTheWholeResultAsCsvJsonAndANavigatorLayer() {
        test((server, client) -> {
            Page csv = get(client, "/api/export?format=csv&q=image&type=technique");
            assertThat(csv.headers().get("Content-Type")).startsWith("text/csv");
            assertThat(csv.body()).startsWith("id,type,name,domain,tactics,platforms,parent_id,url\r\n");
            assertThat(csv.body()).contains("T1204.003,technique,Malicious Image,enterprise-attack,execution,IaaS;Containers,T1204,/techniques/T1204.003");
            JsonNode json = Json.MAPPER.readTree(get(client, "/api/export?format=json&q=image&type=technique").body());
            assertThat(json.get("total").asInt()).isEqualTo(json.get("hits").size()).isEqualTo(2);
            JsonNode layer = Json.MAPPER.readTree(get(client, "/api/export?format=navigator&type=technique&tactic=persistence").body());
            assertThat(layer.at("/versions/layer").asText()).isEqualTo("4.5");
            assertThat(layer.at("/versions/attack").asText()).isEqualTo("18");
            assertThat(layer.get("domain").asText()).isEqualTo("enterprise-attack");
            assertThat(layer.get("techniques")).hasSize(3); // T1053 and T1525 in persistence; T1053 also in execution
            assertThat(layer.at("/techniques/0/techniqueID").asText()).isEqualTo("T1053");
            assertThat(get(client, "/api/export?format=xml").status()).isEqualTo(400);
        });
    }

    @Test
    void headAnswersAsGetWithoutABody() {
        test((server, client) -> {
            OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(false).build();
            for (String path : List.of("/", "/techniques/T1204.003", "/api/search?q=image")) {
                try (Response r = http.newCall(new Request.Builder().url(client.getOrigin() + path).head().build()).execute()) {
                    assertThat(r.code()).as(path).isEqualTo(200);
                    assertThat(r.header("Content-Type")).as(path).startsWith(path.startsWith("/api") ? "application/json" : "text/html");
                    assertThat(r.body().bytes()).as(path).isEmpty();
                }
            }
        });
    }

    @Test
    void addressesAsAttackMitreOrgWritesThemRedirect() {
        test((server, client) -> {
            Page slashed = get(client, "/techniques/T1204/003");
            assertThat(slashed.status()).isEqualTo(301);
            assertThat(slashed.headers().get("Location")).isEqualTo("/techniques/T1204.003");
            assertThat(get(client, "/techniques/t1204/003").headers().get("Location")).isEqualTo("/techniques/T1204.003");
            assertThat(get(client, "/techniques/T1204/abc").status()).isEqualTo(404);
            // Tactic tags in results name their domain: shortnames repeat across domains.
            assertThat(get(client, "/search?q=malicious+image").body())
                    .contains("<a class=\"tag tactic\" href=\"/tactics/execution?domain=enterprise-attack\">");
        });
    }

    @Test
    void theHomePageSaysWhatThisIsAndWhereToStart() {
        test((server, client) -> {
            String home = get(client, "/").body();
            assertThat(home).contains("<h1 id=\"landing-title\">Search MITRE ATT&amp;CK and the frameworks mapped to it</h1>")
                    .contains("ATT&amp;CK Enterprise 18.1, Mobile 18.1")
                    .contains("<a href=\"/matrix/enterprise-attack\">Enterprise matrix</a>")
                    .contains("<a href=\"/search?q=container+image\">container image</a>")
                    .doesNotContain("class=\"hit\"").doesNotContain("class=\"facet-box\"");
            // A selection without words still lists; so does a search, under a heading of its own.
            assertThat(get(client, "/search?type=technique").body()).contains("class=\"hit\"")
                    .contains("<h1 class=\"visually-hidden\">Selection</h1>")
                    .contains("<span class=\"facet-label\">Technique</span>");
            assertThat(get(client, "/search?q=image").body()).contains("<h1 class=\"visually-hidden\">Results for “image”</h1>");
            assertThat(get(client, "/?q=", "HX-Request", "true").body()).as("clearing the box brings the landing back")
                    .contains("landing-title").doesNotContain("<html");
        });
    }

    @Test
    void activeFiltersAreChipsThatRemoveThemselves() {
        test((server, client) -> {
            String page = get(client, "/search?q=image&platform=Containers&tactic=execution").body();
            assertThat(page).contains("<summary>Filters <span class=\"count\">2 active</span></summary>")
                    .contains("<a class=\"chip\" href=\"/search?q=image&amp;tactic=execution\"")
                    .contains("aria-label=\"Remove filter Platform: Containers\"><span class=\"dim\">Platform</span> Containers")
                    .contains("<a class=\"chip\" href=\"/search?q=image&amp;platform=Containers\"")
                    .contains("<span class=\"dim\">Tactic</span> Execution");
            assertThat(get(client, "/search?q=image").body()).contains("<summary>Filters</summary>").doesNotContain("class=\"chips\"");
        });
    }

    @Test
    void aTypoIsNamedAsTypedWithADidYouMeanLink() {
        test((server, client) -> {
            assertThat(get(client, "/search?q=contianer+imgae&platform=Containers").body())
                    .contains("searching also for words close to\n      “contianer”, “imgae”.")
                    .contains("Did you mean <a class=\"did-you-mean\" href=\"/search?q=container+image&amp;platform=Containers\">container image</a>?");
        });
    }

    @Test
    void resultsCanBeSortedByIdOrNameAndKeepTheirOrderThroughFacetsAndPaging() {
        test((server, client) -> {
            String page = get(client, "/search?q=image").body();
            assertThat(page).contains("Sort by <strong aria-current=\"true\">relevance</strong> · <a href=\"/search?q=image&amp;sort=id\"");
            String byName = get(client, "/search?q=image&platform=Containers&sort=name").body();
            assertThat(byName).contains("<strong aria-current=\"true\">name</strong>")
                    .contains("<input type=\"hidden\" name=\"sort\" value=\"name\">")
                    .contains("<a class=\"chip\" href=\"/search?q=image&amp;sort=name\""); // removing a filter keeps the order
            assertThat(get(client, "/search?type=technique").body()).as("no words: ID order, no relevance to offer")
                    .contains("Sort by <strong aria-current=\"true\">ID</strong> · <a href=\"/search?type=technique&amp;sort=name\"");
            assertThat(get(client, "/api/search?q=image&sort=size").status()).isEqualTo(400);
        });
    }

    @Test
    void aGroupsTechniquesDownloadAsANavigatorLayer() throws Exception {
        test((server, client) -> {
            Page layer = get(client, "/api/groups/G0139/layer.json");
            assertThat(layer.headers().get("Content-Disposition")).isEqualTo("attachment; filename=\"G0139-layer.json\"");
            JsonNode json = Json.MAPPER.readTree(layer.body());
            assertThat(json.get("name").asText()).isEqualTo("TeamTNT (G0139)");
            assertThat(json.get("domain").asText()).isEqualTo("enterprise-attack");
            assertThat(json.at("/techniques/0/techniqueID").asText()).isEqualTo("T1204.003");
            assertThat(json.at("/techniques/0/tactic").asText()).isEqualTo("execution");
            assertThat(json.at("/techniques/0/comment").asText()).doesNotContain("(Citation:").isNotBlank();
            assertThat(get(client, "/groups/G0139").body()).contains("href=\"/api/groups/G0139/layer.json\" download>Navigator layer</a>");
            assertThat(get(client, "/api/things/G0139/layer.json").status()).isEqualTo(404);
        });
    }

    @Test
    void groupsSoftwareAndCampaignsShowEachOther() {
        test((server, client) -> {
            String group = get(client, "/groups/G0139").body();
            assertThat(group).contains("<h2 id=\"assoc-0\">Software used (1)</h2>")
                    .contains("<a href=\"/software/S0601\"><span class=\"id\">S0601</span> Hildegard</a>")
                    .contains("<h2 id=\"assoc-1\">Campaigns (1)</h2>")
                    .contains("<a href=\"/campaigns/C0099\"><span class=\"id\">C0099</span> Operation Cloudy</a>");
            assertThat(get(client, "/software/S0601").body()).contains("Used by (1)")
                    .contains("has deployed <a rel=\"nofollow\" href=\"/software/S0601\">Hildegard</a>");
            assertThat(get(client, "/campaigns/C0099").body()).contains("Attributed to (1)")
                    .contains("<a href=\"/groups/G0139\"><span class=\"id\">G0139</span> TeamTNT</a>");
        });
    }
}
