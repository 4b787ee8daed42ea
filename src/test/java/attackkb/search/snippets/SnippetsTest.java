package attackkb.search.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.FixtureIndex;
import attackkb.generation.IndexGeneration;
import attackkb.generation.TermDocs;
import attackkb.index.IndexSchema;
import java.io.IOException;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Where snippets start and end (sentences, not abbreviations), what they escape, and the offsets they read. */
class SnippetsTest {
    private static final String TEXT = "Adversaries may run shells (e.g. sh, ash). Shells are common.\nLogs show it.";

    @Test
    void aSentenceStartsAfterItsPredecessorsEndOrALineBreakButNotAfterAnAbbreviation() {
        assertThat(Sentences.scan(TEXT).isStart(0)).isTrue();
        assertThat(Sentences.scan(TEXT).isStart(TEXT.indexOf("sh,"))).as("after e.g.").isFalse();
        assertThat(Sentences.scan(TEXT).isStart(TEXT.indexOf("Shells"))).isTrue();
        assertThat(Sentences.scan(TEXT).isStart(TEXT.indexOf("Logs"))).isTrue();
    }

    @Test
    void theSentenceOfAMatchIsFoundAroundIt() {
        int ash = TEXT.indexOf("ash");
        assertThat(TEXT.substring(Sentences.scan(TEXT).start(ash, 0), Sentences.scan(TEXT).end(ash + 3)))
                .isEqualTo("Adversaries may run shells (e.g. sh, ash).");
        int common = TEXT.indexOf("common");
        assertThat(TEXT.substring(Sentences.scan(TEXT).start(common, 0), Sentences.scan(TEXT).end(common + 6)))
                .isEqualTo("Shells are common.");
        assertThat(Sentences.scan(TEXT).endsAt(TEXT.indexOf(" Shells"))).isTrue();
        assertThat(Sentences.scan(TEXT).endsAt(TEXT.indexOf(" are"))).isFalse();
    }

    @Test
    void refusesOffsetsWrittenForAnotherIndex() throws IOException {
        IndexGeneration fixture = FixtureIndex.BUNDLES.generation();
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                Document doc = new Document();
                doc.add(new TextField(IndexSchema.STATEMENT, "one statement", Field.Store.NO));
                writer.addDocument(doc);
            }
            TermDocs another;
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                another = TermDocs.of(reader);
            }
            assertThatThrownBy(() -> new Snippets(fixture.searcher().getIndexReader(), fixture.snippetTexts(),
                    fixture.snippetOffsets(), fixture.terms(), another))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("snippet-offsets.bin numbers 114 statement postings where the index has 2: it was "
                            + "written for another index; rebuild the index");
        }
    }

    @Test
    void escapesEverythingHtmlCares() {
        assertThat(Snippets.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
    }
}
