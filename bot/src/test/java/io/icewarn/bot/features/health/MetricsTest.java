package io.icewarn.bot.features.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.features.decode.CacheStats;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MetricsTest {

    @Test
    void scrape_rendersPrometheusNames() {
        // GIVEN a registry with one of each event and two shards
        try (Metrics metrics = Metrics.create()) {
            metrics.decoded("ms-client-diagnostics", "52001");
            metrics.bindCache(() -> new CacheStats(7, 3, 0, 3));
            metrics.replySent();
            metrics.replyFailed();
            metrics.restRateLimitHit();
            metrics.bindWork(() -> 3);
            metrics.bindShards(() -> List.of(
                    new ShardStatus(0, "CONNECTED", true, 42),
                    new ShardStatus(1, "CONNECTING_TO_WEBSOCKET", false, -1)));

            // WHEN scraped
            String text = metrics.scrape();

            // THEN the series carry the documented names, labels and values
            assertThat(text)
                    .contains("icewarn_decodes_total{code=\"52001\",header=\"ms-client-diagnostics\"} 1.0")
                    .contains("icewarn_cache_hits_total 7.0")
                    .contains("icewarn_cache_misses_total 3.0")
                    .contains("icewarn_replies_sent_total 1.0")
                    .contains("icewarn_replies_failed_total 1.0")
                    .contains("icewarn_rest_ratelimit_hits_total 1.0")
                    .contains("icewarn_work_in_flight 3.0")
                    .contains("icewarn_gateway_ping_ms{shard=\"0\"} 42.0")
                    .contains("icewarn_gateway_ping_ms{shard=\"1\"} -1.0")
                    .contains("icewarn_shard_status{shard=\"0\"} 1.0")
                    .contains("icewarn_shard_status{shard=\"1\"} 0.0")
                    .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes")
                    .contains("process_uptime_seconds", "system_cpu_count");
        }
    }

    @Test
    void decoded_oddTagValues_countAsOther() {
        try (Metrics metrics = Metrics.create()) {
            metrics.decoded(null, "<script>");
            metrics.decoded("MS-Diagnostics ", "1000");
            assertThat(metrics.scrape())
                    .contains("icewarn_decodes_total{code=\"other\",header=\"other\"} 1.0")
                    .contains("icewarn_decodes_total{code=\"1000\",header=\"ms-diagnostics\"} 1.0");
        }
    }

    @Test
    void decoded_tagValuesAreCapped() {
        try (Metrics metrics = Metrics.create()) {
            for (int i = 0; i < Metrics.MAX_TAG_VALUES + 50; i++) {
                metrics.decoded("ms-diagnostics", Integer.toString(i));
            }
            long series = metrics.scrape()
                    .lines()
                    .filter(l -> l.startsWith("icewarn_decodes_total{"))
                    .count();
            assertThat(series).isEqualTo(Metrics.MAX_TAG_VALUES);
        }
    }
}
