package attackkb.index;

import static attackkb.index.IndexSchema.MAX_SNIPPET_SOURCE;
import static attackkb.index.IndexSchema.SNIPPET_FIELDS;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * The start of each document's snippet fields ({@link IndexSchema#SNIPPET_FIELDS}, at most
 * {@link IndexSchema#MAX_SNIPPET_SOURCE} characters each) as UTF-8, in a file of the index generation beside
 * Lucene's, read at any document in any order.
 *
 * <p>Lucene's doc values only read forward: every search would go back to its first hit and make a new reader for
 * each field, which allocates a buffer as large as the field's largest text. This file is memory-mapped by the
 * index's directory like Lucene's own, so it costs no heap but its offsets table.
 *
 * <p>Format: a Lucene codec header; the field count and document count; per field, each document's start offset in
 * the data and the data's end; the data; a codec footer.
 */
public final class SnippetTexts implements Closeable {
    public static final String FILE_NAME = "snippet-texts.bin";
    private static final String CODEC = "AttackKbSnippetTexts";
    private static final int VERSION = 1;

    private final CheckedInput file;
    private final long dataStart;
    /** Field f's documents' texts: doc d's is {@code [offsets[f][d], offsets[f][d + 1])} of the data. */
    private final int[][] offsets;

    private SnippetTexts(CheckedInput file, long dataStart, int[][] offsets) {
        this.file = file;
        this.dataStart = dataStart;
        this.offsets = offsets;
    }

    /**
     * Writes the texts of a generation's documents: {@code texts.get(doc)} holds a document's snippet fields in
     * {@link IndexSchema#SNIPPET_FIELDS} order, null where it has none.
     */
    static void write(Directory directory, List<String[]> texts) throws IOException {
        byte[][][] encoded = new byte[SNIPPET_FIELDS.size()][texts.size()][];
        for (int doc = 0; doc < texts.size(); doc++) {
            for (int f = 0; f < SNIPPET_FIELDS.size(); f++) {
                String text = texts.get(doc)[f];
                if (text == null) text = "";
                if (text.length() > MAX_SNIPPET_SOURCE) text = text.substring(0, MAX_SNIPPET_SOURCE);
                encoded[f][doc] = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        try (IndexOutput out = directory.createOutput(FILE_NAME, IOContext.DEFAULT)) {
            CodecUtil.writeHeader(out, CODEC, VERSION);
            out.writeInt(SNIPPET_FIELDS.size());
            out.writeInt(texts.size());
            int offset = 0;
            for (byte[][] field : encoded) {
                for (byte[] text : field) {
                    out.writeInt(offset);
                    offset = Math.addExact(offset, text.length);
                }
                out.writeInt(offset);
            }
            for (byte[][] field : encoded) for (byte[] text : field) out.writeBytes(text, text.length);
            CodecUtil.writeFooter(out);
        }
    }

    /** Opens the texts of the generation in {@code directory}, which has {@code maxDoc} documents. */
    public static SnippetTexts open(Directory directory, int maxDoc) throws IOException {
        CheckedInput file = CheckedInput.open(directory, FILE_NAME, CODEC, VERSION);
        try {
            IndexInput input = file.head();
            int fields = input.readInt();
            int docs = input.readInt();
            if (fields != SNIPPET_FIELDS.size() || docs != maxDoc) {
                throw new IOException(FILE_NAME + " holds " + fields + " fields of " + docs + " documents, expected "
                        + SNIPPET_FIELDS.size() + " of " + maxDoc);
            }
            int[][] offsets = new int[fields][docs + 1];
            for (int[] field : offsets) for (int d = 0; d <= docs; d++) field[d] = input.readInt();
            return new SnippetTexts(file, input.getFilePointer(), offsets);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** How many bytes the text of field {@code field} (an index of SNIPPET_FIELDS) of {@code doc} has; 0 for none. */
    public int length(int field, int doc) {
        return offsets[field][doc + 1] - offsets[field][doc];
    }

    /** A reader of the texts, for one thread at a time: each search takes its own. */
    public Reader reader() {
        return new Reader(file.reader());
    }

    /** Reads texts through its own input. */
    public final class Reader {
        private final IndexInput in;

        private Reader(IndexInput in) {
            this.in = in;
        }

        /** Reads the first {@code length} bytes (at most {@link #length}) of a document's text into {@code into}. */
        public void read(int field, int doc, byte[] into, int length) {
            if (length > length(field, doc)) throw new IllegalArgumentException("past the text's end");
            try {
                in.seek(dataStart + offsets[field][doc]);
                in.readBytes(into, 0, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
