package attackkb.web;

import attackkb.FixtureIndex;
import attackkb.web.http.ServerSettings;
import io.javalin.testtools.TestCase;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server over a shared fixture index, started once per test class and shared by the class's tests:
 * {@code @RegisterExtension static final FixtureServer server = new FixtureServer(FixtureIndex.BUNDLES);}. Each
 * class has its own server (its own settings and request metrics). Its client does not follow redirects, so tests
 * see them.
 */
public final class FixtureServer implements BeforeAllCallback, AfterAllCallback {
    private final FixtureIndex index;
    private final ServerSettings settings;
    private RunningServer server;

    public FixtureServer(FixtureIndex index) {
        this(index, ServerSettings.DEFAULT);
    }

    public FixtureServer(FixtureIndex index, ServerSettings settings) {
        this.index = index;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        var client = new OkHttpClient.Builder().followRedirects(false).build();
        server = RunningServer.start(index.served(), settings, client);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** Runs {@code c} against the class's server over the fixture index. */
    public void test(TestCase c) {
        server.test(c);
    }
}
