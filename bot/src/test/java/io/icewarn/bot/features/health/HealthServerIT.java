package io.icewarn.bot.features.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starts the real health server on a free loopback port and reads it over HTTP. */
final class HealthServerIT {

    private final List<ShardStatus> shards = new CopyOnWriteArrayList<>(List.of(
            new ShardStatus(0, "CONNECTED", true, 35), new ShardStatus(1, "CONNECTING_TO_WEBSOCKET", false, -1)));
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Metrics metrics;
    private HealthServer server;

    @BeforeEach
    void start() throws Exception {
        ShardStatusSource source = () -> List.copyOf(shards);
        metrics = Metrics.create();
        metrics.bindShards(source);
        server = HealthServer.start(new InetSocketAddress("127.0.0.1", 0), metrics, source);
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthz_ok() throws Exception {
        HttpResponse<String> response = get("/healthz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok\n");
    }

    @Test
    void readyz_503UntilEveryShardConnected() throws Exception {
        // GIVEN shard 1 still connecting
        HttpResponse<String> before = get("/readyz");
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body()).contains("shard 1 CONNECTING_TO_WEBSOCKET");

        // WHEN it connects
        shards.set(1, new ShardStatus(1, "CONNECTED", true, 40));

        // THEN the pod is ready
        HttpResponse<String> after = get("/readyz");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).startsWith("ready\n").contains("shard 0 CONNECTED", "shard 1 CONNECTED");
    }

    @Test
    void metrics_prometheusTextWithIcewarnAndJvmSeries() throws Exception {
        metrics.decoded("ms-client-diagnostics", "52001");
        metrics.replySent();

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body())
                .contains(
                        "icewarn_decodes_total{",
                        "icewarn_cache_hits_total",
                        "icewarn_cache_misses_total",
                        "icewarn_replies_sent_total 1.0",
                        "icewarn_replies_failed_total",
                        "icewarn_rest_ratelimit_hits_total",
                        "icewarn_gateway_ping_ms{shard=\"0\"} 35.0",
                        "icewarn_shard_status{shard=\"1\"} 0.0",
                        "jvm_memory_used_bytes",
                        "jvm_gc_",
                        "jvm_threads_live_threads",
                        "jvm_classes_loaded_classes",
                        "system_cpu_count",
                        "process_uptime_seconds");
    }

    @Test
    void startIfEnabled_consoleModeDefault_startsNothing() throws Exception {
        HealthSettings console = HealthSettings.fromEnv(java.util.Map.of("ICEWARN_HTTP_PORT", "0"), true);
        assertThat(HealthServer.startIfEnabled(console, metrics, ShardStatusSource.none()))
                .isEmpty();

        HealthSettings asked = HealthSettings.fromEnv(
                java.util.Map.of(
                        "ICEWARN_HTTP_ENABLED", "true", "ICEWARN_HTTP_PORT", "0", "ICEWARN_HTTP_BIND", "127.0.0.1"),
                true);
        try (HealthServer second = HealthServer.startIfEnabled(asked, metrics, ShardStatusSource.none())
                .orElseThrow()) {
            assertThat(second.address().getPort())
                    .isPositive()
                    .isNotEqualTo(server.address().getPort());
        }
    }

    @Test
    void unknownPathAndMethod_404And405() throws Exception {
        assertThat(get("/healthz/extra").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/healthz");
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
