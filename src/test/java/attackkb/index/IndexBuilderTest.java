package attackkb.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.Fixtures;
import attackkb.ingest.Ingested;
import attackkb.model.KnowledgeBase;
import attackkb.model.Technique;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuilderTest {
    @TempDir
    Path root;

    @Test
    void writesAManifestWithVersionsSourcesAndCountsPerDomainAndType() throws Exception {
        IndexManifest manifest = Fixtures.index(root).manifest();

        assertThat(manifest.schemaVersion()).isEqualTo(IndexSchema.VERSION);
        assertThat(manifest.attackVersions()).isEqualTo(Map.of("enterprise-attack", "18.1", "mobile-attack", "18.1"));
        assertThat(manifest.sources()).hasSize(2);
        var enterprise = manifest.sources().get(0);
        assertThat(enterprise.origin()).endsWith("enterprise-mini.json");
        assertThat(enterprise.sha256()).isEqualTo(sha256(Fixtures.enterprise()));
        assertThat(enterprise.objects()).isEqualTo(36);

        assertThat(manifest.counts().get("enterprise-attack")).containsAllEntriesOf(Map.of(
                "technique", 5, "tactic", 2, "mitigation", 2, "detection", 1, "group", 1, "software", 1, "campaign", 1));
        assertThat(manifest.counts().get("mobile-attack"))
                .isEqualTo(Map.of("technique", 1, "tactic", 1, "software", 1));
        assertThat(manifest.totals()).containsEntry("technique", 6).containsEntry("software", 1);
        assertThat(manifest.inactive()).isEqualTo(Map.of("technique", 2, "mitigation", 1));
        // 8 techniques + 3 tactics + 3 mitigations + 1 detection + 3 actors
        assertThat(manifest.documents()).isEqualTo(18);
        assertThat(manifest.builtAt()).isNotBlank();
    }

    @Test
    void publishesEachBuildAsANewGenerationAndDeletesTheOldOne() throws Exception {
        IndexStore store = Fixtures.index(root);
        Path first = store.current();
        assertThat(Files.readString(root.resolve("CURRENT")).strip()).isEqualTo(first.getFileName().toString());
        assertThat(first.resolve(IndexManifest.FILE_NAME)).exists();

        Fixtures.index(root);
        Path second = store.current();
        assertThat(second).isNotEqualTo(first);
        assertThat(first).doesNotExist();
        assertThat(generations()).containsExactly(second.getFileName().toString());
    }

    @Test
    void aBuildThatFailsHalfwayLeavesThePreviousIndexLiveAndNoDebris() throws Exception {
        IndexStore store = Fixtures.index(root);
        Path live = store.current();
        IndexManifest before = store.manifest();

        // A technique without a status cannot be indexed: the build fails while writing documents.
        Ingested good = Fixtures.ingest(List.of(Fixtures.enterprise().toString()), new ArrayList<>());
        KnowledgeBase kb = good.knowledgeBase();
        Technique t = kb.techniques().get(0);
        Technique broken = new Technique(t.id(), t.name(), t.description(), null, null, t.domains(), t.tactics(),
                t.platforms(), t.subtechnique(), t.parent(), t.subtechniques(), t.mitigations(),
                t.detections(), t.dataComponents(), t.procedures(), t.assets(), t.controls(), t.controlMapping(), t.attackUrl(), t.version(), t.created(),
                t.modified(), t.references(), t.stixId(), t.related());
        var badKb = new KnowledgeBase(kb.attackVersions(), List.of(broken), kb.tactics(), kb.mitigations(),
                kb.detections(), kb.actors(), kb.controls(), kb.frameworks());
        assertThatThrownBy(() -> new IndexBuilder(store).build(new Ingested(badKb, good.sources(), List.of(), good.releases())))
                .isInstanceOf(NullPointerException.class);

        assertThat(store.current()).isEqualTo(live);
        assertThat(store.manifest()).isEqualTo(before);
        assertThat(generations()).containsExactly(live.getFileName().toString());
    }

    private List<String> generations() throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")).toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
