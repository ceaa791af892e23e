package io.icewarn.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.features.health.Metrics;
import org.junit.jupiter.api.Test;

final class MetricsBotMetricsTest {
    @Test
    void feedbackIsCountedPerRuleWithBoundedTags() {
        // GIVEN the Discord layer counting into the health metrics
        try (Metrics metrics = Metrics.create()) {
            MetricsBotMetrics counted = new MetricsBotMetrics(metrics);

            // WHEN votes, decodes and replies are counted, one with a hostile rule tag
            counted.feedback("both-remote-ports", true);
            counted.feedback("both-remote-ports", true);
            counted.feedback("both-remote-ports", false);
            counted.feedback("<script>{}", true);
            for (int i = 0; i < MetricsBotMetrics.MAX_RULES + 50; i++) {
                counted.feedback("rule-" + i, true);
            }
            counted.decoded("ms-client-diagnostics", "24");
            counted.replySent();
            counted.replyFailed();

            // THEN the Prometheus text has them, and rule tags stay bounded
            String scrape = metrics.scrape();
            assertThat(scrape)
                    .contains("icewarn_feedback_total{helped=\"true\",rule=\"both-remote-ports\"} 2.0")
                    .contains("icewarn_feedback_total{helped=\"false\",rule=\"both-remote-ports\"} 1.0")
                    .contains("rule=\"other\"")
                    .doesNotContain("script")
                    .contains("icewarn_decodes_total")
                    .contains("icewarn_replies_sent_total 1.0")
                    .contains("icewarn_replies_failed_total 1.0");
            long ruleSeries = scrape.lines()
                    .filter(l -> l.startsWith("icewarn_feedback_total{"))
                    .count();
            assertThat(ruleSeries).isLessThanOrEqualTo(MetricsBotMetrics.MAX_RULES + 3);
        }
    }
}
