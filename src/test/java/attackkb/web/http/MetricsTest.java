package attackkb.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.web.FixtureServer;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetricsTest {
    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.BUNDLES);

    @Test
    void countsRequestsPerRouteTemplateAndReportsTheIndex() {
        server.test((app, client) -> {
            client.get("/techniques/T1204.003").close();
            client.get("/techniques/T1525").close();
            client.get("/api/search?q=image").close();
            client.get("/no/such/thing").close();
            String metrics;
            try (Response r = client.get("/metrics")) {
                assertThat(r.header("Content-Type")).startsWith("text/plain");
                metrics = r.body().string();
            }
            assertThat(metrics)
                    .contains("attackkb_http_requests_seconds_count{method=\"GET\",route=\"/techniques/{id}\",status=\"200\"} 2")
                    .contains("attackkb_http_requests_seconds_count{method=\"GET\",route=\"/api/search\",status=\"200\"} 1")
                    .contains("route=\"unmatched\",status=\"404\"")
                    .contains("attackkb_http_requests_seconds_bucket{")
                    .containsPattern("attackkb_index_documents 18(\\.0)?\\n")
                    .containsPattern("attackkb_index_size_bytes \\d")
                    .containsPattern("attackkb_index_age_seconds \\d");
        });
    }
}
