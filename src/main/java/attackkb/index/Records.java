package attackkb.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compression of the JSON records kept in {@link IndexSchema#SOURCE}. Doc values store bytes as given, and these
 * records are repetitive text that deflates to a fifth of its size; only a detail page ever inflates one.
 */
public final class Records {
    private Records() {}

    static byte[] compress(byte[] json) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(json);
            deflater.finish();
            var out = new ByteArrayOutputStream(json.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public static byte[] decompress(byte[] compressed, int offset, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed, offset, length);
            var out = new ByteArrayOutputStream(length * 5);
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new UncheckedIOException(new IOException("truncated record in the index"));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("corrupt record in the index", e));
        } finally {
            inflater.end();
        }
    }
}
