package attackkb.search.scoring;

import java.util.Arrays;

/**
 * Picks a page's sort keys out of every hit's: a page needs the best twenty of a thousand or so, and selecting them
 * first costs a fraction of a full sort.
 */
public final class PageKeys {
    /** Ranges the keys are counted in to find where the page ends. */
    private static final int BUCKETS = 256;

    private PageKeys() {}

    /**
     * Puts the {@code k} smallest of the first {@code size} keys (none negative) first, in order; what follows them
     * is undefined afterwards.
     *
     * <p>The keys are counted in {@value #BUCKETS} equal ranges between the smallest and the largest, and only those
     * of the ranges up to the one holding the k-th smallest are kept and sorted: three passes that branch the same
     * way whatever the keys, where Hoare's selection branches on every comparison and the processor guesses
     * those branches badly.
     */
    public static void smallestFirst(long[] keys, int size, int k) {
        if (k >= size / 8) {
            Arrays.sort(keys, 0, size);
            return;
        }
        if (k <= 0) return;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, keys[i]);
            max = Math.max(max, keys[i]);
        }
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(max - min) - Integer.numberOfTrailingZeros(BUCKETS));
        int[] counts = new int[BUCKETS];
        for (int i = 0; i < size; i++) counts[(int) ((keys[i] - min) >>> shift)]++;
        int last = 0;
        int kept = counts[0];
        while (kept < k) kept += counts[++last];
        // Keys in ranges up to the last are those below the next range's start (max itself is in the last range).
        long end = last == BUCKETS - 1 ? Long.MAX_VALUE : min + ((long) (last + 1) << shift);
        int n = 0;
        for (int i = 0; i < size; i++) {
            long key = keys[i];
            keys[n] = key;
            n += key < end ? 1 : 0;
        }
        if (k < n / 8) {
            select(keys, 0, n - 1, k - 1); // one range held most of the keys
            n = k;
        }
        Arrays.sort(keys, 0, n);
    }

    /**
     * Hoare's selection: afterwards {@code a[nth]} holds what a full sort of {@code a[lo..hi]} puts there, with nothing
     * larger before it.
     */
    private static void select(long[] a, int lo, int hi, int nth) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            long pivot = Math.max(Math.min(a[lo], a[mid]), Math.min(Math.max(a[lo], a[mid]), a[hi])); // median of three
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (nth <= j) hi = j;
            else if (nth >= i) lo = i;
            else return; // between j and i every key equals the pivot
        }
    }
}
