package attackkb.search;

import attackkb.Json;
import attackkb.index.HitRecord;
import attackkb.index.IndexSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Reads the per-document values the index keeps in binary doc values (snippet texts, full records, hit records)
 * by global document number.
 *
 * <p>Each thread keeps its own iterator per field and segment and reuses it while reads move forward: a new
 * iterator allocates a buffer as large as the field's largest value (hundreds of kilobytes for records), which
 * made every detail page and snippet allocate that much. Doc values iterators only move forward, so a read
 * behind the last one starts a new iterator.
 */
final class DocValuesReader implements Closeable {
    private final IndexReader reader;
    private final CloseableThreadLocal<Map<String, BinaryDocValues[]>> iterators = new CloseableThreadLocal<>() {
        @Override
        protected Map<String, BinaryDocValues[]> initialValue() {
            return new HashMap<>();
        }
    };

    DocValuesReader(IndexReader reader) {
        this.reader = reader;
    }

    /**
     * The raw bytes of {@code field} for {@code doc}, or null if the document has none. The bytes are only valid
     * until this thread's next read of the same field.
     */
    BytesRef bytes(String field, int doc) {
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

    /**
     * Decodes the start of the text of {@code field} for {@code doc} into {@code into}: at most {@code maxChars}
     * characters (at most its length), decoding no more than those need. Returns how many, or -1 if the document has
     * no such text. Snippets read up to twenty texts per search: a String and a char array of each were a fifth of
     * all a search allocated.
     */
    int text(String field, int doc, char[] into, int maxChars) {
        BytesRef b = bytes(field, doc);
        if (b == null) return -1;
        byte[] bytes = b.bytes;
        int at = b.offset;
        int end = b.offset + b.length;
        int max = Math.min(maxChars, into.length);
        int n = 0;
        // The index holds UTF-8 that Lucene encoded from Java strings: always well-formed.
        while (at < end && n < max) {
            int c = bytes[at] & 0xff;
            if (c < 0x80) {
                into[n++] = (char) c;
                at++;
            } else if (c < 0xe0) {
                into[n++] = (char) ((c & 0x1f) << 6 | bytes[at + 1] & 0x3f);
                at += 2;
            } else if (c < 0xf0) {
                into[n++] = (char) ((c & 0x0f) << 12 | (bytes[at + 1] & 0x3f) << 6 | bytes[at + 2] & 0x3f);
                at += 3;
            } else {
                int codePoint = (c & 0x07) << 18 | (bytes[at + 1] & 0x3f) << 12 | (bytes[at + 2] & 0x3f) << 6
                        | bytes[at + 3] & 0x3f;
                into[n++] = Character.highSurrogate(codePoint);
                if (n < max) into[n++] = Character.lowSurrogate(codePoint);
                at += 4;
            }
        }
        return n;
    }

    HitRecord hit(int doc) {
        BytesRef b = bytes(IndexSchema.HIT, doc);
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
