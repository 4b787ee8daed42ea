package attackkb.index;

import attackkb.Json;
import attackkb.ingest.Ingested;
import attackkb.ingest.OlderReleases;
import attackkb.ingest.SourceRecord;
import attackkb.mapping.MappingReport;
import attackkb.model.Actor;
import attackkb.model.Control;
import attackkb.model.DetectionStrategy;
import attackkb.model.EntityType;
import attackkb.model.KnowledgeBase;
import attackkb.model.Mitigation;
import attackkb.model.Status;
import attackkb.model.Tactic;
import attackkb.model.Technique;
import attackkb.releases.ReleaseFiles;
import attackkb.releases.ReleaseOrder;
import attackkb.releases.ReleaseSnapshot;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes a knowledge base into a new index generation and publishes it only once it is complete: any failure
 * on the way deletes the half-written generation and leaves the live index as it was. Beside the current release's
 * index, a generation holds a search index of each older release it keeps, in {@code releases/<version>/}.
 */
public final class IndexBuilder {
    /**
     * Lucene's buffer for an older release's documents: they are written beside the rest of the build, while the
     * current release is in memory, and are fewer and smaller (no stored records, no framework entries).
     */
    private static final double OLDER_RELEASE_BUFFER_MB = 16;
    private static final double BUFFER_MB = 64;

    private final IndexStore store;

    public IndexBuilder(IndexStore store) {
        this.store = store;
    }

    /** Builds and publishes the index of what has been read; older releases get no search index of their own. */
    public IndexManifest build(Ingested ingested) throws IOException {
        try (Build build = start(line -> {})) {
            return build.finish(ingested);
        }
    }

    /**
     * Starts a build: takes the folder's build lock and makes the new generation, into which older releases are
     * written as the ingest assembles each ({@link Build#olderReleases()}); {@link Build#finish} publishes it.
     *
     * @param log where each older release's index says it is written
     */
    public Build start(Consumer<String> log) throws IOException {
        IndexStore.BuildLock lock = store.lockForBuild();
        try {
            return new Build(lock, store.newGeneration(), log);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * A build under way: closed without {@link #finish}, it deletes what it wrote and lets go of the lock. Older
     * releases are written on a thread of their own, one after the other, while the ingest goes on (assembling the next
     * release, linking the mappings) and the current release is written: a second processor does them.
     */
    public final class Build implements AutoCloseable {
        private final IndexStore.BuildLock lock;
        private final Path generation;
        private final Consumer<String> log;
        private final long started = System.nanoTime();
        private final ExecutorService olderWriter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "older-release-writer");
            t.setDaemon(true);
            return t;
        });
        private final List<Future<?>> olderWrites = new ArrayList<>();
        private boolean published;

        private Build(IndexStore.BuildLock lock, Path generation, Consumer<String> log) {
            this.lock = lock;
            this.generation = generation;
            this.log = log;
        }

        /**
         * Writes each older release, as it is assembled, into a search index of its own. One is written at a time, and
         * the next is handed over only when it is done: the ingest waits, holding the next one's objects, so at most two
         * older releases are in memory beside the current one, however many are read. A failed write stops the build.
         */
        public OlderReleases olderReleases() {
            return (version, kb, current) -> {
                // Its name becomes a folder: only a release number such as 16.1 can be one.
                if (!ReleaseOrder.isRelease(version)) return;
                awaitOlderWrites();
                olderWrites.add(olderWriter.submit(() -> {
                    writeOlder(version, kb, current);
                    return null;
                }));
            };
        }

        private void writeOlder(String version, KnowledgeBase kb, ReleaseSnapshot current) throws IOException {
            long writing = System.nanoTime();
            Path folder = Files.createDirectories(releaseFolder(generation, version));
            int documents = write(kb, DocumentFactory.olderRelease(current), folder, OLDER_RELEASE_BUFFER_MB);
            long millis = (System.nanoTime() - writing) / 1_000_000;
            writeManifest(folder, manifest(kb, List.of(), List.of(), List.of(version), documents, millis));
            log.accept(String.format("wrote the search index of ATT&CK %s: %,d documents in %d ms", version, documents, millis));
        }

        /** Writes the current release, waits for the older ones, publishes the generation and deletes the ones before it. */
        public IndexManifest finish(Ingested ingested) throws IOException {
            int documents = write(RelatedTechniques.attach(ingested.knowledgeBase()),
                    new DocumentFactory(ingested.releases().formerNames()), generation, BUFFER_MB);
            ReleaseFiles.write(generation, ingested.releases().releases());
            awaitOlderWrites();
            writeManifest(generation, manifest(ingested.knowledgeBase(), ingested.sources(), ingested.mappings(),
                    ingested.releases().versions(), documents, (System.nanoTime() - started) / 1_000_000));
            store.publish(generation);
            published = true;
            store.deleteStaleGenerations();
            return store.manifest();
        }

        private void awaitOlderWrites() throws IOException {
            for (Future<?> write : olderWrites) awaitOlderWrite(write);
        }

        /** Waits for one older release's writing, and fails as it failed. */
        private static void awaitOlderWrite(Future<?> write) throws IOException {
            try {
                write.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while older releases were written");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                if (e.getCause() instanceof Error error) throw error;
                throw new IOException(e.getCause());
            }
        }

        @Override
        public void close() throws IOException {
            try {
                // A failed build stops its older releases' writing before it deletes what they wrote.
                olderWriter.shutdownNow();
                try {
                    olderWriter.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (!published) IndexStore.deleteTree(generation);
            } finally {
                lock.close();
            }
        }
    }

    /** Where a generation keeps the search index of older release {@code version}. */
    public static Path releaseFolder(Path generation, String version) {
        return generation.resolve(ReleaseFiles.FOLDER).resolve(version);
    }

    private static void writeManifest(Path folder, IndexManifest manifest) throws IOException {
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(IndexManifest.FILE_NAME).toFile(), manifest);
    }

