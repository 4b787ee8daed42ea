package attackkb.generation;

import attackkb.Json;
import attackkb.index.HitRecord;
import attackkb.index.IndexSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * Reads the per-document values the index keeps in binary doc values (full records, hit records)
 * by global document number.
 *
 * <p>Each thread keeps its own iterator per field and segment and reuses it while reads move forward: a new
 * iterator allocates a buffer as large as the field's largest value (hundreds of kilobytes for records), which
 * made every detail page allocate that much. Doc values iterators only move forward, so a read
 * behind the last one starts a new iterator.
 */
public final class DocValuesReader implements Closeable {
    private final IndexReader reader;
    /**
     * Each thread's iterators, whose values are valid until the thread's next read of the field: read only here, and
     * copied or parsed before anything returns, so none leaves this class or its thread.
     */
    private final CloseableThreadLocal<Map<String, BinaryDocValues[]>> iterators = new CloseableThreadLocal<>() {
        @Override
        protected Map<String, BinaryDocValues[]> initialValue() {
            return new HashMap<>();
        }
    };

    DocValuesReader(IndexReader reader) {
        this.reader = reader;
    }

    /** The bytes of {@code field} for {@code doc}, as an array of their own, or null if the document has none. */
    public byte[] bytes(String field, int doc) {
        BytesRef b = value(field, doc);
        return b == null ? null : Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
    }

    /** The value of {@code field} for {@code doc} in this thread's iterator, or null: valid until its next read. */
    private BytesRef value(String field, int doc) {
        try {
            List<LeafReaderContext> leaves = reader.leaves();
            int leafIndex = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext leaf = leaves.get(leafIndex);
            int target = doc - leaf.docBase;
            BinaryDocValues[] perLeaf = iterators.get().computeIfAbsent(field, f -> new BinaryDocValues[leaves.size()]);
            BinaryDocValues values = perLeaf[leafIndex];
            if (values == null || values.docID() > target) {
                values = DocValues.getBinary(leaf.reader(), field);
                perLeaf[leafIndex] = values;
            }
            return values.advanceExact(target) ? values.binaryValue() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HitRecord hit(int doc) {
        BytesRef b = value(IndexSchema.HIT, doc);
        if (b == null) throw new IllegalStateException("document " + doc + " has no hit record");
        try {
            return Json.MAPPER.readValue(b.bytes, b.offset, b.length, HitRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases every thread's iterators; called when the index generation closes. */
    @Override
    public void close() {
        iterators.close();
    }
}
