package io.icewarn.bot.discord;

import io.icewarn.bot.features.health.Metrics;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Counts the Discord layer's events in the health feature's {@link Metrics}: decodes by header and code,
 * replies sent and failed, and feedback as {@code icewarn_feedback_total{rule,helped}}. Rule tags are
 * bounded ({@value #MAX_RULES} distinct, plain IDs only; others count as {@code other}). Thread-safe.
 */
public final class MetricsBotMetrics implements BotMetrics {
    /** The feedback counter's Micrometer name. */
    public static final String FEEDBACK = "icewarn.feedback";
    /** The most distinct rule tags kept. */
    public static final int MAX_RULES = 200;

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Metrics metrics;
    private final Set<String> rules = ConcurrentHashMap.newKeySet();

    public MetricsBotMetrics(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void decoded(String header, String code) {
        metrics.decoded(header, code);
    }

    @Override
    public void replySent() {
        metrics.replySent();
    }

    @Override
    public void replyFailed() {
        metrics.replyFailed();
    }

    @Override
    public void feedback(String ruleId, boolean helped) {
        metrics.registry()
                .counter(FEEDBACK, "rule", ruleTag(ruleId), "helped", Boolean.toString(helped))
                .increment();
    }

    private String ruleTag(String ruleId) {
        if (ruleId == null || ruleId.isEmpty()) {
            return "none";
        }
        if (!RULE.matcher(ruleId).matches()) {
            return "other";
        }
        if (rules.contains(ruleId) || rules.size() < MAX_RULES && rules.add(ruleId)) {
            return ruleId;
        }
        return "other";
    }
}
