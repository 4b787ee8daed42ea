package attackkb.bench;

import attackkb.generation.IndexGeneration;
import attackkb.index.IndexStore;
import attackkb.search.SearchService;
import attackkb.serving.AnswerWriters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The API's answer JSON, written and sent, by the hand-written writer and by Jackson's streaming generator, with a
 * generation's kept hit heads or without: every tenth search of the long tail (target/bench-longtail.txt) is answered
 * once in setup over the real index, and each invocation writes the next answer. Setup first checks that both writers
 * send the same bytes for every answer. Run with {@code src/bench/jmh.sh JsonWriter} (add {@code -prof gc} for
 * allocation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class JsonWriterBenchmark {
    @Param({"hand", "jackson"})
    public String writer;

    @Param({"kept", "none"})
    public String heads;

    private IndexGeneration index;
    private final List<SearchService.Found> answers = new ArrayList<>();
    private AnswerWriters.Writer write;
    private final Sent sent = new Sent();
    private int next;

    @Setup
    public void open() throws IOException {
        Path file = Path.of(System.getProperty("attackkb.bench.longtail", "target/bench-longtail.txt"));
        if (!Files.exists(file)) throw new IllegalStateException("no " + file + ": run src/bench/longtail.py");
        index = IndexGeneration.open(new IndexStore(Path.of(System.getProperty("attackkb.bench.index", "target/bench-index"))));
        SearchService search = new SearchService(index);
        List<String> lines = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        for (int i = 0; i < lines.size(); i += 10) answers.add(search.find(LongTailBenchmark.parse(lines.get(i))));
        int maxDoc = heads.equals("kept") ? index.table().maxDoc() : 0;
        write = writer.equals("hand") ? AnswerWriters.handWritten(maxDoc) : AnswerWriters.jackson(maxDoc);
        sameBytes(maxDoc);
    }

    /** Both writers send the same bytes for every answer, first writing and then reusing their kept heads. */
    private void sameBytes(int maxDoc) throws IOException {
        AnswerWriters.Writer hand = AnswerWriters.handWritten(maxDoc), jackson = AnswerWriters.jackson(maxDoc);
        long bytes = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (SearchService.Found answer : answers) {
                var a = new ByteArrayOutputStream();
                var b = new ByteArrayOutputStream();
                hand.send(answer.result(), answer.docs(), a);
                jackson.send(answer.result(), answer.docs(), b);
                if (!Arrays.equals(a.toByteArray(), b.toByteArray())) {
                    throw new IllegalStateException("the writers differ on " + answer.result().query());
                }
                bytes += a.size();
            }
        }
        System.out.printf("%d answers, %d bytes each on average, the same from both writers%n", answers.size(),
                bytes / (2L * answers.size()));
    }

    @TearDown
    public void close() throws IOException {
        index.close();
    }

    @Benchmark
    public int write() throws IOException {
        SearchService.Found answer = answers.get(next);
        next = (next + 1) % answers.size();
        write.send(answer.result(), answer.docs(), sent);
        return sent.length;
    }

    /** Where an answer is sent: keeps only its length. */
    private static final class Sent extends OutputStream {
        int length;

        @Override
        public void write(int b) {
            length = 1;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            length = len;
        }
    }
}
