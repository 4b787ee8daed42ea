package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Json;
import attackkb.RealData;
import attackkb.RealIndex;
import attackkb.index.IndexManifest;
import attackkb.mapping.MappingReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real CTID SP 800-53 mapping, descriptions and OSCAL catalog, over the real 18.1 bundles. */
class RealControlMappingIT {
    static IndexManifest manifest;

    @BeforeAll
    static void openIndex() {
        manifest = RealIndex.all().manifest();
    }

    static void test(TestCase c) {
        RealIndex.all().server().test(c);
    }

    @Test
    void theManifestCountsMatchTheMappingFile() throws IOException {
        JsonNode file = Json.MAPPER.readTree(RealData.root().resolve("mappings/nist_800_53-rev5_attack-16.1-enterprise.json").toFile());
        int rows = file.get("mapping_objects").size();
        int nonMappable = 0;
        for (JsonNode o : file.get("mapping_objects")) if ("non_mappable".equals(o.path("status").asText())) nonMappable++;
        MappingReport report = manifest.mappings().stream().filter(m -> m.framework().equals("nist_800_53")).findFirst().orElseThrow();
        assertThat(report.rows()).isEqualTo(rows).isEqualTo(5410);
        assertThat(report.nonMappable()).isEqualTo(nonMappable).isEqualTo(96);
        assertThat(report.mapped() + report.unresolved() + report.nonMappable() + report.incomplete()).isEqualTo(rows);
        assertThat(report.unresolvedIds()).hasSize(report.unresolved());
        assertThat(report.attackVersion()).isEqualTo("16.1");
    }

    @Test
    void everyMappingFileIsReportedAndItsRowsAddUp() throws IOException {
        // Rows without a mapping type or technique (GCP, VERIS) are counted, never fatal. One report a file.
        assertThat(manifest.mappings()).extracting(MappingReport::framework).containsExactly("aws", "azure", "cri_profile",
                "csa_ccm", "gcp", "intel-vpro", "kev", "kev", "m365", "nist_800_53", "veris", "veris", "veris");
        for (MappingReport m : manifest.mappings()) {
            assertThat(m.mapped() + m.unresolved() + m.nonMappable() + m.incomplete()).as(m.origin()).isEqualTo(m.rows());
        }
    }

    @Test
    void maliciousImageHasSixteenControlsAndAc4ListsIt() {
        test((server, client) -> {
            JsonNode t = json(client, "/api/techniques/T1204.003");
            List<String> ids = new ArrayList<>();
            Map<String, Integer> perFramework = new java.util.TreeMap<>();
            t.get("controls").forEach(c -> {
                perFramework.merge(c.get("framework").asText(), 1, Integer::sum);
                if (!c.get("framework").asText().equals("nist_800_53")) return;
                ids.add(c.get("id").asText());
                assertThat(c.get("mapping_type").asText()).isEqualTo("mitigates");
                assertThat(c.at("/source/label").asText()).isEqualTo("via ctid-attack-to-sp800-53");
            });
            assertThat(ids).hasSize(16).contains("AC-4", "CA-7", "CM-2", "CM-6");
            assertThat(perFramework).isEqualTo(Map.of("nist_800_53", 16, "aws", 1, "azure", 3, "gcp", 3, "m365", 2,
                    "csa_ccm", 3, "cri_profile", 6, "veris", 1));
            JsonNode gcp = null;
            for (JsonNode c : t.get("controls")) if (c.get("id").asText().equals("binary_authorization")) gcp = c;
            assertThat(gcp.get("score_category").asText()).isEqualTo("protect");
            assertThat(gcp.get("score_value").asText()).isEqualTo("significant");
            String canonical;
            try (Response r = client.get("/controls/AC-4")) {
                canonical = r.body().string();
            }
            try (Response r = client.get("/controls/ac-04")) {
                assertThat(r.body().string()).isEqualTo(canonical);
            }
            assertThat(canonical).contains("Information Flow Enforcement").contains("href=\"/techniques/T1204.003\"");
        });
    }

