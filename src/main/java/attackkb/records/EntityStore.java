package attackkb.records;

import static attackkb.index.IndexSchema.*;

import attackkb.Json;
import attackkb.generation.DocValuesReader;
import attackkb.generation.GenerationMemo;
import attackkb.generation.IndexGeneration;
import attackkb.index.HitRecord;
import attackkb.model.EntityType;
import attackkb.model.Status;
import attackkb.model.Tactic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Looks entities up by ID in the index, which stores each one's full record: the source of every detail page and
 * API answer. Revoked and deprecated objects are found too (a revoked ID must still answer, with its replacement).
 */
public final class EntityStore {
    private final IndexGeneration index;
    private final Analyzer analyzer = analyzer();
    private final DocValuesReader docValues;
    /** Summaries that depend only on the index, made on first use. */
    private final GenerationMemo memo = new GenerationMemo();
    /** Tactic columns by tactic ID: the matrix and every technique page ask for them. */
    private final Map<String, TacticColumn> columns = new ConcurrentHashMap<>();

    public EntityStore(IndexGeneration index) {
        this.index = index;
        this.docValues = index.docValues();
    }

    /** The stored JSON record of the entity of this type and ID (any case), preferring an active one. */
    public Optional<byte[]> source(EntityType type, String id) {
        return doc(type, id).map(this::sourceOf);
    }

    /** What a search hit shows of the entity of this type and ID: its name and facets, without its whole record. */
    public Optional<HitRecord> hit(EntityType type, String id) {
        return doc(type, id).map(index.table()::hit);
    }

    /** The document of the entity of this type and ID (any case), preferring an active one. */
    private Optional<Integer> doc(EntityType type, String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        Query query = new BooleanQuery.Builder()
                .add(term(ID, id.strip()), Occur.FILTER)
                .add(term(TYPE, type.key()), Occur.FILTER)
                .build();
        return docIds(query).stream()
                .min(Comparator.comparing(doc -> Status.ACTIVE.key().equals(index.table().hit(doc).status()) ? 0 : 1));
    }

    public <T> Optional<T> record(EntityType type, String id, Class<T> recordType) {
        return source(type, id).map(bytes -> read(bytes, recordType));
    }

    /** Every record of one type, in ID order. */
    public <T> List<T> all(EntityType type, Class<T> recordType) {
        try {
            var sort = new Sort(new SortField(ID_SORT, SortField.Type.STRING));
            int max = Math.max(1, index.searcher().getIndexReader().maxDoc());
            TopDocs top = index.searcher().search(term(TYPE, type.key()), max, sort);
            List<T> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) out.add(read(sourceOf(sd.doc), recordType));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every active tactic, per domain in matrix order, with the number of techniques (and sub-techniques) in it. */
    public List<TacticSummary> tactics() {
        return memo.get(TacticSummary.class, this::readTactics);
    }

    private List<TacticSummary> readTactics() {
        List<TacticSummary> out = new ArrayList<>();
        for (int doc : docIds(term(TYPE, EntityType.TACTIC.key()))) {
            Tactic t = read(sourceOf(doc), Tactic.class);
            int count = count(activeTechniquesIn(t));
            out.add(new TacticSummary(t.id(), t.shortname(), t.name(), t.domain(), t.order(), count));
        }
        out.sort(Comparator.comparing(TacticSummary::domain).thenComparingInt(TacticSummary::order));
        return List.copyOf(out);
    }

    /**
     * A tactic by ID ({@code TA0002}) or shortname ({@code execution}, looked up in {@code domain} since the
     * domains share shortnames), with its techniques as the ATT&CK matrix shows them: by name, each with its
     * sub-techniques of the same tactic.
     */
    public Optional<TacticColumn> tactic(String idOrShortname, String domain) {
        Optional<Tactic> tactic = record(EntityType.TACTIC, idOrShortname, Tactic.class);
        if (tactic.isEmpty()) {
            Query byShortname = new BooleanQuery.Builder()
                    .add(term(TYPE, EntityType.TACTIC.key()), Occur.FILTER)
                    .add(term(TACTIC, idOrShortname), Occur.FILTER)
                    .add(term(DOMAIN, domain), Occur.FILTER)
                    .build();
            tactic = docIds(byShortname).stream().map(doc -> read(sourceOf(doc), Tactic.class)).findFirst();
        }
        return tactic.map(t -> columns.computeIfAbsent(t.id(), k -> new TacticColumn(t, techniquesOf(t))));
    }

    private Query activeTechniquesIn(Tactic t) {
        return new BooleanQuery.Builder()
                .add(term(TYPE, EntityType.TECHNIQUE.key()), Occur.FILTER)
                .add(term(STATUS, Status.ACTIVE.key()), Occur.FILTER)
                .add(term(TACTIC, t.shortname()), Occur.FILTER)
                .add(term(DOMAIN, t.domain()), Occur.FILTER)
                .build();
    }

    private List<MatrixTechnique> techniquesOf(Tactic t) {
        List<HitRecord> docs = docIds(activeTechniquesIn(t)).stream().map(index.table()::hit).toList();
        Map<String, HitRecord> parents = new LinkedHashMap<>();
        Map<String, List<MatrixTechnique>> subs = new LinkedHashMap<>();
        List<MatrixTechnique> out = new ArrayList<>();
        for (HitRecord doc : docs) {
            if (doc.parentId() == null) parents.put(doc.id(), doc);
        }
        for (HitRecord doc : docs) {
            if (doc.parentId() == null) continue;
            var sub = new MatrixTechnique(doc.id(), doc.name(), doc.platforms(), List.of());
            if (parents.containsKey(doc.parentId())) subs.computeIfAbsent(doc.parentId(), k -> new ArrayList<>()).add(sub);
            else out.add(sub); // in this tactic while its parent is not: listed on its own
        }
        parents.forEach((id, p) -> out.add(new MatrixTechnique(id, p.name(), p.platforms(),
                subs.getOrDefault(id, List.of()).stream().sorted(Comparator.comparing(MatrixTechnique::id)).toList())));
        out.sort(Comparator.comparing(m -> m.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    private List<Integer> docIds(Query query) {
        return index.docIds(query);
    }

    private byte[] sourceOf(int doc) {
        byte[] bytes = docValues.bytes(SOURCE, doc);
        if (bytes == null) throw new IllegalStateException("document " + doc + " has no record");
        return bytes;
    }

    private int count(Query query) {
        try {
            return index.searcher().count(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query term(String field, String value) {
        return new TermQuery(new Term(field, analyzer.normalize(field, value)));
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tactic in the list of tactics. */
    public record TacticSummary(String id, String shortname, String name, String domain, int order, int techniqueCount) {}

    /** A tactic and its techniques in matrix order. */
    public record TacticColumn(Tactic tactic, List<MatrixTechnique> techniques) {}

    /** A technique in a tactic's column, with its platforms and its sub-techniques of that tactic. */
    public record MatrixTechnique(String id, String name, List<String> platforms, List<MatrixTechnique> subtechniques) {}
}
