package io.icewarn.bot.features.autoreply;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Remembers, per channel, which pastes were answered within the window, so the same paste posted again
 * links to the earlier answer. Keys are SHA-256 digests of the normalised text; bounded and thread-safe.
 */
public final class DedupIndex {
    private final Cache<String, String> answers;
    private final boolean off;

    /** Returns an index that remembers answers for {@code window} (zero turns it off). */
    public DedupIndex(Duration window, Ticker ticker) {
        this.off = window.isZero();
        this.answers = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(off ? Duration.ofNanos(1) : window)
                .maximumSize(20_000)
                .build();
    }

    /** Returns the link to the earlier answer to {@code key} in {@code channelId}, if within the window. */
    public Optional<String> earlier(long channelId, String key) {
        return off ? Optional.empty() : Optional.ofNullable(answers.getIfPresent(id(channelId, key)));
    }

    /** Remembers that {@code key} in {@code channelId} was answered at {@code jumpUrl}. */
    public void remember(long channelId, String key, String jumpUrl) {
        if (!off && !jumpUrl.isEmpty()) {
            answers.put(id(channelId, key), jumpUrl);
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
