package attackkb.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlIdTest {
    @ParameterizedTest
    @CsvSource({"AC-4,AC-4", "AC-04,AC-4", "ac-4,AC-4", "ac-04,AC-4", " sc-7 ,SC-7", "AC-2(1),AC-2(1)", "ac-2.1,AC-2(1)",
            "AC-02(01),AC-2(1)", "si-4.23,SI-4(23)"})
    void normalisesEverySpelling(String raw, String expected) {
        assertThat(ControlId.normalize(raw)).contains(expected);
    }

    @Test
    void rejectsWhatIsNotAControlId() {
        assertThat(ControlId.normalize("T1204.003")).isEmpty();
        assertThat(ControlId.normalize("ACC-4")).isEmpty();
        assertThat(ControlId.normalize(null)).isEmpty();
    }

    @Test
    void ordersAsTheCatalogDoes() {
        List<String> ids = new ArrayList<>(List.of("AC-10", "AC-2(1)", "SC-7", "AC-2", "AC-3"));
        ids.sort(ControlId.ORDER);
        assertThat(ids).containsExactly("AC-2", "AC-2(1)", "AC-3", "AC-10", "SC-7");
        assertThat(ControlId.family("AC-2(1)")).isEqualTo("AC");
    }
}
