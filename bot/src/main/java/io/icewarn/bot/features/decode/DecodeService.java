package io.icewarn.bot.features.decode;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.icewarn.bot.config.Settings;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.Decoder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Decodes text through a Caffeine cache keyed by the normalised text, with at most a configured number
 * of decodes running at once. The console, the command line and the Discord bot all decode through one
 * instance. Thread-safe.
 */
public final class DecodeService {
    /** Texts longer than this many characters are decoded but not cached, so big logs do not pin memory. */
    public static final int MAX_CACHED_CHARS = 256 * 1024;

    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\x0B\\f]+(?=\\n|$)");

    private final Function<String, DecodeResult> decoder;
    private final Cache<String, DecodeResult> cache;
    private final Semaphore permits;

    /**
     * Returns a service.
     *
     * @param decoder decodes one normalised text; must never throw for any input
     * @param maxEntries the most results cached (0 disables caching)
     * @param ttl how long a result stays cached after it was written
     * @param maxConcurrent how many decodes may run at once, at least 1
     */
    public DecodeService(Function<String, DecodeResult> decoder, long maxEntries, Duration ttl, int maxConcurrent) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .recordStats()
                .build();
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.permits = new Semaphore(maxConcurrent, true);
    }

    /** Returns a service over {@code decoder} sized by {@code settings}. */
    public static DecodeService of(Decoder decoder, Settings settings) {
        return new DecodeService(
                decoder::decode, settings.cacheSize(), settings.cacheTtl(), settings.maxConcurrentDecodes());
    }

    /**
     * Returns {@code text} normalised: line endings unified to {@code \n}, trailing blanks of every line
     * removed, and leading and trailing whitespace trimmed. Equal pastes normalise to equal keys.
     */
    public static String normalise(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        t = TRAILING_SPACE.matcher(t).replaceAll("");
        return t.strip();
    }

    /** Returns the decode of {@code text} (normalised first), from the cache when it was seen recently. */
    public DecodedText decode(String text) {
        Objects.requireNonNull(text, "text");
        String key = normalise(text);
        if (key.length() > MAX_CACHED_CHARS) {
            return new DecodedText(key, run(key));
        }
        return new DecodedText(key, cache.get(key, this::run));
    }

    private DecodeResult run(String text) {
        permits.acquireUninterruptibly();
        try {
            return decoder.apply(text);
        } finally {
            permits.release();
        }
    }

    /** Returns the cache's counters now. */
    public CacheStats stats() {
        com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.stats();
        return new CacheStats(s.hitCount(), s.missCount(), s.evictionCount(), cache.estimatedSize());
    }
}
