package attackkb.generation;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.index.IndexSchema;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Values read through a thread's reused iterators come out as arrays of their own. */
class DocValuesReaderTest {
    @Test
    void aValueReadStaysAsReadWhenTheNextIsRead() throws Exception {
        IndexGeneration index = FixtureIndex.BUNDLES.generation();
        DocValuesReader values = index.docValues();
        byte[] first = values.bytes(IndexSchema.SOURCE, 0);
        String firstText = new String(first, StandardCharsets.UTF_8);
        byte[] second = values.bytes(IndexSchema.SOURCE, 1);

        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(firstText).startsWith("{");
        assertThat(second).isNotEqualTo(first);
        assertThat(values.bytes(IndexSchema.SOURCE, 0)).as("read again, behind the iterator").isEqualTo(first);
    }
}
