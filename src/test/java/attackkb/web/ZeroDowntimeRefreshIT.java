package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.index.IndexStore;
import attackkb.serving.CurrentGeneration;
import attackkb.web.http.ServerSettings;
import attackkb.web.http.ReportLink;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds the index three times under a server that keeps answering searches from four clients, and counts
 * failed and empty answers: there must be none, and the server must end up on the last generation, with the older
 * ones deleted.
 */
class ZeroDowntimeRefreshIT {
    @TempDir
    Path root;

    @Test
    void rebuildingUnderLoadFailsNoRequestAndSwitchesToTheNewIndex() throws Exception {
        IndexStore store = Fixtures.index(root);
        List<String> log = new ArrayList<>();
        try (CurrentGeneration serving = new CurrentGeneration(store, 100, log::add)) {
            serving.watch(50);
            // The smallest thread pool allowed: four clients and the swaps must still get through it.
            Javalin app = WebApp.serving(() -> serving, new ServerSettings(ServerSettings.MIN_THREADS, false, ReportLink.MITRE)).start("127.0.0.1", 0);
            try {
                var client = HttpClient.newHttpClient();
                URI search = URI.create("http://127.0.0.1:" + app.port() + "/api/search?q=image&type=technique");
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger answered = new AtomicInteger();
                var failures = new ConcurrentLinkedQueue<String>();
                var generationsSeen = new CopyOnWriteArraySet<String>();
                List<Thread> clients = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Thread t = new Thread(() -> {
                        while (running.get()) {
                            try {
                                HttpResponse<String> r = client.send(HttpRequest.newBuilder(search).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 200) failures.add("HTTP " + r.statusCode() + ": " + r.body());
                                else if (!r.body().contains("\"T1204.003\"")) failures.add("empty or wrong: " + r.body());
                                answered.incrementAndGet();
                                generationsSeen.add(serving.current().index().generation().getFileName().toString());
                            } catch (Exception e) {
                                failures.add(e.toString());
                            }
                        }
                    });
                    t.start();
                    clients.add(t);
                }
                Path first = store.current();
                for (int rebuild = 0; rebuild < 3; rebuild++) {
                    Thread.sleep(150);
                    Fixtures.index(root);
                }
                Path last = store.current();
                long deadline = System.currentTimeMillis() + 5_000;
                while (!serving.current().index().generation().equals(last) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(200);
                running.set(false);
                for (Thread t : clients) t.join();

                assertThat(failures).isEmpty();
                assertThat(answered.get()).isGreaterThan(20);
                assertThat(serving.current().index().generation()).isEqualTo(last).isNotEqualTo(first);
                assertThat(generationsSeen).hasSizeGreaterThan(1);
                assertThat(log).anyMatch(l -> l.startsWith("switched to index " + last.getFileName()));
                try (Stream<Path> entries = Files.list(root)) {
                    assertThat(entries.filter(p -> p.getFileName().toString().startsWith("gen-")))
                            .as("older generations are gone").containsExactly(last);
                }
            } finally {
                app.stop();
            }
        }
    }
}
