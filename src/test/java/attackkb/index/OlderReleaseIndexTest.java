package attackkb.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import attackkb.Fixtures;
import attackkb.Json;
import attackkb.generation.DocTable;
import attackkb.generation.IndexGeneration;
import attackkb.urls.Links;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index an older release gets inside the generation: written by the same builder as the current one, its
 * own names and text, and in each hit record what became of the object in the current release.
 */
class OlderReleaseIndexTest {
    @TempDir
    Path tmp;

    @Test
    void eachOlderReleaseHeldGetsASearchIndexOfItsOwnInTheGeneration() throws IOException {
        List<String> log = new ArrayList<>();
        var store = new IndexStore(tmp.resolve("index"));
        Fixtures.build(store, List.of(Fixtures.releases().toString()), log);
        Path generation = store.current();

        assertThat(store.manifest().releases()).containsExactly("18.1", "19.0");
        assertThat(generation.resolve("releases/18.1/manifest.json")).exists();
        assertThat(generation.resolve("releases/19.0")).as("the current release is the generation's own index").doesNotExist();
        IndexManifest older = IndexStore.manifestOf(generation.resolve("releases/18.1"));
        assertThat(older.releases()).containsExactly("18.1");
        assertThat(older.attackVersions()).isEqualTo(Map.of("enterprise-attack", "18.1"));
        assertThat(older.totals()).isEqualTo(Map.of("technique", 4, "tactic", 2));
        assertThat(older.inactive()).isEqualTo(Map.of("technique", 1));
        assertThat(older.documents()).isEqualTo(7);
        assertThat(older.sources()).isEmpty();
        assertThat(older.frameworks()).isEmpty();
        assertThat(log).anyMatch(l -> l.matches("kept ATT&CK 18\\.1 \\(enterprise-attack\\): 7 objects in \\d+ ms"))
                .anyMatch(l -> l.matches("wrote the search index of ATT&CK 18\\.1: 7 documents in \\d+ ms"))
                .contains("current release: ATT&CK 19.0; also held: 18.1");
    }

    @Test
    void eachHitOfAnOlderReleaseSaysWhatBecameOfItsObject() throws IOException {
        var store = Fixtures.indexOfReleases(tmp.resolve("index"));
        try (IndexGeneration older = IndexGeneration.openOlderRelease(store.current(), "18.1")) {
            assertThat(older.olderRelease()).isEqualTo("18.1");
            DocTable table = older.table();
            List<Object[]> hits = new ArrayList<>();
            for (int doc = 0; doc < table.maxDoc(); doc++) {
                HitRecord h = table.hit(doc);
                hits.add(new Object[] {h.id(), h.name(), h.status(), h.current(), table.path(doc)});
            }
            assertThat(hits).extracting(h -> tuple(h)).containsExactlyInAnyOrder(
                    tuple("T1000", "Masquerading", "active", active("T1000", "Masquerading"), "/techniques/T1000"),
                    tuple("T1001", "Impair Logging", "active", active("T1001", "Impair Logging"), "/techniques/T1001"),
                    tuple("T1002", "Command Shell", "active", active("T1002", "Command and Scripting Shell"), "/techniques/T1002"),
                    tuple("T1003", "Process Injection", "active",
                            new HitRecord.Current("revoked", "T1003", "Process Injection", "T1004", "Process Injection"),
                            "/techniques/T1004"),
                    tuple("T1009", "Old Injection", "revoked",
                            new HitRecord.Current("revoked", "T1009", "Old Injection", "T1004", "Process Injection"),
                            "/techniques/T1004"),
                    tuple("TA0002", "Execution", "active", active("TA0002", "Execution"), "/tactics/TA0002"),
                    tuple("TA0005", "Defense Evasion", "active", active("TA0005", "Stealth"), "/tactics/TA0005"));
            assertThat(table.tacticNames()).isEqualTo(Map.of("execution", "Execution", "defense-evasion", "Defense Evasion"));
            assertThat(older.searcher().getIndexReader().leaves().get(0).reader().getFieldInfos().fieldInfo(IndexSchema.SOURCE))
                    .as("no stored records: only the current release's pages read them").isNull();
        }
    }

    @Test
    void anObjectNoLongerInTheCurrentReleaseLeadsNowhere() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.copy(Fixtures.releases().resolve("enterprise-attack-18.1.json"), data.resolve("enterprise-attack-18.1.json"));
        ObjectNode current = (ObjectNode) Json.MAPPER.readTree(Fixtures.releases().resolve("enterprise-attack-19.0.json").toFile());
        Iterator<JsonNode> objects = ((ArrayNode) current.get("objects")).elements();
        while (objects.hasNext()) {
            if ("Masquerading".equals(objects.next().path("name").asText())) objects.remove();
        }
        Json.MAPPER.writeValue(data.resolve("enterprise-attack-19.0.json").toFile(), current);

        var store = new IndexStore(tmp.resolve("index"));
        Fixtures.build(store, List.of(data.toString()), new ArrayList<>());
        try (IndexGeneration older = IndexGeneration.openOlderRelease(store.current(), "18.1")) {
            DocTable table = older.table();
            int doc = 0;
            while (!"T1000".equals(table.hit(doc).id())) doc++;
            assertThat(table.hit(doc).current()).isEqualTo(new HitRecord.Current("removed", null, null, null, null));
            assertThat(table.hit(doc).current().removed()).isTrue();
            assertThat(table.path(doc)).isNull();
            assertThat(Links.path(table.hit(doc))).isNull();
        }
    }

    @Test
    void aBuildFromWhatWasReadAloneKeepsOlderReleasesAsSnapshotsOnly() throws IOException {
        var store = new IndexStore(tmp.resolve("index"));
        new IndexBuilder(store).build(Fixtures.ingest(List.of(Fixtures.releases().toString()), new ArrayList<>()));
        assertThat(store.manifest().releases()).containsExactly("18.1", "19.0");
        assertThat(store.current().resolve("releases/18.1.json.gz")).exists();
        assertThat(store.current().resolve("releases/18.1")).doesNotExist();
        assertThat(IndexGeneration.holdsOlderRelease(store.current(), "18.1")).isFalse();
    }

    @Test
    void aBuildThatFailsAfterAnOlderReleaseWasHandedOverLeavesNothingOfIt() throws IOException {
        IndexStore store = Fixtures.index(tmp.resolve("index"));
        Path live = store.current();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (IndexBuilder.Build build = new IndexBuilder(store).start(log::add)) {
            Fixtures.ingest(List.of(Fixtures.releases().toString()), new ArrayList<>(), build.olderReleases());
            // The ingest fails here, say: the build is closed without being finished.
        }
        assertThat(store.current()).isEqualTo(live);
        try (var folders = Files.list(tmp.resolve("index"))) {
            assertThat(folders.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")))
                    .containsExactly(live.getFileName().toString());
        }
    }

    private static HitRecord.Current active(String id, String name) {
        return new HitRecord.Current("active", id, name, null, null);
    }
}