    private static int write(KnowledgeBase kb, DocumentFactory factory, Path generation, double bufferMb)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.indexAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(bufferMb)
                .setCommitOnClose(false)
                // Merges only neighbouring segments, so documents keep the order they were added in: the snippet
                // texts are written in that order.
                .setMergePolicy(new LogByteSizeMergePolicy())
                // Written once, read by a server that maps the files: separate files avoid copying them all again.
                .setUseCompoundFile(false);
        try (Directory dir = FSDirectory.open(generation); IndexWriter writer = new IndexWriter(dir, config)) {
            var added = new Added(writer);
            for (Technique t : kb.techniques()) added.add(factory.technique(t), t.id());
            for (Tactic t : kb.tactics()) added.add(factory.tactic(t), t.id());
            for (Mitigation m : kb.mitigations()) added.add(factory.mitigation(m), m.id());
            for (DetectionStrategy d : kb.detections()) added.add(factory.detection(d), d.id());
            for (Actor a : kb.actors()) added.add(factory.actor(a), a.id());
            for (Control c : kb.controls()) added.add(factory.control(c), c.id());
            // One segment: the index is written once and then only read, so merge it for the fastest searches.
            writer.forceMerge(1);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                added.checkOrder(reader);
                SnippetTexts.write(dir, added.texts);
                SnippetOffsets.write(dir, reader);
            }
            return writer.getDocStats().numDocs;
        }
    }

    /** The documents added so far: their IDs and snippet texts, in the order they were added. */
    private static final class Added {
        private final IndexWriter writer;
        private final List<String> ids = new ArrayList<>();
        private final List<String[]> texts = new ArrayList<>();

        Added(IndexWriter writer) {
            this.writer = writer;
        }

        void add(Document doc, String id) throws IOException {
            if (id == null) return; // an object without an ATT&CK ID cannot be linked to or looked up
            writer.addDocument(doc);
            ids.add(id);
            texts.add(IndexSchema.SNIPPET_FIELDS.stream().map(doc::get).toArray(String[]::new));
        }

        /** Fails if the committed index does not hold the documents in the order they were added. */
        void checkOrder(DirectoryReader reader) throws IOException {
            SortedDocValues values = MultiDocValues.getSortedValues(reader, IndexSchema.ID_SORT);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                String id = values != null && values.advanceExact(doc) ? values.lookupOrd(values.ordValue())
                        .utf8ToString() : null;
                if (reader.maxDoc() != ids.size() || !ids.get(doc).equals(id)) {
                    throw new IllegalStateException("document " + doc + " is " + id + ", added as "
                            + (doc < ids.size() ? ids.get(doc) : "nothing"));
                }
            }
        }
    }

    private static IndexManifest manifest(KnowledgeBase kb, List<SourceRecord> sources, List<MappingReport> mappings,
            List<String> releases, int documents, long millis) {
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
                sources, counts, totals, inactive, mappings, kb.frameworks(), documents, releases);
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
