package attackkb.index;

import static attackkb.index.IndexSchema.MAX_SNIPPET_SOURCE;
import static attackkb.index.IndexSchema.SNIPPET_FIELDS;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Where each term of the snippet fields occurs in each document, as character offsets into the text of
 * {@link SnippetTexts}, in a file of the index generation: per posting, the term's frequency in the document and its
 * first {@link #MAX_OCCURRENCES} occurrences within that text.
 *
 * <p>Postings are numbered as {@link NumberedPostings} walks them, per field in term order, then document order, as
 * the postings held in memory at serve time are: posting {@code i} of a term is its {@code i}-th document. Lucene
 * keeps the same offsets, but reaching one document's means decoding the blocks of positions and offsets of the
 * documents before it, for every hit of a page.
 *
 * <p>Format: a codec header; per field, its posting count and the file position of each posting's entry; the entries
 * (frequency, occurrence count, then per occurrence its start minus the previous start and its length, all
 * variable-length ints); a codec footer.
 */
public final class SnippetOffsets implements Closeable {
    public static final String FILE_NAME = "snippet-offsets.bin";
    /** Occurrences of one term kept per document: enough to choose a sentence, bounded for huge fields. */
    public static final int MAX_OCCURRENCES = 64;
    private static final String CODEC = "AttackKbSnippetOffsets";
    private static final int VERSION = 1;

    private final CheckedInput file;
    /** Per field, where its table of entry positions starts, and how many postings it has. */
    private final long[] tables;
    private final long[] counts;

    private SnippetOffsets(CheckedInput file, long[] tables, long[] counts) {
        this.file = file;
        this.tables = tables;
        this.counts = counts;
    }

    /** Writes the offsets of every snippet field of the index {@code reader} reads into {@code directory}. */
    static void write(Directory directory, IndexReader reader) throws IOException {
        // The entries go to a temporary file first: the table before them needs their positions.
        long[][] positions = new long[SNIPPET_FIELDS.size()][];
        String entriesName;
        try (IndexOutput entries = directory.createTempOutput("snippet-offsets", "entries", IOContext.DEFAULT)) {
            for (int f = 0; f < SNIPPET_FIELDS.size(); f++) {
                positions[f] = writeEntries(reader, SNIPPET_FIELDS.get(f), entries);
            }
            entriesName = entries.getName();
        }
        try (IndexOutput out = directory.createOutput(FILE_NAME, IOContext.DEFAULT);
                IndexInput in = directory.openInput(entriesName, IOContext.READONCE)) {
            CodecUtil.writeHeader(out, CODEC, VERSION);
            long tablesLength = 0;
            for (long[] field : positions) tablesLength += 8 + 4L * field.length;
            long entriesStart = out.getFilePointer() + tablesLength;
            for (long[] field : positions) {
                out.writeLong(field.length);
                for (long position : field) out.writeInt(Math.toIntExact(entriesStart + position));
            }
            out.copyBytes(in, in.length());
            CodecUtil.writeFooter(out);
        } finally {
            directory.deleteFile(entriesName);
        }
    }

    /** Writes the entries of one field's postings; returns each posting's entry position, by posting number. */
    private static long[] writeEntries(IndexReader reader, String field, IndexOutput out) throws IOException {
        long[] positions = new long[1024];
        NumberedPostings walk = NumberedPostings.of(reader, field, PostingsEnum.OFFSETS);
        for (BytesRef term = walk.nextTerm(); term != null; term = walk.nextTerm()) {
            for (int doc = walk.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = walk.nextDoc()) {
                int n = Math.toIntExact(walk.number());
                if (n == positions.length) positions = Arrays.copyOf(positions, n * 2);
                positions[n] = out.getFilePointer();
                PostingsEnum postings = walk.postings();
                int freq = postings.freq();
                int[] kept = new int[2 * Math.min(freq, MAX_OCCURRENCES)];
                int count = 0;
                for (int i = 0; i < freq && i < MAX_OCCURRENCES; i++) {
                    postings.nextPosition();
                    int start = postings.startOffset();
                    int end = postings.endOffset();
                    if (start < 0 || end <= start || end > MAX_SNIPPET_SOURCE) break;
                    kept[2 * count] = start;
                    kept[2 * count + 1] = end;
                    count++;
                }
                out.writeVInt(freq);
                out.writeVInt(count);
                int previous = 0;
                for (int i = 0; i < count; i++) {
                    // Offsets of one document's occurrences rise with their positions, but not strictly for every analyser.
                    out.writeZInt(kept[2 * i] - previous);
                    out.writeVInt(kept[2 * i + 1] - kept[2 * i]);
                    previous = kept[2 * i];
                }
            }
        }
        return Arrays.copyOf(positions, Math.toIntExact(walk.count()));
    }

    /** Opens the offsets of the generation in {@code directory}. */
    public static SnippetOffsets open(Directory directory) throws IOException {
        CheckedInput file = CheckedInput.open(directory, FILE_NAME, CODEC, VERSION);
        try {
            IndexInput input = file.head();
            long[] tables = new long[SNIPPET_FIELDS.size()];
            long[] counts = new long[SNIPPET_FIELDS.size()];
            for (int f = 0; f < tables.length; f++) {
                counts[f] = input.readLong();
                tables[f] = input.getFilePointer();
                input.seek(tables[f] + 4 * counts[f]);
            }
            return new SnippetOffsets(file, tables, counts);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** How many postings field {@code field} (an index of SNIPPET_FIELDS) has. */
    public long postings(int field) {
        return counts[field];
    }

    /** A reader of the offsets, for one thread at a time: each search takes its own. */
    public Reader reader() {
        return new Reader(file.reader());
    }

    /** Reads postings' offsets through its own input. */
    public final class Reader {
        private final IndexInput in;

        private Reader(IndexInput in) {
            this.in = in;
        }

        /**
         * Reads posting {@code ordinal} of {@code field}: {@code into[0]} is the term's frequency in the document,
         * then each kept occurrence's start and end offsets. Returns how many occurrences; {@code into} must hold
         * {@code 1 + 2 * MAX_OCCURRENCES}.
         */
        public int read(int field, long ordinal, int[] into) {
            if (ordinal < 0 || ordinal >= counts[field]) throw new IllegalArgumentException("no posting " + ordinal);
            try {
                in.seek(tables[field] + 4 * ordinal);
                in.seek(in.readInt());
                into[0] = in.readVInt();
                int count = in.readVInt();
                int start = 0;
                for (int i = 0; i < count; i++) {
                    start += in.readZInt();
                    into[1 + 2 * i] = start;
                    into[2 + 2 * i] = start + in.readVInt();
                }
                return count;
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
