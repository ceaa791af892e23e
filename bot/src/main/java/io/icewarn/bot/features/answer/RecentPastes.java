package io.icewarn.bot.features.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Texts answered without a message to read them from again (a {@code /icewarn decode} paste), each under a
 * short random token that the buttons of its answer carry, so Full checklist, Raw fields, Ticket and the menu
 * work there too. Kept in memory for {@link #KEPT} at most (and the {@link #MAX_TEXTS} newest): after that or
 * a restart the buttons say the answer is too old. Thread-safe.
 */
public final class RecentPastes {
    /** How long a text is kept after it was answered. */
    public static final Duration KEPT = Duration.ofHours(24);
    /** The most texts kept. */
    public static final long MAX_TEXTS = 10_000;

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int TOKEN_CHARS = 12;

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, String> texts;

    /** Returns an empty store whose entries expire by {@code ticker}. */
    public RecentPastes(Ticker ticker) {
        this.texts = Caffeine.newBuilder()
                .ticker(Objects.requireNonNull(ticker, "ticker"))
                .expireAfterWrite(KEPT)
                .maximumSize(MAX_TEXTS)
                .build();
    }

    /** Keeps {@code text} and returns its token (12 characters of {@code [a-z2-9]}). */
    public String remember(String text) {
        Objects.requireNonNull(text, "text");
        char[] token = new char[TOKEN_CHARS];
        for (int i = 0; i < token.length; i++) {
            token[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        String t = new String(token);
        texts.put(t, text);
        return t;
    }

    /** Returns the text kept under {@code token}, if it is still kept. */
    public Optional<String> text(String token) {
        return Optional.ofNullable(texts.getIfPresent(token));
    }
}
