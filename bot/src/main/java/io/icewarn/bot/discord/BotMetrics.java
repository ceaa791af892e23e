package io.icewarn.bot.discord;

/**
 * What the Discord layer counts: a small interface so handlers stay testable. {@link MetricsBotMetrics}
 * counts into the health feature's Prometheus registry; {@link #NONE} counts nothing. REST rate-limit hits
 * are counted by {@code features.health.RateLimitCounter} on JDA's HTTP client. Implementations must be
 * thread-safe and cheap.
 */
public interface BotMetrics {
    /** Counts nothing. */
    BotMetrics NONE = new BotMetrics() {};

    /** Counts one decoded diagnostic by header and code ({@code ""} when it has none). */
    default void decoded(String header, String code) {}

    /** Counts a reply Discord accepted. */
    default void replySent() {}

    /** Counts a reply that failed. */
    default void replyFailed() {}

    /** Counts one feedback vote on an answer whose first checklist rule is {@code ruleId} ({@code ""} if none). */
    default void feedback(String ruleId, boolean helped) {}
}
