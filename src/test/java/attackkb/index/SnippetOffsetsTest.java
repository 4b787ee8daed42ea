package attackkb.index;

import static attackkb.index.IndexSchema.SNIPPET_FIELDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offsets file holds, posting by posting, what Lucene's postings say about each snippet field's terms. */
class SnippetOffsetsTest {
    @TempDir
    Path root;

    @Test
    void everyPostingReadsAsLucenesOffsets() throws IOException {
        Path generation = Fixtures.index(root).current();
        try (Directory directory = FSDirectory.open(generation);
                DirectoryReader reader = DirectoryReader.open(directory);
                SnippetOffsets offsets = SnippetOffsets.open(directory)) {
            int[] read = new int[1 + 2 * SnippetOffsets.MAX_OCCURRENCES];
            SnippetOffsets.Reader offsetsReader = offsets.reader();
            int compared = 0;
            for (int f = 0; f < SNIPPET_FIELDS.size(); f++) {
                TermsEnum terms = MultiTerms.getTerms(reader, SNIPPET_FIELDS.get(f)).iterator();
                PostingsEnum postings = null;
                long ordinal = 0;
                for (BytesRef term = terms.next(); term != null; term = terms.next()) {
                    postings = terms.postings(postings, PostingsEnum.OFFSETS);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        int[] expected = new int[1 + 2 * Math.min(postings.freq(), SnippetOffsets.MAX_OCCURRENCES)];
                        expected[0] = postings.freq();
                        for (int i = 0; i < (expected.length - 1) / 2; i++) {
                            postings.nextPosition();
                            expected[1 + 2 * i] = postings.startOffset();
                            expected[2 + 2 * i] = postings.endOffset();
                        }
                        int count = offsetsReader.read(f, ordinal++, read);
                        assertThat(Arrays.copyOf(read, 1 + 2 * count)).as(term.utf8ToString() + " in " + doc)
                                .containsExactly(expected);
                        compared++;
                    }
                }
                assertThat(offsets.postings(f)).isEqualTo(ordinal);
            }
            assertThat(compared).as("postings compared").isEqualTo(243);
            int field = 0;
            long past = offsets.postings(field);
            assertThatThrownBy(() -> offsets.reader().read(field, past, read)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAFileCutShort() throws IOException {
        Path generation = Fixtures.index(root).current();
        Path file = generation.resolve(SnippetOffsets.FILE_NAME);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 10));
        try (Directory directory = FSDirectory.open(generation)) {
            assertThatThrownBy(() -> SnippetOffsets.open(directory)).isInstanceOf(IOException.class);
        }
    }
}
