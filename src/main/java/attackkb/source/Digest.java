package attackkb.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The expected digest of a pinned upstream file. Most are SHA-256; where upstream publishes only a Git blob ID
 * (the SHA-1 that {@code git hash-object} prints, over {@code "blob <size>\0"} and the bytes), that is what is pinned.
 */
public record Digest(Kind kind, String hex) {
    public enum Kind {
        SHA_256("SHA-256"),
        GIT_BLOB("Git blob ID");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public Digest {
        hex = hex.toLowerCase(Locale.ROOT);
    }

    public static Digest sha256(String hex) {
        return new Digest(Kind.SHA_256, hex);
    }

    public static Digest gitBlob(String hex) {
        return new Digest(Kind.GIT_BLOB, hex);
    }

    /** "SHA-256" or "Git blob ID", for messages. */
    public String label() {
        return kind.label;
    }

    /** This kind of digest of {@code file}, in lower-case hex. */
    public String of(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(kind == Kind.SHA_256 ? "SHA-256" : "SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256 and SHA-1", e);
        }
        if (kind == Kind.GIT_BLOB) md.update(("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII));
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) md.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public boolean matches(Path file) throws IOException {
        return hex.equals(of(file));
    }
}
