package attackkb.search.scoring;

/**
 * Every active document a query matches, in document order, with the scores by document; and the arrays a tally of
 * them fills. One set serves one search at a time and is reused by the next: they are as long as the index, and
 * allocating them per search would be most of what a search allocates.
 */
public final class Matches extends ScoreCollector {
    /** The matched active documents, {@link #size} of them, in document order. */
    public final int[] docs;
    /** Each document's score, by document. */
    public final float[] scores;
    /** For the tally: the sort keys of the hits. */
    public final long[] keys;
    /** For the tally: the count of each facet ordinal. */
    public final int[] counts;
    /** While scoring: each document's sum so far, and whether anything matched it. Left zeroed by {@link #gather}. */
    final double[] sums;
    final boolean[] matched;
    /** Between the first score added and {@link #gather}: a search that fails then leaves the sums unusable. */
    private boolean scoring;
    private int size;

    public Matches(int maxDoc, int ordinals) {
        docs = new int[maxDoc];
        scores = new float[maxDoc];
        keys = new long[maxDoc];
        counts = new int[ordinals];
        sums = new double[maxDoc];
        matched = new boolean[maxDoc];
    }

    /** How many documents matched. */
    public int size() {
        return size;
    }

    /** Whether these arrays can serve another search: false after a search failed while scoring into them. */
    public boolean reusable() {
        return !scoring;
    }

    void startScoring() {
        scoring = true;
    }

    /**
     * Lists the matched documents that are {@code active} in document order with their scores, and zeroes the
     * sums for the next search. Every document takes the same steps, without a branch on whether it matched,
     * which the processor could not predict.
     */
    void gather(boolean[] active) {
        int n = 0;
        for (int doc = 0; doc < matched.length; doc++) {
            docs[n] = doc;
            n += matched[doc] & active[doc] ? 1 : 0;
            scores[doc] = (float) sums[doc];
            sums[doc] = 0;
            matched[doc] = false;
        }
        size = n;
        scoring = false;
    }

    @Override
    void collect(int doc, float score) {
        sums[doc] += score;
        matched[doc] = true;
    }
}
