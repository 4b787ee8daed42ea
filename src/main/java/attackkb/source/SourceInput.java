package attackkb.source;

import attackkb.BadInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * An open source file: gzip is recognised by its magic bytes, not its name, and the SHA-256 of the file's
 * bytes (as stored, compressed or not) is computed while it is read, so hashing costs no second pass.
 */
public final class SourceInput implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final SourceFile file;
    private final DigestInputStream raw;
    private final InputStream content;

    private SourceInput(SourceFile file, DigestInputStream raw, InputStream content) {
        this.file = file;
        this.raw = raw;
        this.content = content;
    }

    public static SourceInput open(SourceFile file) {
        try {
            var raw = new DigestInputStream(Files.newInputStream(file.path()), sha256());
            var buffered = new BufferedInputStream(raw, BUFFER);
            buffered.mark(2);
            int b1 = buffered.read();
            int b2 = buffered.read();
            buffered.reset();
            boolean gzip = b1 == 0x1f && b2 == 0x8b;
            InputStream content = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER) : buffered;
            return new SourceInput(file, raw, content);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.origin() + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file.origin() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The decompressed content. */
    public InputStream content() {
        return content;
    }

    /** Reads whatever the parser left unread and returns the hex SHA-256 of the whole file. */
    public String finishSha256() {
        try {
            raw.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(raw.getMessageDigest().digest());
    }

    public SourceFile file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
