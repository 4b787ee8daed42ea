package attackkb.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Postings are numbered in term order, then document order, across segments, whether or not a caller reads them. */
class NumberedPostingsTest {
    /** Three documents in two segments: "b a" and "a c", then "b b c". */
    private static DirectoryReader twoSegments(Directory directory) throws IOException {
        var config = new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            writer.addDocument(doc("b a"));
            writer.addDocument(doc("a c"));
            writer.commit();
            writer.addDocument(doc("b b c"));
        }
        DirectoryReader reader = DirectoryReader.open(directory);
        assertThat(reader.leaves()).hasSize(2);
        return reader;
    }

    private static Document doc(String statement) {
        Document doc = new Document();
        doc.add(new TextField(IndexSchema.STATEMENT, statement, Field.Store.NO));
        return doc;
    }

    @Test
    void numbersEachTermsDocumentsInTurnAcrossSegments() throws IOException {
        try (Directory directory = new ByteBuffersDirectory(); DirectoryReader reader = twoSegments(directory)) {
            NumberedPostings walk = NumberedPostings.of(reader, IndexSchema.STATEMENT, PostingsEnum.FREQS);
            List<String> seen = new ArrayList<>();
            for (BytesRef term = walk.nextTerm(); term != null; term = walk.nextTerm()) {
                String first = term.utf8ToString() + " from " + walk.first() + " in " + walk.docFreq() + ":";
                seen.add(first);
                for (int doc = walk.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = walk.nextDoc()) {
                    seen.add(walk.number() + " doc " + doc + " freq " + walk.postings().freq());
                }
            }
            assertThat(seen).containsExactly(
                    "a from 0 in 2:", "0 doc 0 freq 1", "1 doc 1 freq 1",
                    "b from 2 in 2:", "2 doc 0 freq 1", "3 doc 2 freq 2",
                    "c from 4 in 2:", "4 doc 1 freq 1", "5 doc 2 freq 1");
            assertThat(walk.count()).isEqualTo(6);
        }
    }

    @Test
    void postingsACallerSkipsAreNumberedAllTheSame() throws IOException {
        try (Directory directory = new ByteBuffersDirectory(); DirectoryReader reader = twoSegments(directory)) {
            NumberedPostings walk = NumberedPostings.of(reader, IndexSchema.STATEMENT, PostingsEnum.NONE);
            List<Long> firsts = new ArrayList<>();
            for (BytesRef term = walk.nextTerm(); term != null; term = walk.nextTerm()) {
                if (term.utf8ToString().equals("b")) walk.nextDoc(); // one of b's two
                firsts.add(walk.first());
            }
            assertThat(firsts).containsExactly(0L, 2L, 4L);
            assertThat(walk.count()).isEqualTo(6);
        }
    }

    @Test
    void aFieldNoDocumentHasHasNoPostings() throws IOException {
        try (Directory directory = new ByteBuffersDirectory(); DirectoryReader reader = twoSegments(directory)) {
            NumberedPostings walk = NumberedPostings.of(reader, IndexSchema.DETECTION, PostingsEnum.NONE);
            assertThat(walk.nextTerm()).isNull();
            assertThat(walk.count()).isZero();
        }
    }
}
