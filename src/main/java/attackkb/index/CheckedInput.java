package attackkb.index;

import java.io.IOException;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/** Opens a file of our own in an index generation, written with a Lucene codec header and footer. */
final class CheckedInput {
    private CheckedInput() {}

    /**
     * {@code name} in {@code directory}, positioned after its header, once the header names {@code codec} at
     * {@code version} and the footer is whole: a truncated file fails here, not in the middle of a search.
     */
    static IndexInput open(Directory directory, String name, String codec, int version) throws IOException {
        IndexInput input = directory.openInput(name, IOContext.DEFAULT);
        try {
            CodecUtil.checkHeader(input, codec, version, version);
            long afterHeader = input.getFilePointer();
            CodecUtil.retrieveChecksum(input);
            input.seek(afterHeader);
            return input;
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }
}
