package attackkb.search;

import static attackkb.index.IndexSchema.*;

import attackkb.BadInputException;
import attackkb.index.HitRecord;
import attackkb.index.IndexManifest;
import attackkb.index.IndexStore;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One opened index generation and everything derived from it once rather than per request: the searcher, the
 * facet state (ordinal maps over the whole reader), the manifest and the tactic labels shown in facets.
 */
public final class OpenIndex implements Closeable {
    private final Path generation;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetsConfig facetsConfig = attackkb.index.IndexSchema.facetsConfig();
    private final IndexManifest manifest;
    private final Map<String, String> tacticLabels;

    private OpenIndex(Path generation, IndexManifest manifest) throws IOException {
        this.generation = generation;
        this.manifest = manifest;
        this.directory = FSDirectory.open(generation);
        try {
            this.reader = DirectoryReader.open(directory);
        } catch (IndexNotFoundException e) {
            directory.close();
            throw new BadInputException(generation + ": not a Lucene index; rebuild with 'index'", e);
        }
        this.searcher = new IndexSearcher(reader);
        this.facetState = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        this.tacticLabels = readTacticLabels();
    }

    public static OpenIndex open(IndexStore store) {
        IndexManifest manifest = store.manifest();
        try {
            return new OpenIndex(store.current(), manifest);
        } catch (IOException e) {
            throw new BadInputException(store.root() + ": index cannot be opened (" + e.getMessage() + ")", e);
        }
    }

    /** Tactic shortnames to names, for facet labels; read from the tactic documents themselves. */
    private Map<String, String> readTacticLabels() throws IOException {
        Map<String, String> labels = new HashMap<>();
        var docValues = new DocValuesReader(reader);
        for (int doc : docIds(new TermQuery(new Term(TYPE, "tactic")))) {
            HitRecord hit = docValues.hit(doc);
            if (!hit.tactics().isEmpty()) labels.putIfAbsent(hit.tactics().get(0), hit.name());
        }
        return Map.copyOf(labels);
    }

    /** Every document {@code query} matches, in index order (lookups and listings, not ranked searches). */
    List<Integer> docIds(Query query) {
        try {
            TopDocs top = searcher.search(query, Math.max(1, reader.maxDoc()));
            List<Integer> ids = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) ids.add(sd.doc);
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path generation() {
        return generation;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    public FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    public IndexManifest manifest() {
        return manifest;
    }

    public String label(String dimension, String value) {
        return TACTIC.equals(dimension) ? tacticLabels.getOrDefault(value, value) : value;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
