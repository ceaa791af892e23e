package io.icewarn.bot.features.buttons;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * One feedback vote per user per answer, remembered in memory (bounded); a later issue makes it durable.
 * Thread-safe.
 */
public final class FeedbackVotes {
    private final Cache<String, Boolean> votes = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofDays(30))
            .build();

    /** Records the vote of {@code userId} on answer {@code messageId}; false when the user already voted. */
    public boolean tryVote(long messageId, long userId) {
        return votes.asMap().putIfAbsent(messageId + ":" + userId, Boolean.TRUE) == null;
    }
}
