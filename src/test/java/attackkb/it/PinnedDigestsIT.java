package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.BadInputException;
import attackkb.RealData;
import attackkb.source.Digest;
import attackkb.source.Downloader;
import attackkb.source.UpstreamRelease;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A download of three releases, served from this machine with the upstream paths: each bundle is checked against
     * its pin from the resource. The shared copies that are byte-identical to upstream pass; the rebuilt or
     * reformatted ones are refused and never enter the cache.
     */
    @Test
    void eachReleaseDownloadedIsCheckedAgainstItsPin(@TempDir Path cache) throws IOException {
        Path releases = RealData.releases();
        Path attack = RealData.attack();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().replaceAll(".*/", "");
            byte[] body = localCopy(name, attack, releases);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try {
            var downloader = new Downloader(cache, new PrintStream(new ByteArrayOutputStream()));
            String local = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            for (String url : UpstreamRelease.urls(List.of("16.1", "17.1", "18.1")).subList(0, 9)) {
                String name = url.substring(url.lastIndexOf('/') + 1);
                String path = url.substring(url.indexOf("/attack-stix-data/") + 1);
                try {
                    downloader.fetch(local + path, UpstreamRelease.digest(url));
                    accepted.add(name);
                } catch (BadInputException e) {
                    assertThat(e.getMessage()).as(name).contains(": the download's Git blob ID is ")
                            .endsWith(", not the pinned " + UpstreamRelease.digest(url).orElseThrow().hex() + "; it was not used");
                    refused.add(name);
                }
            }
        } finally {
            server.stop(0);
        }
        assertThat(accepted).containsExactly("ics-attack-16.1.json", "mobile-attack-17.1.json", "ics-attack-17.1.json",
                "ics-attack-18.1.json");
        assertThat(refused).containsExactly("enterprise-attack-16.1.json", "mobile-attack-16.1.json",
                "enterprise-attack-17.1.json", "enterprise-attack-18.1.json", "mobile-attack-18.1.json");
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString().replaceAll("^[0-9a-f]+-", "")).sorted())
                    .containsExactly("ics-attack-16.1.json", "ics-attack-17.1.json", "ics-attack-18.1.json",
                            "mobile-attack-17.1.json");
        }
    }

    /** The shared copy of a release file, uncompressed: {@code name} or {@code name.gz}, in either folder. */
    private static byte[] localCopy(String name, Path attack, Path releases) throws IOException {
        for (Path folder : List.of(attack, releases)) {
            if (Files.isRegularFile(folder.resolve(name))) return Files.readAllBytes(folder.resolve(name));
            if (Files.isRegularFile(folder.resolve(name + ".gz"))) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(folder.resolve(name + ".gz")))) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }
}
