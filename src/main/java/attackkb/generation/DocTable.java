package attackkb.generation;

import static attackkb.index.IndexSchema.*;

import attackkb.index.HitRecord;
import attackkb.mapping.FrameworkNames;
import attackkb.model.EntityType;
import attackkb.model.Status;
import attackkb.urls.Links;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * What a search needs of every document, read once per index generation and held in arrays: its hit record, its
 * place in ID order, and its facet values as ordinals. The index has a few thousand documents, so this is a few
 * megabytes, and it turns facet counting, sorting and hit building into array reads instead of doc-values
 * decoding and JSON parsing on every request.
 */
public final class DocTable {
    /** The facet dimensions, in {@link attackkb.index.IndexSchema#FACETS} order; a dimension's index is its bit. */
    public static final List<String> DIMENSIONS = FACETS;
    /**
     * Dimensions counted only when one of their values is selected: controls are a long list (up to 50 per
     * technique) that the pages show only then, and counting them on every search was a large share of its work.
     */
    public static final int ON_SELECTION = 1 << DIMENSIONS.indexOf(CONTROL);

    private final HitRecord[] hits;
    /** Each hit's page ({@link Links#path(HitRecord)}), made once: percent-encoding IDs on every result cost. */
    private final String[] paths;
    private final boolean[] active;
    private final int[] idRank;
    /** Each document's rank by name (case-insensitive), then ID: the order of "sort by name". */
    private final int[] nameRank;
    private final int[] docAtIdRank;
    /**
     * Facet ordinals of doc d are {@code docOrds[docOrdStart[d] .. docOrdStart[d + 1])}, those of the
     * {@link #ON_SELECTION} dimensions last, from {@code docOrdOnSelection[d]}.
     */
    private final int[] docOrdStart;
    private final int[] docOrdOnSelection;
    private final int[] docOrds;
    private final int[] ordDimension;
    private final String[] ordValue;
    private final String[] ordLabel;
    private final List<Map<String, Integer>> ordByValue;
    /** Tactic shortnames to names, as this index's tactics have them. */
    private final Map<String, String> tacticNames;

    DocTable(IndexReader reader, DocValuesReader docValues, SortedSetDocValuesReaderState facetState)
            throws IOException {
        int maxDoc = reader.maxDoc();
        hits = new HitRecord[maxDoc];
        paths = new String[maxDoc];
        active = new boolean[maxDoc];
        for (int doc = 0; doc < maxDoc; doc++) {
            hits[doc] = docValues.hit(doc);
            paths[doc] = Links.path(hits[doc]);
            active[doc] = Status.ACTIVE.key().equals(hits[doc].status());
        }
        Map<String, String> tacticLabels = tacticLabels(hits);
        tacticNames = Map.copyOf(tacticLabels);
        idRank = idRanks(reader);
        docAtIdRank = new int[maxDoc];
        for (int doc = 0; doc < maxDoc; doc++) docAtIdRank[idRank[doc]] = doc;
        Integer[] byName = new Integer[maxDoc];
        for (int doc = 0; doc < maxDoc; doc++) byName[doc] = doc;
        Arrays.sort(byName, java.util.Comparator.comparing((Integer d) -> hits[d].name() == null ? "" : hits[d].name().toLowerCase(java.util.Locale.ROOT))
                .thenComparingInt(d -> idRank[d]));
        nameRank = new int[maxDoc];
        for (int i = 0; i < maxDoc; i++) nameRank[byName[i]] = i;

        SortedSetDocValues values = facetState.getDocValues();
        int valueCount = (int) values.getValueCount();
        ordDimension = new int[valueCount];
        ordValue = new String[valueCount];
        ordLabel = new String[valueCount];
        Arrays.fill(ordDimension, -1);
        ordByValue = DIMENSIONS.stream().map(d -> (Map<String, Integer>) new HashMap<String, Integer>()).toList();
        for (int ord = 0; ord < valueCount; ord++) {
            String[] path = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
            int dim = DIMENSIONS.indexOf(path[0]);
            if (dim < 0 || path.length != 2) continue;
            ordDimension[ord] = dim;
            ordValue[ord] = path[1];
            ordLabel[ord] = switch (path[0]) {
                case TACTIC -> tacticLabels.getOrDefault(path[1], path[1]);
                case FRAMEWORK -> FrameworkNames.name(path[1]);
                case DOMAIN -> attackkb.model.Domains.label(path[1]);
                case TYPE -> EntityType.fromKey(path[1]).map(EntityType::label).orElse(path[1]);
                default -> path[1];
            };
            ordByValue.get(dim).put(path[1], ord);
        }

        docOrdStart = new int[maxDoc + 1];
        docOrdOnSelection = new int[maxDoc];
        int[] ords = new int[maxDoc * 4];
        int[] later = new int[64];
        int n = 0;
        values = facetState.getDocValues(); // a fresh iterator: the first one was only used for lookups
        for (int doc = 0; doc < maxDoc; doc++) {
            docOrdStart[doc] = n;
            docOrdOnSelection[doc] = n;
            if (values.docID() < doc) values.advance(doc);
            if (values.docID() != doc) continue;
            int deferred = 0;
            for (int i = 0; i < values.docValueCount(); i++) {
                int ord = (int) values.nextOrd();
                if (ordDimension[ord] < 0) continue;
                if (n + deferred + 1 >= ords.length) ords = Arrays.copyOf(ords, ords.length * 2);
                if ((1 << ordDimension[ord] & ON_SELECTION) != 0) {
                    if (deferred == later.length) later = Arrays.copyOf(later, deferred * 2);
                    later[deferred++] = ord;
                } else {
                    ords[n++] = ord;
                }
            }
            docOrdOnSelection[doc] = n;
            System.arraycopy(later, 0, ords, n, deferred);
            n += deferred;
        }
        docOrdStart[maxDoc] = n;
        docOrds = Arrays.copyOf(ords, n);
    }

