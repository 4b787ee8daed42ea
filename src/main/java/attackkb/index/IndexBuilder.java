package attackkb.index;

import attackkb.Json;
import attackkb.ingest.Ingested;
import attackkb.model.Actor;
import attackkb.model.Control;
import attackkb.model.DetectionStrategy;
import attackkb.model.EntityType;
import attackkb.model.KnowledgeBase;
import attackkb.model.Mitigation;
import attackkb.model.Status;
import attackkb.model.Tactic;
import attackkb.model.Technique;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes a knowledge base into a new index generation and publishes it only once it is complete: any failure
 * on the way deletes the half-written generation and leaves the live index as it was.
 */
public final class IndexBuilder {
    private final IndexStore store;

    public IndexBuilder(IndexStore store) {
        this.store = store;
    }

    @SuppressWarnings("try") // the lock is held for the block's duration, never read
    public IndexManifest build(Ingested ingested) throws IOException {
        long started = System.nanoTime();
        try (IndexStore.BuildLock ignored = store.lockForBuild()) {
            Path generation = store.newGeneration();
            try {
                int documents = write(RelatedTechniques.attach(ingested.knowledgeBase()), generation);
                IndexManifest manifest = manifest(ingested, documents, (System.nanoTime() - started) / 1_000_000);
                Json.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValue(generation.resolve(IndexManifest.FILE_NAME).toFile(), manifest);
                store.publish(generation);
            } catch (IOException | RuntimeException | Error e) {
                IndexStore.deleteTree(generation);
                throw e;
            }
            store.deleteStaleGenerations();
            return store.manifest();
        }
    }

    private static int write(KnowledgeBase kb, Path generation) throws IOException {
        var factory = new DocumentFactory();
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.indexAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false)
                // Written once, read by a server that maps the files: separate files avoid copying them all again.
                .setUseCompoundFile(false);
        try (Directory dir = FSDirectory.open(generation); IndexWriter writer = new IndexWriter(dir, config)) {
            for (Technique t : kb.techniques()) add(writer, factory.technique(t), t.id());
            for (Tactic t : kb.tactics()) add(writer, factory.tactic(t), t.id());
            for (Mitigation m : kb.mitigations()) add(writer, factory.mitigation(m), m.id());
            for (DetectionStrategy d : kb.detections()) add(writer, factory.detection(d), d.id());
            for (Actor a : kb.actors()) add(writer, factory.actor(a), a.id());
            for (Control c : kb.controls()) add(writer, factory.control(c), c.id());
            // One segment: the index is written once and then only read, so merge it for the fastest searches.
            writer.forceMerge(1);
            writer.commit();
            return writer.getDocStats().numDocs;
        }
    }

    private static void add(IndexWriter writer, Document doc, String id) throws IOException {
        if (id == null) return; // an object without an ATT&CK ID cannot be linked to or looked up
        writer.addDocument(doc);
    }

    private static IndexManifest manifest(Ingested ingested, int documents, long millis) {
        KnowledgeBase kb = ingested.knowledgeBase();
        var counts = new TreeMap<String, Map<String, Integer>>();
        var totals = new TreeMap<String, Integer>();
        var inactive = new TreeMap<String, Integer>();
        for (Technique t : kb.techniques()) count(counts, totals, inactive, EntityType.TECHNIQUE, t.status(), t.domains());
        for (Tactic t : kb.tactics()) count(counts, totals, inactive, EntityType.TACTIC, Status.ACTIVE, List.of(t.domain()));
        for (Mitigation m : kb.mitigations()) count(counts, totals, inactive, EntityType.MITIGATION, m.status(), m.domains());
        for (DetectionStrategy d : kb.detections()) count(counts, totals, inactive, EntityType.DETECTION, d.status(), d.domains());
        for (Actor a : kb.actors()) count(counts, totals, inactive, a.type(), a.status(), a.domains());
        for (Control c : kb.controls()) count(counts, totals, inactive, EntityType.CONTROL, Status.ACTIVE, List.of());
        return new IndexManifest(IndexSchema.VERSION, Instant.now().toString(), millis, new TreeMap<>(kb.attackVersions()),
                ingested.sources(), counts, totals, inactive, ingested.mappings(), kb.frameworks(), documents);
    }

    private static void count(Map<String, Map<String, Integer>> counts, Map<String, Integer> totals,
            Map<String, Integer> inactive, EntityType type, Status status, List<String> domains) {
        if (status != Status.ACTIVE) {
            inactive.merge(type.key(), 1, Integer::sum);
            return;
        }
        totals.merge(type.key(), 1, Integer::sum);
        for (String domain : domains) {
            counts.computeIfAbsent(domain, d -> new TreeMap<>()).merge(type.key(), 1, Integer::sum);
        }
    }
}
