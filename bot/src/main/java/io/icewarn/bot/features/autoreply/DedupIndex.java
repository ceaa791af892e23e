package io.icewarn.bot.features.autoreply;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Remembers, per channel, which pastes were answered within the window, so the same paste posted again
 * links to the earlier answer. The window is per server ({@code /icewarn-admin dedup-window}), so each
 * lookup passes the window in force now; an entry is kept for the window in force when it was written.
 * Keys are SHA-256 digests of the normalised text; bounded and thread-safe.
 */
public final class DedupIndex {
    private record Entry(String jumpUrl, long writtenAt, long keepNanos) {}

    private final Ticker ticker;
    private final Cache<String, Entry> answers;

    /** Returns an empty index whose ages are read from {@code ticker}. */
    public DedupIndex(Ticker ticker) {
        this.ticker = ticker;
        this.answers = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfter(Expiry.<String, Entry>creating((k, e) -> Duration.ofNanos(e.keepNanos())))
                .maximumSize(20_000)
                .build();
    }

    /**
     * Returns the link to the earlier answer to {@code key} in {@code channelId}, if it is younger than
     * {@code window} (zero: dedup is off).
     */
    public Optional<String> earlier(long channelId, String key, Duration window) {
        if (window.isZero()) {
            return Optional.empty();
        }
        Entry e = answers.getIfPresent(id(channelId, key));
        if (e == null || ticker.read() - e.writtenAt() >= window.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(e.jumpUrl());
    }

    /** Remembers for {@code window} that {@code key} in {@code channelId} was answered at {@code jumpUrl}. */
    public void remember(long channelId, String key, String jumpUrl, Duration window) {
        if (!window.isZero() && !jumpUrl.isEmpty()) {
            answers.put(id(channelId, key), new Entry(jumpUrl, ticker.read(), saturatedNanos(window)));
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String id(long channelId, String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return channelId + ":" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
