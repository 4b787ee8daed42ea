package attackkb.index;

import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * A file of our own in an index generation, written with a Lucene codec header and footer, open for reading by any
 * thread: each reader reads through its own clone, as Lucene's inputs keep a position.
 */
final class CheckedInput implements Closeable {
    private final IndexInput input;

    private CheckedInput(IndexInput input) {
        this.input = input;
    }

    /**
     * Opens {@code name} in {@code directory} once its header names {@code codec} at {@code version} and its footer
     * is whole: a truncated file fails here, not in the middle of a search.
     */
    static CheckedInput open(Directory directory, String name, String codec, int version) throws IOException {
        IndexInput input = directory.openInput(name, IOContext.DEFAULT);
        try {
            CodecUtil.checkHeader(input, codec, version, version);
            long afterHeader = input.getFilePointer();
            CodecUtil.retrieveChecksum(input);
            input.seek(afterHeader);
            return new CheckedInput(input);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** The input itself, positioned after the header when opened: for reading what the file starts with, once. */
    IndexInput head() {
        return input;
    }

    /**
     * A clone of the input to seek and read, for one thread at a time: a search takes one. (A thread-local clone cost
     * more: Lucene's CloseableThreadLocal counts every read down in one atomic counter for all threads.)
     */
    IndexInput reader() {
        return input.clone();
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
