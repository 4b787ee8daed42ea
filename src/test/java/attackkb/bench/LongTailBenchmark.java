package attackkb.bench;

import attackkb.generation.IndexGeneration;
import attackkb.index.IndexStore;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.search.SearchService;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The long tail of distinct searches that load.sh sends, in-process and uncached: each invocation runs the next
 * request of target/bench-longtail.txt (written by src/bench/longtail.py) through {@link SearchService#search}, so
 * warm-up and measurement walk on through the file and no request repeats until it is used up (10,330 requests; the
 * default iterations take fewer at today's speed). Sampled, so JMH prints p50/p99/p99.9. Run with
 * {@code src/bench/jmh.sh LongTail}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@Threads(1)
public class LongTailBenchmark {
    private IndexGeneration index;
    private SearchService search;
    private List<SearchRequest> requests;
    private int next;

    @Setup
    public void open() throws IOException {
        Path file = Path.of(System.getProperty("attackkb.bench.longtail", "target/bench-longtail.txt"));
        if (!Files.exists(file)) throw new IllegalStateException("no " + file + ": run src/bench/longtail.py");
        requests = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) requests.add(parse(line));
        }
        index = IndexGeneration.open(new IndexStore(Path.of(System.getProperty("attackkb.bench.index", "target/bench-index"))));
        search = new SearchService(index);
    }

    @TearDown
    public void close() throws IOException {
        index.close();
    }

    @Benchmark
    public SearchResult search() {
        SearchRequest request = requests.get(next);
        next = (next + 1) % requests.size();
        return search.search(request);
    }

    /** The search an /api/search path asks for: the generator writes only q and platform, so anything else is a mistake. */
    static SearchRequest parse(String path) {
        String query = "";
        List<String> platforms = new ArrayList<>();
        String params = path.substring(path.indexOf('?') + 1);
        for (String param : params.split("&")) {
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
            switch (name) {
                case "q" -> query = value;
                case "platform" -> platforms.add(value);
                default -> throw new IllegalArgumentException("unexpected parameter " + name + " in " + path);
            }
        }
        return new SearchRequest(query, platforms, List.of(), List.of(), List.of(), List.of(), SearchRequest.DEFAULT_LIMIT, 0);
    }
}
