package attackkb.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TechniqueIdsTest {
    @ParameterizedTest
    @CsvSource({"T1059.001,T1059.001", "t1059/001,T1059.001", "T1059-001,T1059.001", "1059.001,T1059.001",
            "t1059_001,T1059.001", "T1059 / 001,T1059.001", "' T1059 ',T1059", "T0800,T0800", "1059,T1059"})
    void idsAreReadInTheFormsPeopleWriteThem(String written, String id) {
        assertThat(TechniqueIds.normalise(written)).isEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource({"TA0005", "T105", "T10590", "T1059.01", "T1059.0011", "M1036", "PowerShell", "''"})
    void whatIsNotATechniqueIdIsNone(String written) {
        assertThat(TechniqueIds.normalise(written)).isNull();
    }

    @Test
    void aListSkipsCommentsAndBlankLinesAndReadsSeveralIdsOrWordsOnALine() {
        assertThat(TechniqueIds.lines("# header\n\nT1003, t1059/001; \"T1566\"\r\nT1204.003 User Execution: Malicious Image\n"
                + "Review 2024\n2024\nsee (T1078).  # trailing\n"))
                .extracting(TechniqueIds.Line::number, TechniqueIds.Line::ids)
                .containsExactly(
                        tuple(3, List.of("T1003", "T1059.001", "T1566")),
                        tuple(4, List.of("T1204.003")),
                        tuple(5, List.of()),
                        tuple(6, List.of("T2024")),
                        tuple(7, List.of("T1078")));
    }
}
