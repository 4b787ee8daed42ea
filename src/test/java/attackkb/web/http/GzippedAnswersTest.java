package attackkb.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GzippedAnswersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "gzip, deflate, br|true",
            "br;q=1.0, GZIP;q=0.5|true",
            "*|true",
            "gzip;q=0|false",
            "gzip; q=0.000, *|false",
            "deflate, *;q=0|false",
            "identity|false",
            "''|false",
            "null|false"})
    void gzipIsAcceptedWhenNamedOrCoveredByAStarAndNotRefused(String header, boolean accepted) {
        assertThat(GzippedAnswers.acceptsGzip(header)).isEqualTo(accepted);
    }
}
