package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import attackkb.Fixtures;
import attackkb.Json;
import attackkb.RealData;
import attackkb.index.IndexBuilder;
import attackkb.index.IndexManifest;
import attackkb.index.IndexStore;
import attackkb.mapping.MappingReport;
import attackkb.search.LiveIndex;
import attackkb.web.WebApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CTID SP 800-53 mapping, descriptions and OSCAL catalog, over the real 18.1 bundles. */
class RealControlMappingTest {
    @TempDir
    static Path root;

    static IndexManifest manifest;
    static LiveIndex live;

    @BeforeAll
    static void build() throws IOException {
        RealData.attack();
        Path mappings = RealData.root().resolve("mappings");
        assumeTrue(Files.isDirectory(mappings), "skipped: no mappings folder under " + RealData.root());
        IndexStore store = new IndexStore(root.resolve("index"));
        manifest = new IndexBuilder(store).build(Fixtures.ingest(List.of(RealData.root().toString()), new ArrayList<>()));
        live = LiveIndex.open(store);
    }

    @AfterAll
    static void close() throws IOException {
        if (live != null) live.close();
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
        // Rows without a mapping type or technique (GCP, VERIS) are counted, never fatal.
        assertThat(manifest.mappings()).extracting(MappingReport::framework)
                .contains("aws", "azure", "gcp", "m365", "csa_ccm", "cri_profile", "veris", "kev", "intel-vpro", "nist_800_53");
        for (MappingReport m : manifest.mappings()) {
            assertThat(m.mapped() + m.unresolved() + m.nonMappable() + m.incomplete()).as(m.origin()).isEqualTo(m.rows());
        }
    }

    @Test
    void maliciousImageHasSixteenControlsAndAc4ListsIt() {
        JavalinTest.test(WebApp.create(() -> live), (server, client) -> {
            JsonNode t;
            try (Response r = client.get("/api/techniques/T1204.003")) {
                t = Json.MAPPER.readTree(r.body().string());
            }
            List<String> ids = new ArrayList<>();
            t.get("controls").forEach(c -> ids.add(c.get("id").asText()));
            assertThat(ids).hasSize(16).contains("AC-4", "CA-7", "CM-2", "CM-6");
            t.get("controls").forEach(c -> {
                assertThat(c.get("mapping_type").asText()).isEqualTo("mitigates");
                assertThat(c.at("/source/label").asText()).isEqualTo("via ctid-attack-to-sp800-53");
            });
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
}
