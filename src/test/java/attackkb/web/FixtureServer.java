package attackkb.web;

import attackkb.index.IndexStore;
import attackkb.serving.ServedGeneration;
import attackkb.web.http.ServerSettings;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fixture index built and opened once per test class, and one real server over it shared by the class's tests:
 * {@code @RegisterExtension static final FixtureServer server = new FixtureServer(Fixtures::index);}. A server per
 * test cost each test about two seconds of start and graceful stop.
 */
public final class FixtureServer implements BeforeAllCallback, AfterAllCallback {
    /** Builds an index into a folder: {@code Fixtures::index} or {@code Fixtures::indexWithControls}. */
    public interface IndexBuild {
        IndexStore into(Path root) throws IOException;
    }

    private final IndexBuild build;
    private final ServerSettings settings;
    private Path root;
    private ServedGeneration live;
    private Javalin app;
    private HttpClient client;

    public FixtureServer(IndexBuild build) {
        this(build, ServerSettings.DEFAULT);
    }

    public FixtureServer(IndexBuild build, ServerSettings settings) {
        this.build = build;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("attack-kb-test");
        live = ServedGeneration.open(build.into(root));
        app = WebApp.create(() -> live, settings).start("127.0.0.1", 0);
        client = new HttpClient(app, new OkHttpClient.Builder().followRedirects(false).build());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        // Idle keep-alive connections would hold the graceful stop until they time out.
        client.getOkHttp().connectionPool().evictAll();
        app.stop();
        live.close();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Runs {@code c} against the class's server over the fixture index. */
    public void test(TestCase c) {
        try {
            c.accept(app, client);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
