package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.serving.ServedGeneration;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulShutdownIT {
    @TempDir
    Path root;

    @Test
    void stoppingLetsARequestInFlightFinish() throws Exception {
        try (ServedGeneration live = ServedGeneration.open(Fixtures.index(root))) {
            Javalin app = WebApp.create(() -> live);
            var started = new CountDownLatch(1);
            app.get("/test-slow", ctx -> { // a stand-in for a slow search, added for this test only
                started.countDown();
                Thread.sleep(800);
                ctx.result("finished");
            });
            app.start("127.0.0.1", 0);
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/test-slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            app.stop();
            HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("finished");
        }
    }
}
