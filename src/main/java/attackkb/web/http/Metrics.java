package attackkb.web.http;

import attackkb.index.IndexManifest;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Routes;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Prometheus metrics: a latency histogram (and so a count) of requests per route, method and status, and gauges
 * of the served index: its size on disk, its age, and its number of documents.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    public Metrics(Supplier<ServedGeneration> live) {
        Gauge.builder("attackkb_index_size_bytes", () -> sizeOf(live.get().index().generation()))
                .description("Size of the served index generation on disk").register(registry);
        Gauge.builder("attackkb_index_age_seconds", () -> ageOf(live.get().index().manifest()))
                .description("Time since the served index was built").register(registry);
        Gauge.builder("attackkb_index_documents", () -> live.get().index().manifest().documents())
                .description("Documents in the served index").register(registry);
    }

    /** Records one finished request under its route template, so /techniques/T1 and /techniques/T2 are one series. */
    public void record(Context ctx, float millis) {
        timers.computeIfAbsent(new Series(route(ctx), ctx.method().name(), ctx.statusCode()), this::timer)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** One timer's tags. Its timer is looked up here, not built and registered again on every request. */
    private record Series(String route, String method, int status) {}

    private Timer timer(Series series) {
        return Timer.builder("attackkb_http_requests")
                .description("HTTP requests by route, method and status")
                .tag("route", series.route())
                .tag("method", series.method())
                .tag("status", Integer.toString(series.status()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }

    /** The route template; static files and unmatched paths share one label each, to bound the series. */
    private static String route(Context ctx) {
        String path = ctx.path();
        if (path.startsWith(Routes.STATIC + "/")) return Routes.STATIC;
        if (path.startsWith(Routes.WEBJARS + "/")) return Routes.WEBJARS;
        try {
            String route = ctx.endpointHandlerPath();
            return route != null && route.startsWith("/") ? route : "unmatched";
        } catch (IllegalStateException e) {
            return "unmatched"; // answered by a before-handler (a refused method): no endpoint was reached
        }
    }

    public void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    private static double sizeOf(Path generation) {
        try (Stream<Path> files = Files.list(generation)) {
            return files.mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // a file removed while counting
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double ageOf(IndexManifest manifest) {
        return Duration.between(Instant.parse(manifest.builtAt()), Instant.now()).toMillis() / 1000.0;
    }
}
