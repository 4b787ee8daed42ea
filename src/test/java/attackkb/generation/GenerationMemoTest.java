package attackkb.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GenerationMemoTest {
    /** Two keys that are not equal but share a hash, so a hash map puts them in the same bin. */
    private record Key(String name) {
        @Override
        public int hashCode() {
            return 42;
        }
    }

    @Test
    void aValueMayBeMadeOfAnotherOneInTheSameBin() {
        var memo = new GenerationMemo();
        AtomicInteger made = new AtomicInteger();

        String outer = memo.get(new Key("outer"), () -> {
            made.incrementAndGet();
            return memo.get(new Key("inner"), () -> "inner") + " in outer";
        });

        assertThat(outer).isEqualTo("inner in outer");
        assertThat(memo.<String>get(new Key("inner"), () -> "made again")).isEqualTo("inner");
        assertThat(memo.<String>get(new Key("outer"), () -> "made again")).isEqualTo("inner in outer");
        assertThat(made).hasValue(1);
    }
}
