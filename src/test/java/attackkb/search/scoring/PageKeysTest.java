package attackkb.search.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.search.SearchService;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PageKeysTest {
    @Test
    void aPageIsSelectedAsAFullSortWouldOrderIt() {
        var random = new Random(42);
        for (int size : new int[] {0, 1, 7, 160, 1000, 4096}) {
            for (int k : new int[] {1, 20, 120}) {
                long[] random500 = random.longs(size, 0, 500).toArray(); // with ties
                long[] spread = random.longs(size, 0, Long.MAX_VALUE).toArray();
                long[] descending = LongStream.range(0, size).map(i -> size - i).toArray();
                // Nearly all in the first of 256 ranges, so the kept keys are selected again.
                long[] crowded = LongStream.range(0, size).map(i -> i == size - 1 ? 1L << 40 : size - i).toArray();
                for (long[] keys : List.of(random500, spread, descending, crowded)) {
                    assertSmallestFirst(keys, size, Math.min(k, size));
                }
            }
        }
    }

    @Test
    void scoreKeysOfAPageAreTheBestScoresThenIdOrder() {
        // As SearchService makes them: inverted score bits, then the ID rank.
        float[] scores = {3.5f, 0.25f, 12f, 3.5f, 7f, 0.5f, 12f, 1f, 2f, 9f, 3.5f, 4f, 0.75f, 5f, 6f, 8f, 10f, 11f, 13f, 2.5f};
        long[] keys = new long[scores.length * 10];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(scores[i % scores.length] + i / 20)) << 32) | i;
        }
        assertSmallestFirst(keys, keys.length, 5);
    }

    private static void assertSmallestFirst(long[] keys, int size, int k) {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        PageKeys.smallestFirst(keys, size, k);
        assertThat(Arrays.copyOf(keys, k)).as(size + "/" + k).isEqualTo(Arrays.copyOf(sorted, k));
    }
}