    /** Tactic shortnames to names, for facet labels, from the tactics' own hit records. */
    private static Map<String, String> tacticLabels(HitRecord[] hits) {
        Map<String, String> labels = new HashMap<>();
        for (HitRecord hit : hits) {
            if (EntityType.TACTIC.key().equals(hit.type()) && !hit.tactics().isEmpty()) {
                labels.putIfAbsent(hit.tactics().get(0), hit.name());
            }
        }
        return labels;
    }

    /** Each document's rank in ID order, ties (and documents without an ID, last) in document order. */
    private static int[] idRanks(IndexReader reader) throws IOException {
        int maxDoc = reader.maxDoc();
        SortedDocValues ids = MultiDocValues.getSortedValues(reader, ID_SORT);
        long[] keys = new long[maxDoc];
        for (int doc = 0; doc < maxDoc; doc++) {
            long ord = Integer.MAX_VALUE;
            if (ids != null && ids.advanceExact(doc)) ord = ids.ordValue();
            keys[doc] = ord << 32 | doc;
        }
        Arrays.sort(keys);
        int[] rank = new int[maxDoc];
        for (int i = 0; i < maxDoc; i++) rank[(int) keys[i]] = i;
        return rank;
    }

    public int maxDoc() {
        return hits.length;
    }

    /** Tactic shortnames to the names this index's tactics have ("defense-evasion" is "Defense Evasion"). */
    public Map<String, String> tacticNames() {
        return tacticNames;
    }

    public HitRecord hit(int doc) {
        return hits[doc];
    }

    public String path(int doc) {
        return paths[doc];
    }

    /**
     * Whether each document is an active object (not revoked or deprecated): the only ones searches find. Not to be
     * changed.
     */
    public boolean[] activeDocs() {
        return active;
    }

    public int idRank(int doc) {
        return idRank[doc];
    }

    public int nameRank(int doc) {
        return nameRank[doc];
    }

    public int docAtIdRank(int rank) {
        return docAtIdRank[rank];
    }

    public int ordinalCount() {
        return ordValue.length;
    }

    public int ordStart(int doc) {
        return docOrdStart[doc];
    }

    public int ordEnd(int doc) {
        return docOrdStart[doc + 1];
    }

    /** Where the doc's ordinals of the {@link #ON_SELECTION} dimensions start (its end of the others). */
    public int ordOnSelection(int doc) {
        return docOrdOnSelection[doc];
    }

    public int ord(int i) {
        return docOrds[i];
    }

    public int dimension(int ord) {
        return ordDimension[ord];
    }

    public String value(int ord) {
        return ordValue[ord];
    }

    public String label(int ord) {
        return ordLabel[ord];
    }

    /** The ordinal of {@code value} in facet dimension {@code dim}, or -1 if no document has it. */
    public int ord(int dim, String value) {
        return ordByValue.get(dim).getOrDefault(value, -1);
    }
}
