package attackkb.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.BadInputException;
import attackkb.Fixtures;
import attackkb.index.IndexBuilder;
import attackkb.index.IndexStore;
import attackkb.search.SearchHit;
import attackkb.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Older releases as the server holds them: opened on their first search, one at a time, each counted so that it
 * closes when it is let go and its last search is done, on a swap to another release and when its generation closes.
 * Over three releases: the fixture pair ("18.1", "19.0") and "17.0", a copy of "18.1" under another release.
 */
class OlderReleasesTest {
    @TempDir
    Path tmp;

    /** The fixture pair and a third, older release. */
    private IndexStore threeReleases(Path root) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        for (String file : List.of("enterprise-attack-18.1.json", "enterprise-attack-19.0.json")) {
            Files.copy(Fixtures.releases().resolve(file), data.resolve(file));
        }
        String release = Files.readString(Fixtures.releases().resolve("enterprise-attack-18.1.json"));
        Files.writeString(data.resolve("enterprise-attack-17.0.json"), release
                .replaceFirst("\"x_mitre_version\": \"18.1\"", "\"x_mitre_version\": \"17.0\"")
                .replace("\"name\": \"Command Shell\"", "\"name\": \"Shell\""));
        var store = new IndexStore(root);
        Fixtures.build(store, List.of(data.toString()), new ArrayList<>());
        return store;
    }

    private static String top(SearchedRelease searched, String query) {
        SearchHit hit = searched.responses().result(SearchRequest.of(query)).hits().get(0);
        return hit.id() + " " + hit.name();
    }

    @Test
    void anOlderReleaseOpensOnItsFirstSearchAndOneIsOpenAtATime() throws IOException {
        try (ServedGeneration served = ServedGeneration.open(threeReleases(tmp.resolve("index")), 0)) {
            OlderReleases older = served.olderReleases();
            assertThat(served.searchableReleases()).containsExactly("17.0", "18.1", "19.0");
            assertThat(served.currentRelease()).isEqualTo("19.0");

            for (String current : new String[] {null, "", "19.0"}) {
                try (SearchedRelease searched = served.searchIn(current)) {
                    assertThat(searched.older()).isFalse();
                    assertThat(searched.version()).isEqualTo("19.0");
                    assertThat(top(searched, "shell")).isEqualTo("T1002 Command and Scripting Shell");
                }
            }
            assertThat(older.openVersion()).as("searches of the current release open nothing").isNull();

            SearchedRelease first = served.searchIn("18.1");
            assertThat(older.openVersion()).isEqualTo("18.1");
            assertThat(first.older()).isTrue();
            assertThat(top(first, "shell")).isEqualTo("T1002 Command Shell");
            assertThat(first.responses().result(SearchRequest.of("shell")).release()).isEqualTo("18.1");
            assertThat(first.references()).as("the holder's and this search's").isEqualTo(2);
            try (SearchedRelease again = served.searchIn("18.1")) {
                assertThat(again.responses()).as("the same index, not opened again").isSameAs(first.responses());
                assertThat(first.references()).isEqualTo(3);
            }
            assertThat(first.references()).isEqualTo(2);

            SearchedRelease other = served.searchIn("17.0");
            assertThat(older.openVersion()).isEqualTo("17.0");
            assertThat(top(other, "shell")).isEqualTo("T1002 Shell");
            assertThat(first.references()).as("let go by the holder, still searched").isEqualTo(1);
            assertThat(top(first, "injection")).isEqualTo("T1003 Process Injection");
            first.close();
            first.close();
            assertThat(first.references()).as("closed after its last search").isZero();
            assertThat(older.openReferences()).isEqualTo(2);

            other.close();
            assertThat(older.openReferences()).isEqualTo(1);
            served.close();
            assertThat(other.references()).as("closed with its generation").isZero();
            assertThat(older.openVersion()).isNull();
        }
    }

    @Test
    void aReleaseNotHeldIsBadInputNamingTheOnesThatAre() throws IOException {
        try (ServedGeneration served = ServedGeneration.open(threeReleases(tmp.resolve("index")), 0)) {
            assertThatThrownBy(() -> served.searchIn("16.1")).isInstanceOf(BadInputException.class)
                    .hasMessage("release 16.1 is not held by this index; it can search ATT&CK 17.0, 18.1 and 19.0 (the current release)");
        }
        var store = new IndexStore(tmp.resolve("snapshots-only"));
        new IndexBuilder(store).build(Fixtures.ingest(List.of(Fixtures.releases().toString()), new ArrayList<>()));
        try (ServedGeneration served = ServedGeneration.open(store, 0)) {
            assertThat(served.searchableReleases()).containsExactly("19.0");
            assertThatThrownBy(() -> served.searchIn("18.1")).isInstanceOf(BadInputException.class)
                    .hasMessage("release 18.1 is not held by this index; it holds only the current release, ATT&CK 19.0");
        }
    }

    @Test
    void anOlderReleaseClosesWithTheGenerationARefreshReplaces() throws Exception {
        IndexStore store = threeReleases(tmp.resolve("index"));
        try (var serving = new CurrentGeneration(store, 0, line -> {})) {
            ServedGeneration first = serving.acquire();
            SearchedRelease searched = first.searchIn("18.1");

            new IndexBuilder(store).build(Fixtures.ingest(List.of(Fixtures.enterprise().toString()), new ArrayList<>()));
            assertThat(serving.refresh()).isTrue();
            assertThat(top(searched, "shell")).as("the request still searches it").isEqualTo("T1002 Command Shell");
            assertThat(searched.references()).isEqualTo(2);

            searched.close();
            assertThat(searched.references()).as("open while its generation is").isEqualTo(1);
            serving.release(first);
            assertThat(searched.references()).as("closed with its generation").isZero();
            assertThat(serving.current().searchableReleases()).containsExactly("18.1");
        }
    }
}
