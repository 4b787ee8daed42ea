package attackkb.bench;

import attackkb.generation.IndexGeneration;
import attackkb.index.IndexStore;
import attackkb.search.SearchRequest;
import attackkb.search.SearchResult;
import attackkb.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process search path, uncached: query parsing, search with drill-sideways facets, matched fields and
 * snippets, over a real index. Run with {@code src/bench/jmh.sh} (it builds the index it needs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SearchBenchmark {
    @Param({"container image", "dump lsass memory", "T1059.001", "contianer imgae", ""})
    public String query;

    @Param({"none", "platform"})
    public String facets;

    private IndexGeneration index;
    private SearchService search;
    private SearchRequest request;

    @Setup
    public void open() {
        index = IndexGeneration.open(new IndexStore(Path.of(System.getProperty("attackkb.bench.index", "target/bench-index"))));
        search = new SearchService(index);
        List<String> platforms = facets.equals("platform") ? List.of("Windows") : List.of();
        request = new SearchRequest(query, platforms, List.of(), List.of(), List.of(), List.of(), 20, 0);
    }

    @TearDown
    public void close() throws IOException {
        index.close();
    }

    @Benchmark
    public SearchResult search() {
        return search.search(request);
    }
}
