package attackkb.index;

import static attackkb.index.IndexSchema.MAX_SNIPPET_SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snippet texts written for a generation read back at any document, in any order, cut where the index cuts them. */
class SnippetTextsTest {
    @TempDir
    Path dir;

    static final List<String[]> TEXTS = List.of(
            new String[] {"Adversaries may use a container image.", null, "Audit images.", ""},
            new String[] {"Café, naïve — “quoted” 😀.", "Monitor for new processes.", null, null},
            new String[] {"x".repeat(MAX_SNIPPET_SOURCE + 50), null, null, "é".repeat(MAX_SNIPPET_SOURCE + 1)});

    static String read(SnippetTexts texts, int field, int doc) {
        byte[] into = new byte[texts.length(field, doc)];
        texts.reader().read(field, doc, into, into.length);
        return new String(into, StandardCharsets.UTF_8);
    }

    @Test
    void readsEachDocumentsTextsBackInAnyOrder() throws IOException {
        try (Directory directory = FSDirectory.open(dir)) {
            SnippetTexts.write(directory, TEXTS);
            try (SnippetTexts texts = SnippetTexts.open(directory, 3)) {
                assertThat(read(texts, 0, 2)).isEqualTo("x".repeat(MAX_SNIPPET_SOURCE));
                assertThat(read(texts, 0, 0)).isEqualTo("Adversaries may use a container image.");
                assertThat(read(texts, 0, 1)).isEqualTo("Café, naïve — “quoted” 😀.");
                assertThat(read(texts, 1, 1)).isEqualTo("Monitor for new processes.");
                assertThat(read(texts, 2, 0)).isEqualTo("Audit images.");
                assertThat(read(texts, 3, 2)).isEqualTo("é".repeat(MAX_SNIPPET_SOURCE));
                assertThat(texts.length(1, 0)).isZero();
                assertThat(texts.length(3, 0)).isZero();
                assertThat(texts.length(0, 1)).isEqualTo("Café, naïve — “quoted” 😀.".getBytes(StandardCharsets.UTF_8).length);

                byte[] start = new byte[11];
                texts.reader().read(0, 0, start, 11);
                assertThat(new String(start, StandardCharsets.US_ASCII)).isEqualTo("Adversaries");
                assertThatThrownBy(() -> texts.reader().read(2, 0, new byte[64], 14)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void refusesAFileOfAnotherDocumentCountOrCutShort() throws IOException {
        try (Directory directory = FSDirectory.open(dir)) {
            SnippetTexts.write(directory, TEXTS);
            assertThatThrownBy(() -> SnippetTexts.open(directory, 4)).isInstanceOf(IOException.class)
                    .hasMessageContaining("holds 4 fields of 3 documents, expected 4 of 4");
        }
        Path file = dir.resolve(SnippetTexts.FILE_NAME);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 100));
        try (Directory directory = FSDirectory.open(dir)) {
            assertThatThrownBy(() -> SnippetTexts.open(directory, 3)).isInstanceOf(IOException.class);
        }
    }
}
