package io.icewarn.bot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;

/**
 * Per-user cooldown shared by commands and automatic answers, so one user cannot flood a channel. Bounded
 * (entries expire after the cooldown) and thread-safe.
 */
public final class Cooldown {
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<Long, Long> lastUse;

    /** Returns a cooldown of {@code window} (zero turns it off) measured with {@code ticker}. */
    public Cooldown(Duration window, Ticker ticker) {
        this.windowNanos = Objects.requireNonNull(window, "window").toNanos();
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.lastUse = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(window.isZero() ? Duration.ofNanos(1) : window)
                .maximumSize(100_000)
                .build();
    }

    /**
     * Takes the user's turn: returns {@link Duration#ZERO} and starts the cooldown when the user may go
     * now, else how long is left (and changes nothing).
     */
    public Duration tryAcquire(long userId) {
        if (windowNanos <= 0) {
            return Duration.ZERO;
        }
        long now = ticker.read();
        Long before = lastUse.asMap().putIfAbsent(userId, now);
        if (before == null) {
            return Duration.ZERO;
        }
        long left = windowNanos - (now - before);
        if (left <= 0) {
            lastUse.put(userId, now);
            return Duration.ZERO;
        }
        return Duration.ofNanos(left);
    }

    /** Returns the words for "try again in …" for {@code left}, rounded up to whole seconds. */
    public static String slowDown(Duration left) {
        long s = Math.max(1, (left.toMillis() + 999) / 1000);
        return "Slow down: try again in " + s + "s.";
    }
}
