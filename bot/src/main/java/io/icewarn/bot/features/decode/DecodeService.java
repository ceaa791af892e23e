package io.icewarn.bot.features.decode;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.icewarn.bot.config.Settings;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.Decoder;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Decodes text through a Caffeine cache keyed by the normalised text, with at most a configured number
 * of decodes running at once. The console, the command line and the Discord bot all decode through one
 * instance. Thread-safe.
 */
public final class DecodeService {
    /** Texts longer than this many characters are decoded but not cached, so big logs do not pin memory. */
    public static final int MAX_CACHED_CHARS = 256 * 1024;

    private final Function<String, DecodeResult> decoder;
    private final long maxEntries;
    private final Duration ttl;
    /** Built on first use: a command that streams a big file through the decoder never loads Caffeine. */
    private volatile Cache<String, DecodeResult> cache;

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
        Objects.requireNonNull(ttl, "ttl");
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative");
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.permits = new Semaphore(maxConcurrent, true);
    }

    private Cache<String, DecodeResult> cache() {
        Cache<String, DecodeResult> c = cache;
        if (c == null) {
            synchronized (this) {
                c = cache;
                if (c == null) {
                    c = Caffeine.newBuilder()
                            .maximumSize(maxEntries)
                            .expireAfterWrite(ttl)
                            .recordStats()
                            .build();
                    cache = c;
                }
            }
        }
        return c;
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
        // one pass: a regex for "blanks before a line end" backtracks quadratically on long blank runs
        StringBuilder b = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || c == '\r';
            boolean trailingBlank =
                    blank(c) && (i + 1 == n || text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r');
            if (b == null && (c == '\r' || trailingBlank)) {
                b = new StringBuilder(n).append(text, 0, i);
            }
            if (b == null) {
                continue;
            }
            if (lineEnd) {
                int end = b.length();
                while (end > 0 && blank(b.charAt(end - 1))) {
                    end--;
                }
                b.setLength(end);
                b.append('\n');
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return (b == null ? text : b.toString()).strip();
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f';
    }

    /** Returns the decode of {@code text} (normalised first), from the cache when it was seen recently. */
    public DecodedText decode(String text) {
        Objects.requireNonNull(text, "text");
        String key = normalise(text);
        if (key.length() > MAX_CACHED_CHARS) {
            return new DecodedText(key, run(key));
        }
        return new DecodedText(key, cache().get(key, this::run));
    }

    /**
     * Returns the decode of {@code text} like {@link #decode}, or empty at once when it is not cached and
     * every decode permit is taken (the caller tells the user to retry shortly). Never blocks on a permit.
     */
    public Optional<DecodedText> tryDecode(String text) {
        Objects.requireNonNull(text, "text");
        String key = normalise(text);
        boolean cacheable = key.length() <= MAX_CACHED_CHARS;
        if (cacheable) {
            DecodeResult cached = cache().getIfPresent(key);
            if (cached != null) {
                return Optional.of(new DecodedText(key, cached));
            }
        }
        if (!permits.tryAcquire()) {
            return Optional.empty();
        }
        DecodeResult result;
        try {
            result = decoder.apply(key);
        } finally {
            permits.release();
        }
        if (cacheable) {
            cache().put(key, result);
        }
        return Optional.of(new DecodedText(key, result));
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
        Cache<String, DecodeResult> c = cache();
        com.github.benmanes.caffeine.cache.stats.CacheStats s = c.stats();
        return new CacheStats(s.hitCount(), s.missCount(), s.evictionCount(), c.estimatedSize());
    }
}
