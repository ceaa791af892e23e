package io.icewarn.bot.discord;

/**
 * What the Discord layer counts. The deploy branch's {@code features.health.Metrics} implements it through
 * an adapter; {@link #NONE} counts nothing. Implementations must be thread-safe and cheap.
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

    /** Counts a REST rate-limit hit. */
    default void rateLimitHit() {}

    /** Counts one feedback vote on an answer whose first checklist rule is {@code ruleId} ({@code ""} if none). */
    default void feedback(String ruleId, boolean helped) {}
}
