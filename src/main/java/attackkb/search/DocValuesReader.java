package attackkb.search;

import attackkb.Json;
import attackkb.index.HitRecord;
import attackkb.index.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Reads the per-document values the index keeps in binary doc values (hit records, snippet texts, full records)
 * by global document number. Doc values iterators are cheap to create and forward-only, so each read makes its own.
 */
final class DocValuesReader {
    private final IndexReader reader;

    DocValuesReader(IndexReader reader) {
        this.reader = reader;
    }

    /** The raw bytes of {@code field} for {@code doc}, or null if the document has none. */
    BytesRef bytes(String field, int doc) {
        try {
            List<LeafReaderContext> leaves = reader.leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), field);
            return values.advanceExact(doc - leaf.docBase) ? values.binaryValue() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(String field, int doc) {
        BytesRef b = bytes(field, doc);
        return b == null ? null : new String(b.bytes, b.offset, b.length, StandardCharsets.UTF_8);
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
}
