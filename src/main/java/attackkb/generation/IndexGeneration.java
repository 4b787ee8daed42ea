package attackkb.generation;

import static attackkb.index.IndexSchema.*;

import attackkb.BadInputException;
import attackkb.index.IndexBuilder;
import attackkb.index.IndexManifest;
import attackkb.index.IndexStore;
import attackkb.index.SnippetOffsets;
import attackkb.index.SnippetTexts;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One opened index generation and everything derived from it once rather than per request: the searcher, the
 * {@link DocTable} (hit records, ID order, facet ordinals and their labels), the term lookups and the manifest. The
 * same for the search index of an older release that a generation holds.
 */
public final class IndexGeneration implements Closeable {
    private final Path generation;
    /** The older release this is the index of, or null for a generation's own (current) index. */
    private final String olderRelease;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final IndexManifest manifest;
    private final DocValuesReader docValues;
    private final SnippetTexts snippetTexts;
    private final SnippetOffsets snippetOffsets;
    private final DocTable table;
    private final TermLookups terms;

    private IndexGeneration(Path generation, IndexManifest manifest, String olderRelease) throws IOException {
        this.generation = generation;
        this.olderRelease = olderRelease;
        this.manifest = manifest;
        this.directory = FSDirectory.open(generation);
        try {
            this.reader = DirectoryReader.open(directory);
        } catch (IndexNotFoundException e) {
            directory.close();
            throw new BadInputException(generation + ": not a Lucene index; rebuild with 'index'", e);
        }
        this.searcher = new IndexSearcher(reader);
        this.docValues = new DocValuesReader(reader);
        try {
            this.snippetTexts = SnippetTexts.open(directory, reader.maxDoc());
        } catch (IOException | RuntimeException e) {
            reader.close();
            directory.close();
            throw e;
        }
        try {
            this.snippetOffsets = SnippetOffsets.open(directory);
        } catch (IOException | RuntimeException e) {
            snippetTexts.close();
            reader.close();
            directory.close();
            throw e;
        }
        this.terms = new TermLookups(searcher);
        this.table = new DocTable(reader, docValues, new DefaultSortedSetDocValuesReaderState(reader, facetsConfig()));
    }

    public static IndexGeneration open(IndexStore store) {
        IndexManifest manifest = store.manifest();
        try {
            return new IndexGeneration(store.current(), manifest, null);
        } catch (IOException e) {
            throw new BadInputException(store.root() + ": index cannot be opened (" + e.getMessage() + ")", e);
        }
    }

    /** The search index of older release {@code version} that {@code generation} holds. */
    public static IndexGeneration openOlderRelease(Path generation, String version) {
        Path folder = IndexBuilder.releaseFolder(generation, version);
        try {
            return new IndexGeneration(folder, IndexStore.manifestOf(folder), version);
        } catch (IOException e) {
            throw new BadInputException(folder + ": index cannot be opened (" + e.getMessage() + ")", e);
        }
    }

    /** Whether {@code generation} holds a search index of older release {@code version}. */
    public static boolean holdsOlderRelease(Path generation, String version) {
        return java.nio.file.Files.isRegularFile(IndexBuilder.releaseFolder(generation, version).resolve(IndexManifest.FILE_NAME));
    }

    /**
     * Every document {@code query} matches, in index order (lookups and listings, not ranked searches). Collected
     * without scores or a priority queue: a top-docs search sized to the whole index would allocate a queue as large
     * as the index for every lookup.
     */
    public List<Integer> docIds(Query query) {
        try {
            return searcher.search(query, new CollectorManager<DocIds, List<Integer>>() {
                @Override
                public DocIds newCollector() {
                    return new DocIds();
                }

                @Override
                public List<Integer> reduce(Collection<DocIds> collectors) {
                    List<Integer> ids = new ArrayList<>();
                    collectors.forEach(c -> ids.addAll(c.ids));
                    ids.sort(null);
                    return ids;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class DocIds extends SimpleCollector {
        final List<Integer> ids = new ArrayList<>();
        private int docBase;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            docBase = context.docBase;
        }

        @Override
        public void collect(int doc) {
            ids.add(docBase + doc);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** The folder of the index: the generation's, or the older release's inside it. */
    public Path generation() {
        return generation;
    }

    /** The older release whose index this is, or null for the current release's. */
    public String olderRelease() {
        return olderRelease;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public IndexManifest manifest() {
        return manifest;
    }

    /** Hit records, ID order and facet ordinals of every document, held in memory for this generation. */
    public DocTable table() {
        return table;
    }

    /** Where the terms searched for live in this generation's dictionaries, remembered. */
    public TermLookups terms() {
        return terms;
    }

    /** The texts snippets are cut from, read by global document number. */
    public SnippetTexts snippetTexts() {
        return snippetTexts;
    }

    /** Where each snippet field's terms occur in each document, by posting number. */
    public SnippetOffsets snippetOffsets() {
        return snippetOffsets;
    }

    /** Doc values read by global document number, with iterators reused per thread. */
    public DocValuesReader docValues() {
        return docValues;
    }

    @Override
    public void close() throws IOException {
        docValues.close();
        snippetTexts.close();
        snippetOffsets.close();
        reader.close();
        directory.close();
    }
}
