package attackkb.web;

import static attackkb.web.ControlsWebTest.body;
import static attackkb.web.ControlsWebTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.TestCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every mapped framework in the API, the pages and the search, over the fixture bundles with SP 800-53, AWS and KEV fixtures. */
class FrameworksWebTest {
    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.FRAMEWORKS);

    static void test(TestCase c) {
        server.test(c);
    }

    private static List<String> values(JsonNode array, String... fields) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            List<String> parts = new ArrayList<>();
            for (String f : fields) parts.add(n.get(f).asText());
            out.add(String.join(" ", parts));
        });
        return out;
    }

    @Test
    void frameworksAreListedWithTheirCountsAndGroups() {
        test((server, client) -> {
            JsonNode frameworks = json(client, "/api/frameworks").get("frameworks");
            assertThat(values(frameworks, "key", "version", "attack_version", "entries", "techniques", "mappings"))
                    .containsExactly("nist_800_53 rev5 16.1 5 2 3", "aws 12/12/2024 16.1 2 2 3", "kev 07/28/2025 16.1 1 2 2");
            JsonNode aws = json(client, "/api/frameworks/aws");
            assertThat(aws.at("/framework/name").asText()).isEqualTo("AWS security capabilities");
            assertThat(values(aws.get("groups"), "id", "name")).containsExactly("aws_config AWS Config", "amazon_inspector Amazon Inspector");
            assertThat(aws.at("/groups/0/controls/0/url").asText()).isEqualTo("/frameworks/aws/aws_config");
            assertThat(json(client, "/healthz").at("/frameworks/2/key").asText()).isEqualTo("kev");
            assertThat(body(client, "/api/frameworks/nope")).startsWith("404 ").contains("not_found");
            assertThat(body(client, "/frameworks")).startsWith("200 ").contains("href=\"/frameworks/aws\"")
                    .contains("CISA Known Exploited Vulnerabilities");
            assertThat(body(client, "/frameworks/aws")).startsWith("200 ").contains("href=\"/frameworks/aws/aws_config\"")
                    .as("each capability its own group: one list, not a heading each").doesNotContain("id=\"family-aws_config\"");
            // A mapping's mistake goes to the project that makes the mappings; an ATT&CK object's to MITRE.
            assertThat(body(client, "/frameworks/aws/aws_config"))
                    .contains("href=\"https://github.com/center-for-threat-informed-defense/mappings-explorer/issues/new?title="
                            + "Mapping%20issue%3A%20aws_config%20AWS%20Config")
                    .contains(">Report a mapping issue</a>");
            assertThat(body(client, "/techniques/T1204.003")).contains(">Report to MITRE ATT&amp;CK</a>");
        });
    }

    /** The groups were maps whose field order changed from one start to the next; as records they have one order. */
    @Test
    void aFrameworksGroupsAreWrittenWithTheirFieldsInOneOrder() {
        test((server, client) -> {
            String body = body(client, "/api/frameworks/aws");
            assertThat(body.substring(body.lastIndexOf(",\"groups\":"))).isEqualTo(",\"groups\":["
                    + "{\"id\":\"aws_config\",\"name\":\"AWS Config\",\"controls\":[{\"id\":\"aws_config\",\"title\":\"AWS Config\","
                    + "\"technique_count\":1,\"url\":\"/frameworks/aws/aws_config\",\"freshness\":{\"unknown\":2}}]},"
                    + "{\"id\":\"amazon_inspector\",\"name\":\"Amazon Inspector\",\"controls\":[{\"id\":\"amazon_inspector\","
                    + "\"title\":\"Amazon Inspector\",\"technique_count\":1,\"url\":\"/frameworks/aws/amazon_inspector\","
                    + "\"freshness\":{\"revoked\":1}}]}]}");
        });
    }

    /** One release held (18.1, mappings for 16.1): a revocation is told from it; nothing else can be. */
    @Test
    void withOneReleaseHeldARevokedTechniqueIsToldAndTheOtherMappingsAreUnknown() {
        test((server, client) -> {
            assertThat(body(client, "/api/frameworks")).contains("\"key\":\"aws\"")
                    .contains("\"mappings\":3,\"freshness\":{\"current\":0,\"changed\":0,\"revoked\":1,\"deprecated\":0,"
                            + "\"unknown\":2},\"stale\":1}");
            JsonNode t1525 = json(client, "/api/techniques/T1525");
            assertThat(values(t1525.get("controls"), "framework", "id")).containsExactly("nist_800_53 SI-7",
                    "aws amazon_inspector", "kev CVE-2099-0001");
            assertThat(t1525.at("/controls/1/freshness").toString()).isEqualTo("{\"status\":\"revoked\",\"mapped_release\":\"16.1\","
                    + "\"mapped_id\":\"T9999\",\"mapped_name\":\"Old Image Implant\",\"successor\":\"T1525\",\"categories\":[]}");
            assertThat(t1525.at("/controls/2/freshness").toString()).isEqualTo("{\"status\":\"unknown\",\"mapped_release\":\"16.1\","
                    + "\"mapped_id\":\"T1525\",\"mapped_name\":\"Implant Internal Image\",\"categories\":[]}");
            assertThat(body(client, "/techniques/T1525"))
                    .contains("<strong>Revoked:</strong> mapped to T9999 Old Image Implant in ATT&amp;CK 16.1</span>")
                    .contains("by the Center for Threat-Informed Defense · not judged for freshness: ATT&amp;CK 16.1 is not held here</p>");
            assertThat(body(client, "/frameworks/aws/aws_config")).as("every mapping unknown: said once, no filter links")
                    .contains("Not judged for freshness: these mappings were made for ATT&amp;CK 16.1, which this index does not hold.")
                    .doesNotContain("class=\"freshness-filter\"").doesNotContain("class=\"freshness ");
            assertThat(json(client, "/api/frameworks/aws?freshness=stale").at("/groups/0/controls/0/id").asText())
                    .isEqualTo("amazon_inspector");
        });
    }

    @Test
    void anEntryPageShowsItsTechniquesWithScores() {
        test((server, client) -> {
            JsonNode config = json(client, "/api/frameworks/aws/aws_config");
            assertThat(values(config.get("techniques"), "technique_id", "score_category", "score_value"))
                    .containsExactly("T1204.003 detect significant", "T1204.003 protect partial");
            String page = body(client, "/frameworks/aws/aws_config");
            assertThat(page).startsWith("200 ").contains("detect · significant").contains("protect · partial")
                    .contains("<a href=\"/frameworks/aws\">AWS security capabilities</a> › <span aria-current=\"page\">aws_config</span>")
                    .contains("href=\"/techniques/T1204.003\"");
            assertThat(body(client, "/controls/aws_config")).isEqualTo(page);
            assertThat(body(client, "/frameworks/kev/aws_config")).startsWith("404 ");
            assertThat(body(client, "/api/frameworks/aws/aws_config/techniques.csv")).contains(
                    "aws,aws_config,T1204.003,Malicious Image,execution,technique_scores,detect,significant,"
                            + "Config rules flag instances from images outside an allow list.,"
                            + "https://docs.aws.amazon.com/config/latest/developerguide/WhatIsConfig.html,unknown,16.1,T1204.003,,\r\n");
            // Each reference once, numbered; the rows cite them by number.
            assertThat(page).contains("<li id=\"ref-2\">\n      <a href=\"https://docs.aws.amazon.com/config/latest/developerguide/remediation.html\"")
                    .contains("<a class=\"cite\" href=\"#ref-1\">[1]</a> <a class=\"cite\" href=\"#ref-2\">[2]</a>")
                    .doesNotContain("ref-3").doesNotContain("not a url");
            assertThat(config.at("/techniques/1/references").toString()).isEqualTo(
                    "[\"https://docs.aws.amazon.com/config/latest/developerguide/WhatIsConfig.html\","
                            + "\"https://docs.aws.amazon.com/config/latest/developerguide/remediation.html\"]");
            String technique = body(client, "/techniques/T1204.003");
            assertThat(technique).contains("AWS security capabilities").contains("href=\"/frameworks/kev/CVE-2099-0001\"")
                    .contains("<a href=\"https://docs.aws.amazon.com/config/latest/developerguide/remediation.html\" "
                            + "rel=\"noopener noreferrer nofollow\" title=\"https://docs.aws.amazon.com/config/latest/developerguide/remediation.html\">"
                            + "docs.aws.amazon.com</a>");
        });
    }

    @Test
    void theFrameworkFacetNarrowsToEntriesAndTheTechniquesTheyMap() {
        test((server, client) -> {
            JsonNode aws = json(client, "/api/search?framework=aws&type=technique");
            assertThat(values(aws.get("hits"), "id")).containsExactly("T1204.003", "T1525");
            // Counted for entries and the techniques they map alike: AWS has two entries and two techniques with "image".
            assertThat(values(json(client, "/api/search?q=image").at("/facets/framework"), "value", "label", "count"))
                    .containsExactly("nist_800_53 NIST SP 800-53 5", "aws AWS security capabilities 4",
                            "kev CISA Known Exploited Vulnerabilities 3");
            assertThat(values(json(client, "/api/search?q=framework:kev").get("hits"), "id"))
                    .containsExactly("CVE-2099-0001", "T1204.003", "T1525");
            JsonNode cve = json(client, "/api/search?q=cve-2099-0001");
            assertThat(cve.at("/hits/0/url").asText()).isEqualTo("/frameworks/kev/CVE-2099-0001");
            assertThat(body(client, "/search?q=CVE-2099-0001")).startsWith("302 ");
        });
    }

    @Test
    void aCrosswalkRanksAnotherFrameworksEntriesByTheTechniquesTheyShare() {
        test((server, client) -> {
            JsonNode toKev = json(client, "/api/crosswalk?from=nist_800_53:ac-04&to=kev");
            assertThat(toKev.at("/from/id").asText()).isEqualTo("AC-4");
            assertThat(values(toKev.get("entries"), "id", "shared", "jaccard", "url"))
                    .containsExactly("CVE-2099-0001 1 0.5 /frameworks/kev/CVE-2099-0001");
            assertThat(values(json(client, "/api/crosswalk?from=kev:CVE-2099-0001&to=aws").get("entries"), "id", "shared", "jaccard"))
                    .containsExactly("amazon_inspector 1 0.5", "aws_config 1 0.5");
            assertThat(body(client, "/api/crosswalk?from=AC-4&to=kev")).startsWith("400 ").contains("bad_request");
            assertThat(body(client, "/api/crosswalk?from=nist_800_53:AC-4&to=kev&limit=0")).startsWith("400 ");
            assertThat(body(client, "/api/crosswalk?from=nist_800_53:AC-4&to=nope")).startsWith("404 ").contains("not_found");
            assertThat(body(client, "/frameworks/nist_800_53/AC-4")).contains("In other frameworks")
                    .contains("href=\"/frameworks/kev/CVE-2099-0001\"").contains("1 shared · 0.5");
        });
    }

    @Test
    void anEntryDownloadsAsANavigatorLayerScoredWhereTheFrameworkScores() {
        test((server, client) -> {
            try (var response = client.get("/api/frameworks/aws/aws_config/layer.json")) {
                assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"aws-aws_config-layer.json\"");
            }
            JsonNode layer = json(client, "/api/frameworks/aws/aws_config/layer.json");
            assertThat(layer.get("name").asText()).isEqualTo("AWS security capabilities aws_config: AWS Config");
            assertThat(layer.get("domain").asText()).isEqualTo("enterprise-attack");
            assertThat(layer.at("/versions/layer").asText()).isEqualTo("4.5");
            assertThat(values(layer.get("techniques"), "techniqueID", "tactic", "score"))
                    .containsExactly("T1204.003 execution 3");
            assertThat(layer.at("/techniques/0/comment").asText())
                    .isEqualTo("Config rules flag instances from images outside an allow list.\n\nConfig remediation stops such instances.");
            assertThat(values(layer.at("/techniques/0/metadata"), "name", "value")).containsExactly(
                    "mapping detect: significant; protect: partial",
                    "freshness Unknown: made for ATT&CK 16.1, a release this index does not hold");
            assertThat(values(layer.at("/techniques/0/links"), "url")).containsExactly(
                    "https://docs.aws.amazon.com/config/latest/developerguide/WhatIsConfig.html",
                    "https://docs.aws.amazon.com/config/latest/developerguide/remediation.html");
            assertThat(values(layer.get("legendItems"), "label", "color"))
                    .containsExactly("minimal #cfe2ff", "partial #7fb2f0", "significant #2f6fc4");
            assertThat(layer.at("/gradient/maxValue").asInt()).isEqualTo(3);

            JsonNode kev = json(client, "/api/frameworks/kev/CVE-2099-0001/layer.json");
            assertThat(values(kev.get("techniques"), "techniqueID", "tactic", "color"))
                    .containsExactly("T1204.003 execution #66b1ff", "T1525 persistence #ff9f43");
            assertThat(kev.at("/techniques/0").has("score")).isFalse();
            assertThat(values(kev.get("legendItems"), "label", "color"))
                    .containsExactly("exploitation technique #66b1ff", "primary impact #ff9f43");

            JsonNode mobile = json(client, "/api/frameworks/kev/CVE-2099-0001/layer.json?domain=mobile-attack");
            assertThat(mobile.get("domain").asText()).isEqualTo("mobile-attack");
            assertThat(mobile.get("techniques")).isEmpty();
            assertThat(body(client, "/api/frameworks/kev/CVE-2099-0001/layer.json?domain=nope")).startsWith("400 ")
                    .contains("domain must be one of enterprise-attack, mobile-attack, ics-attack");
            assertThat(body(client, "/frameworks/aws/aws_config"))
                    .contains("href=\"/api/frameworks/aws/aws_config/layer.json\" download>Navigator layer</a> (scores as layer scores)");
        });
    }

    @Test
    void theRationaleColumnIsShownOnlyWhereAMappingGivesOne() {
        test((server, client) -> {
            assertThat(body(client, "/frameworks/aws/aws_config")).contains("<th scope=\"col\">Rationale</th>");
            assertThat(body(client, "/frameworks/nist_800_53/AC-4")).contains("<th scope=\"col\">Rationale</th>")
                    .contains("Restricting flows to untrusted registries blocks malicious images.");
            assertThat(body(client, "/frameworks/nist_800_53/CM-2")).startsWith("200 ").contains("Malicious Image")
                    .doesNotContain("Rationale");
        });
    }
}
