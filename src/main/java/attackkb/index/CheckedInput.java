package attackkb.index;

import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * A file of our own in an index generation, written with a Lucene codec header and footer, open for reading by any
 * thread: each reads through its own clone, as Lucene's inputs keep a position.
 */
final class CheckedInput implements Closeable {
    private final IndexInput input;
    private final CloseableThreadLocal<IndexInput> perThread = new CloseableThreadLocal<>() {
        @Override
        protected IndexInput initialValue() {
            return input.clone();
        }
    };

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

    /** This thread's own clone of the input, to seek and read. */
    IndexInput forThread() {
        return perThread.get();
    }

    @Override
    public void close() throws IOException {
        perThread.close();
        input.close();
    }
}
