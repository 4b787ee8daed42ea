package attackkb.releases;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.releases.WordDiff.Op;
import attackkb.releases.WordDiff.Segment;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void anAddedClauseIsOneAdditionBetweenTheWordsKept() {
        WordDiff d = WordDiff.of("Adversaries run commands in a shell.",
                "Adversaries run commands in a shell or a script interpreter.");
        assertThat(d.segments()).containsExactly(
                new Segment(Op.SAME, "Adversaries run commands in a shell", false),
                new Segment(Op.ADDED, "or a script interpreter", true),
                new Segment(Op.SAME, ".", false));
        assertThat(d.wordByWord()).isTrue();
        assertThat(d.changed()).isTrue();
        assertThat(d.counts()).containsExactly(0, 4);
    }

    @Test
    void aReplacedWordIsRemovedThenAdded() {
        WordDiff d = WordDiff.of("the quick brown fox jumps over the lazy dog", "the slow brown fox jumps over the lazy dog");
        assertThat(d.segments()).containsExactly(
                new Segment(Op.SAME, "the", false),
                new Segment(Op.REMOVED, "quick", true),
                new Segment(Op.ADDED, "slow", true),
                new Segment(Op.SAME, "brown fox jumps over the lazy dog", true));
        assertThat(d.counts()).containsExactly(1, 1);
    }

    @Test
    void aRunOfSameWordsNoLongerThanTheChangesAroundItBecomesPartOfThem() {
        // "brown" is kept by both, but between two changes as long as it, it reads better inside one.
        WordDiff d = WordDiff.of("the quick brown fox jumps", "the slow brown dog jumps");
        assertThat(d.segments()).containsExactly(
                new Segment(Op.SAME, "the", false),
                new Segment(Op.REMOVED, "quick brown fox", true),
                new Segment(Op.ADDED, "slow brown dog", true),
                new Segment(Op.SAME, "jumps", true));
        assertThat(d.counts()).containsExactly(3, 3);
        // A rewritten sentence is what it was and what it is, not a scatter around the words both happen to use.
        WordDiff rewritten = WordDiff.of("They can be installed directly or through a browser's app store.",
                "Extensions are typically installed via official marketplaces, app stores, or manually.");
        assertThat(rewritten.segments()).containsExactly(
                new Segment(Op.REMOVED, "They can be installed directly or through a browser's app store", false),
                new Segment(Op.ADDED, "Extensions are typically installed via official marketplaces, app stores, or manually", false),
                new Segment(Op.SAME, ".", false));
    }

    @Test
    void wordsInTheMiddleAreMatchedByTheLongestCommonSubsequence() {
        // "b c d" is kept, though "a" and "e" moved around it.
        WordDiff d = WordDiff.of("x a b c d y", "x b c d a y");
        assertThat(d.segments()).containsExactly(
                new Segment(Op.SAME, "x", false),
                new Segment(Op.REMOVED, "a", true),
                new Segment(Op.SAME, "b c d", true),
                new Segment(Op.ADDED, "a", true),
                new Segment(Op.SAME, "y", true));
    }

    @Test
    void punctuationIsItsOwnWordButJoinersStayInside() {
        WordDiff d = WordDiff.of("Adversaries may use DLL side-loading, e.g. lsass.exe.",
                "Adversaries may use DLL search-order hijacking; e.g. lsass.exe.");
        assertThat(d.segments()).containsExactly(
                new Segment(Op.SAME, "Adversaries may use DLL", false),
                new Segment(Op.REMOVED, "side-loading,", true),
                new Segment(Op.ADDED, "search-order hijacking;", true),
                new Segment(Op.SAME, "e.g. lsass.exe.", true));
        // Words are counted, marks are not.
        assertThat(d.counts()).containsExactly(1, 2);
    }

    @Test
    void equalTextsAreOneRunAndWhiteSpaceDoesNotCount() {
        WordDiff d = WordDiff.of("one  two\nthree", "one two three");
        assertThat(d.segments()).containsExactly(new Segment(Op.SAME, "one two three", false));
        assertThat(d.changed()).isFalse();
        assertThat(WordDiff.of("", "").segments()).isEmpty();
        assertThat(WordDiff.of(null, "new text").segments()).containsExactly(new Segment(Op.ADDED, "new text", false));
        assertThat(WordDiff.of("old text", "").segments()).containsExactly(new Segment(Op.REMOVED, "old text", false));
    }

    @Test
    void aMiddleTooLargeToCompareIsOneWholeReplacementBetweenTheCommonEnds() {
        String before = "Start here. a b c d e f. End here.";
        String after = "Start here. f b c d e a. End here.";
        // Six words each side is 36 cells: over a cap of 35, the middle is replaced whole.
        WordDiff capped = WordDiff.of(before, after, 35);
        assertThat(capped.wordByWord()).isFalse();
        assertThat(capped.segments()).containsExactly(
                new Segment(Op.SAME, "Start here.", false),
                new Segment(Op.REMOVED, "a b c d e f", true),
                new Segment(Op.ADDED, "f b c d e a", true),
                new Segment(Op.SAME, ". End here.", false));
        WordDiff compared = WordDiff.of(before, after, 36);
        assertThat(compared.wordByWord()).isTrue();
        assertThat(compared.segments()).containsExactly(
                new Segment(Op.SAME, "Start here.", false),
                new Segment(Op.REMOVED, "a", true),
                new Segment(Op.ADDED, "f", true),
                new Segment(Op.SAME, "b c d e", true),
                new Segment(Op.REMOVED, "f", true),
                new Segment(Op.ADDED, "a", true),
                new Segment(Op.SAME, ". End here.", false));
        assertThat(compared.counts()).containsExactly(2, 2);
    }

    @Test
    void longTextsWithOneChangedSentenceStayWordByWord() {
        String common = "word ".repeat(5_000);
        WordDiff d = WordDiff.of(common + "old ending.", common + "new ending.");
        assertThat(d.wordByWord()).isTrue();
        assertThat(d.segments()).extracting(Segment::op).containsExactly(Op.SAME, Op.REMOVED, Op.ADDED, Op.SAME);
        assertThat(d.segments().get(1).text()).isEqualTo("old");
    }
}
