package attackkb.index;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.index.IndexSchema.ProseAnalyzer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/**
 * The index-time prose chain has no FlattenGraphFilter after its word-part splitting (it cost an eighth of every
 * build). That is sound only while the split comes out flat already: these tests compare the index analyzer with
 * the same chain flattened where Lucene asks for it, and require the same terms at the same positions.
 */
class IndexAnalysisTest {
    private static final List<String> TRICKY = List.of(
            "PowerShell and ListCronjobs via Win32_PnPEntity",
            "DNS-SD queries for _ssh._tcp and lvm_ devices, app_web_ files",
            "the adversary's WinEventLog:Security EventCode=4688 for lsass.exe",
            "C:\\Windows\\System32\\cmd.exe /c HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
            "ExtensionInstallForcelist  x86_64 IPv6 iOS macOS T1059.001 DET0248 M1045 TA0002",
            "Café résumé naïve — über-long XYZ0123456789abcdefghijklmnopqrstuvwxyz_ tokens",
            "__init__ ___ a_b_c CamelCaseWordsHere MiXeD 2FA OAuth2 S3Bucket");

    private final Analyzer index = IndexSchema.indexAnalyzer();
    private final Analyzer flattened = new FlattenedProse();

    @Test
    void flatteningTheSplitWordsChangesNoTermOrPosition() throws IOException {
        for (String text : TRICKY) {
            assertThat(tokens(index, text)).as(text).isNotEmpty().isEqualTo(tokens(flattened, text));
        }
    }

    @Test
    void theFixtureDescriptionsAnalyseTheSameFlattenedOrNot() throws IOException {
        List<String> descriptions = new ArrayList<>();
        for (JsonNode object : attackkb.Json.MAPPER.readTree(Fixtures.enterprise().toFile()).get("objects")) {
            if (object.hasNonNull("description")) descriptions.add(object.get("description").asText());
        }
        assertThat(descriptions).hasSize(25);
        for (String text : descriptions) {
            assertThat(tokens(index, text)).as(text).isEqualTo(tokens(flattened, text));
        }
    }

    @Test
    void keepsWholeWordsBesideTheirParts() throws IOException {
        assertThat(tokens(index, "PowerShell Win32_PnPEntity"))
                .containsExactly("powershel@0", "power@0", "shell@1", "win32_pnpent@2", "win32@2", "pn@3", "pentiti@4");
    }

    @Test
    void offsetsStayInsideTheTextAndNeverGoBackwards() throws IOException {
        for (String text : TRICKY) {
            try (TokenStream ts = index.tokenStream(IndexSchema.STATEMENT, text)) {
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                int lastStart = 0;
                while (ts.incrementToken()) {
                    assertThat(offset.startOffset()).as(text).isGreaterThanOrEqualTo(lastStart);
                    assertThat(offset.endOffset()).as(text).isBetween(offset.startOffset(), text.length());
                    lastStart = offset.startOffset();
                }
                ts.end();
            }
        }
    }

    /** Terms with their positions, as the index records them ("power@0"). */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexSchema.STATEMENT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(term + "@" + position);
            }
            ts.end();
        }
        return out;
    }

    /** The index chain as Lucene's javadoc would have it: flattened straight after the word-part split. */
    private static final class FlattenedProse extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new WordSeparatorCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream split = new FlattenGraphFilter(ProseAnalyzer.wordParts(source, true));
            return new TokenStreamComponents(source, ProseAnalyzer.englishWords(split));
        }
    }
}