    @Test
    void maliciousImageIsMostLikeTheOtherContainerImageTechniques() {
        test((server, client) -> {
            JsonNode related = json(client, "/api/techniques/T1204.003/related").get("related");
            List<String> top = new ArrayList<>();
            related.forEach(r -> top.add(r.get("id").asText()));
            assertThat(top).hasSize(10).startsWith("T1525", "T1610", "T1612")
                    .doesNotContain("T1204", "T1204.003"); // the parent is on the page already
            assertThat(related.at("/0/reasons").toString()).contains("\"kind\":\"mitigation\",\"id\":\"M1045\"")
                    .contains("\"kind\":\"data_component\",\"name\":\"Image Creation\"");
            try (var page = client.get("/techniques/T1204.003")) {
                assertThat(page.body().string()).contains("<h2 id=\"related\">Related techniques</h2>")
                        .contains("shares M1045 Code Signing")
                        .contains("Execution: 46 techniques and sub-techniques"); // as attack.mitre.org lists them
            }
        });
    }

    @Test
    void everyFrameworkIsListedWithItsCounts() {
        test((server, client) -> {
            JsonNode frameworks = json(client, "/api/frameworks").get("frameworks");
            List<String> rows = new ArrayList<>();
            frameworks.forEach(f -> rows.add(f.get("key").asText() + " " + f.get("attack_version").asText() + " "
                    + f.get("entries").asInt() + " " + f.get("techniques").asInt() + " " + f.get("mappings").asInt()));
            // A row naming a revoked technique is a mapping of its own beside one naming its successor the same way
            // (their freshness differs): one such pair in Azure, one in CRI Profile, four in VERIS.
            assertThat(rows).containsExactly("nist_800_53 16.1 396 469 5264", "aws 16.1 20 215 487", "azure 16.1 38 411 970",
                    "gcp 16.1 40 290 516", "m365 16.1 38 218 738", "csa_ccm 17.1 57 213 790", "cri_profile 16.1 60 429 2152",
                    "veris 16.1 166 729 1643", "kev 16.1 424 174 1228", "intel-vpro 15.1 6 158 255");
            for (String path : List.of("/frameworks", "/frameworks/aws", "/frameworks/veris/action.social.variety.Evade%20Defenses")) {
                try (Response r = client.get(path)) {
                    assertThat(r.code()).as(path).isEqualTo(200);
                }
            }
        });
    }

    @Test
    void aCveIdFindsItsKevEntryWithTheTechniquesItEnables() {
        test((server, client) -> {
            JsonNode hits = json(client, "/api/search?q=cve-2021-44228&limit=1").get("hits");
            assertThat(hits.at("/0/url").asText()).isEqualTo("/frameworks/kev/CVE-2021-44228");
            JsonNode kev = json(client, "/api/frameworks/kev/CVE-2021-44228");
            List<String> uses = new ArrayList<>();
            kev.get("techniques").forEach(t -> uses.add(t.get("technique_id").asText() + " " + t.get("mapping_type").asText()));
            assertThat(uses).containsExactly("T1190 exploitation_technique", "T1486 secondary_impact",
                    "T1496 secondary_impact", "T1505.003 secondary_impact", "T1608.001 secondary_impact");
            for (var query : Map.of("binary+authorization", "binary_authorization", "guardduty", "amazon_guardduty",
                    "conditional+access", "EID-CA-E3").entrySet()) {
                assertThat(json(client, "/api/search?limit=1&q=" + query.getKey()).at("/hits/0/id").asText())
                        .as(query.getKey()).isEqualTo(query.getValue());
            }
        });
    }

    private static JsonNode json(HttpClient client, String path) throws IOException {
        try (Response r = client.get(path)) {
            return Json.MAPPER.readTree(r.body().string());
        }
    }
}
