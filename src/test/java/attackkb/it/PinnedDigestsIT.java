package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.RealData;
import attackkb.source.Digest;
import attackkb.source.UpstreamRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real data against the digests pinned in {@link UpstreamRelease}. Skipped when the data is absent. */
class PinnedDigestsIT {
    /** The shared data's mapping files and ICS bundle are byte-identical to upstream at the pinned commits. */
    @Test
    void pinnedDigestsMatchTheRealFiles() throws IOException {
        Path data = RealData.attack().getParent();
        int checked = 0;
        for (String url : UpstreamRelease.urls("18.1")) {
            String name = url.substring(url.lastIndexOf('/') + 1);
            Path local = name.startsWith("ics-attack") ? data.resolve("attack").resolve(name) : data.resolve("mappings").resolve(name);
            if (!Files.isRegularFile(local)) continue;
            Digest expected = UpstreamRelease.digest(url).orElseThrow();
            assertThat(expected.of(local)).as(name).isEqualTo(expected.hex());
            checked++;
        }
        assertThat(checked).isEqualTo(13 + 1);
    }
}
