package attackkb.search.snippets;

import java.util.Arrays;

/**
 * The snippets cut in one generation, remembered by what they were cut from: a snippet depends only on its field and
 * the postings of the document's matched terms there. Live search sends the same words keystroke after keystroke,
 * and four in five of the benchmark long tail's snippets repeat one cut before.
 *
 * <p>One snippet per slot, by hash; a new one takes the place of whatever was in its slot, so the recent ones stay.
 * A Caffeine cache's bookkeeping cost more than the cuts it saved.
 */
final class SnippetMemo {
    /** Snippets remembered at most (a power of two): about 300 characters each, so some 3 MB. */
    private static final int SLOTS = 8_192;
    /** What {@link #find} returns for postings not remembered; a remembered null is a match with no snippet. */
    static final String UNKNOWN = new String("");

    private final Cut[] slots = new Cut[SLOTS];

    /**
     * The snippet cut from {@code postings} (in term order) of snippet field {@code field} (an index of
     * SNIPPET_FIELDS), null if they have none, or {@link #UNKNOWN}.
     */
    String find(int field, long[] postings) {
        int hash = Cut.hash(field, postings);
        Cut kept = slots[hash & (SLOTS - 1)];
        return kept != null && kept.isOf(hash, field, postings) ? kept.html : UNKNOWN;
    }

    /** Remembers {@code html} (null for none) as the snippet cut from {@code postings} of {@code field}. */
    void keep(int field, long[] postings, String html) {
        int hash = Cut.hash(field, postings);
        slots[hash & (SLOTS - 1)] = new Cut(hash, field, postings, html);
    }

    /**
     * A snippet and what it was cut from: the postings of the matched terms name the document too. Immutable, so a
     * slot can be replaced while other threads read it; the hash is kept, so a slot holding another snippet is told
     * by one read.
     */
    private record Cut(int hash, int field, long[] postings, String html) {
        static int hash(int field, long[] postings) {
            int h = 31 * field + Arrays.hashCode(postings);
            return h ^ h >>> 16;
        }

        boolean isOf(int hash, int field, long[] postings) {
            return this.hash == hash && this.field == field && Arrays.equals(this.postings, postings);
        }
    }
}
