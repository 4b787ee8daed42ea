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
        WordDiff d = WordDiff.of("the quick brown fox jumps", "the slow brown dog jumps");
        assertThat(d.segments()).containsExactly(
                new Segment(Op.SAME, "the", false),
                new Segment(Op.REMOVED, "quick", true),
                new Segment(Op.ADDED, "slow", true),
                new Segment(Op.SAME, "brown", true),
                new Segment(Op.REMOVED, "fox", true),
                new Segment(Op.ADDED, "dog", true),
                new Segment(Op.SAME, "jumps", true));
        assertThat(d.counts()).containsExactly(2, 2);
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
        String after = "Start here. f e d c b a. End here.";
        WordDiff capped = WordDiff.of(before, after, 35);
        assertThat(capped.wordByWord()).isFalse();
        assertThat(capped.segments()).containsExactly(
                new Segment(Op.SAME, "Start here.", false),
                new Segment(Op.REMOVED, "a b c d e f", true),
                new Segment(Op.ADDED, "f e d c b a", true),
                new Segment(Op.SAME, ". End here.", false));
        // Six words each side is 36 cells: within a cap of 36 it is compared word by word.
        WordDiff compared = WordDiff.of(before, after, 36);
        assertThat(compared.wordByWord()).isTrue();
        assertThat(compared.segments()).hasSizeGreaterThan(4);
        assertThat(compared.counts()).containsExactly(5, 5);
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
