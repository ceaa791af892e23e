package io.icewarn.bot.features.autoreply;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Which answer belongs to which user message, so edits and deletions can follow. Bounded and in memory:
 * after a restart it is empty and {@link AutoReply} falls back to the thread that has the message's ID.
 * Thread-safe.
 */
public final class ReplyIndex {
    /** The most messages remembered. */
    public static final long MAX_ENTRIES = 50_000;

    private final Cache<Long, Posted> posted = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(Duration.ofDays(2))
            .build();

    /** Remembers that {@code messageId} was answered at {@code where}. */
    public void put(long messageId, Posted where) {
        posted.put(messageId, where);
    }

    /** Returns where {@code messageId} was answered, if remembered. */
    public Optional<Posted> get(long messageId) {
        return Optional.ofNullable(posted.getIfPresent(messageId));
    }

    /** Forgets {@code messageId} and returns where it was answered, if remembered. */
    public Optional<Posted> remove(long messageId) {
        return Optional.ofNullable(posted.asMap().remove(messageId));
    }
}
