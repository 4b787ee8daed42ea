package attackkb.web;

import attackkb.serving.ServedGeneration;
import attackkb.web.http.ServerSettings;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import okhttp3.OkHttpClient;

/**
 * The web app started on a random port over one served generation, with a client for tests: started once and shared
 * by many tests, since a server per test costs each test about two seconds of start and graceful stop.
 */
public final class RunningServer implements AutoCloseable {
    private final Javalin app;
    private final HttpClient client;

    private RunningServer(Javalin app, OkHttpClient okHttp) {
        this.app = app;
        this.client = new HttpClient(app, okHttp);
    }

    /** A server whose client follows redirects, as {@code JavalinTest}'s does. */
    public static RunningServer start(ServedGeneration live) {
        return start(live, ServerSettings.DEFAULT, new OkHttpClient());
    }

    public static RunningServer start(ServedGeneration live, ServerSettings settings, OkHttpClient okHttp) {
        return new RunningServer(WebApp.create(() -> live, settings).start("127.0.0.1", 0), okHttp);
    }

    /** {@code http://127.0.0.1:port}, for clients other than the test client (a browser). */
    public String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Runs {@code c} against this server with its client. */
    public void test(TestCase c) {
        try {
            c.accept(app, client);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // Idle keep-alive connections would hold the graceful stop until they time out.
        client.getOkHttp().connectionPool().evictAll();
        app.stop();
    }
}
