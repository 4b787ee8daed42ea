package attackkb.records;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EntityStoreTest {
    /** Two keys that are not equal but share a hash, so a hash map puts them in the same bin. */
    private record Key(String name) {
        @Override
        public int hashCode() {
            return 42;
        }
    }

    @Test
    void aSummaryMayBeMadeOfAnotherOneInTheSameBin() throws IOException {
        var store = new EntityStore(FixtureIndex.BUNDLES.generation());
        AtomicInteger made = new AtomicInteger();

        String outer = store.derived(new Key("outer"), () -> {
            made.incrementAndGet();
            return store.derived(new Key("inner"), () -> "inner") + " in outer";
        });

        assertThat(outer).isEqualTo("inner in outer");
        assertThat(store.<String>derived(new Key("inner"), () -> "made again")).isEqualTo("inner");
        assertThat(store.<String>derived(new Key("outer"), () -> "made again")).isEqualTo("inner in outer");
        assertThat(made).hasValue(1);
    }
}
