package attackkb.bench;

import attackkb.Json;
import attackkb.ingest.Ingestion;
import attackkb.model.TacticRef;
import attackkb.releases.LayerUpgrade;
import attackkb.releases.ObjectState;
import attackkb.releases.ReleaseHistory;
import attackkb.releases.ReleaseSnapshot;
import attackkb.releases.UpgradedLayer;
import attackkb.source.DataSources;
import attackkb.source.Downloader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code POST /api/layers/upgrade} does with a layer made for ATT&CK 16.1, but HTTP: the JSON read, the upgrade to
 * 18.1 (16.1 and 17.1 held between), and the answer written. The layer holds {@code entries} technique entries
 * (technique and tactic, with a score, a comment and a metadata entry), drawn at random (seed 42) from every
 * Enterprise technique of 16.1 under each of its tactics, revoked and deprecated ones included. Run with
 * {@code src/bench/jmh.sh LayerUpgrade}; the releases are read from {@code $ATTACK_KB_DATA/attack} (18.1) and
 * {@code $ATTACK_KB_RELEASES} (default {@code ../shared/attack-releases}, 16.1 and 17.1) when the benchmark starts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LayerUpgradeBenchmark {
    /** Technique entries in the layer: 500, or every technique and tactic of 16.1's Enterprise (1,051). */
    @Param({"500", "all"})
    public String entries;

    private LayerUpgrade upgrade;
    private String layer;

    @Setup
    public void load() throws IOException {
        String data = System.getenv().getOrDefault("ATTACK_KB_DATA", "../shared/data");
        String releases = System.getenv().getOrDefault("ATTACK_KB_RELEASES", "../shared/attack-releases");
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        var downloader = new Downloader(Path.of("/nonexistent-attack-kb-cache"), quiet);
        ReleaseHistory history = new Ingestion(new DataSources(downloader), line -> { })
                .ingest(List.of(Path.of(data, "attack").toString(), releases)).releases();
        if (history.release("16.1").isEmpty()) throw new IllegalStateException("ATT&CK 16.1 is not under " + releases);
        upgrade = new LayerUpgrade(history);
        layer = layer(history.release("16.1").orElseThrow(), entries);
    }

    static String layer(ReleaseSnapshot sixteen, String entries) {
        List<ObjectState> techniques = new ArrayList<>(sixteen.objects().stream()
                .filter(o -> o.type().equals("technique") && o.domains().contains("enterprise-attack")).toList());
        techniques.sort(Comparator.comparing(ObjectState::id));
        List<String[]> cells = new ArrayList<>();
        for (ObjectState t : techniques) {
            for (TacticRef tactic : t.tactics()) cells.add(new String[] {t.id(), tactic.shortname()});
        }
        Collections.shuffle(cells, new Random(42));
        int n = entries.equals("all") ? cells.size() : Math.min(cells.size(), Integer.parseInt(entries));
        ObjectNode layer = Json.MAPPER.createObjectNode().put("name", "bench " + n);
        layer.putObject("versions").put("attack", "16").put("navigator", "5.1.0").put("layer", "4.5");
        layer.put("domain", "enterprise-attack");
        ArrayNode list = layer.putArray("techniques");
        for (int i = 0; i < n; i++) {
            ObjectNode e = list.addObject().put("techniqueID", cells.get(i)[0]).put("tactic", cells.get(i)[1])
                    .put("score", i % 100).put("color", "").put("comment", "detection rule " + i).put("enabled", true);
            e.putArray("metadata").addObject().put("name", "rule").put("value", "R-" + i);
            e.putArray("links");
            e.put("showSubtechniques", false);
        }
        return layer.toString();
    }

    @Benchmark
    public byte[] upgrade() throws IOException {
        UpgradedLayer upgraded = upgrade.upgrade(layer, null);
        return Json.MAPPER.writeValueAsBytes(Json.object("layer", upgraded.layer(), "report", upgraded.report()));
    }
}
