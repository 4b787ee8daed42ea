package attackkb.web;

import attackkb.index.IndexStore;
import attackkb.search.LiveIndex;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fixture index built and opened once per test class, and a real server over it for each test case:
 * {@code @RegisterExtension static final FixtureServer server = new FixtureServer(Fixtures::index);}
 */
final class FixtureServer implements BeforeAllCallback, AfterAllCallback {
    /** Builds an index into a folder: {@code Fixtures::index} or {@code Fixtures::indexWithControls}. */
    interface IndexBuild {
        IndexStore into(Path root) throws IOException;
    }

    private final IndexBuild build;
    private Path root;
    private LiveIndex live;

    FixtureServer(IndexBuild build) {
        this.build = build;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("attack-kb-test");
        live = LiveIndex.open(build.into(root));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        live.close();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Runs {@code c} against a fresh server over the fixture index. */
    void test(TestCase c) {
        JavalinTest.test(WebApp.create(() -> live), c);
    }
}
