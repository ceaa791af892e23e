package io.icewarn.bot.features.decode;

/**
 * A snapshot of the decode cache's counters, for metrics and the health command. Immutable.
 *
 * @param hits lookups answered from the cache
 * @param misses lookups that ran the decoder
 * @param evictions entries dropped for size or age
 * @param size entries held now (approximate)
 */
public record CacheStats(long hits, long misses, long evictions, long size) {
    public CacheStats {
        if (hits < 0 || misses < 0 || evictions < 0 || size < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** Returns the stats of a cache that was never used. */
    public static CacheStats empty() {
        return new CacheStats(0, 0, 0, 0);
    }

    /** Returns hits divided by lookups, or 1.0 when there was no lookup (Caffeine's convention). */
    public double hitRate() {
        long requests = hits + misses;
        return requests == 0 ? 1.0 : (double) hits / requests;
    }
}
