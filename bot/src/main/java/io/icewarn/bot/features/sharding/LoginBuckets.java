package io.icewarn.bot.features.sharding;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Discord's identify rate limit, for planning how shards log in.
 *
 * <p>A shard's login bucket is {@code shard_id % max_concurrency}; each bucket may identify once per {@link
 * #IDENTIFY_INTERVAL} ({@code max_concurrency} comes from {@code GET /gateway/bot}, {@code
 * session_start_limit.max_concurrency}; 1 for most bots). JDA's {@code ConcurrentSessionController} keeps to that
 * inside one JVM, but not across processes. icewarn keeps pods apart instead: the StatefulSet starts pods with {@code
 * podManagementPolicy: OrderedReady} and a pod is ready ({@code /readyz}) only when all its shards are connected, so at
 * most one pod identifies at a time. See deploy/README.md.
 */
public final class LoginBuckets {

    /** How often one bucket may identify. */
    public static final Duration IDENTIFY_INTERVAL = Duration.ofSeconds(5);

    private LoginBuckets() {}

    /** Returns the login bucket of {@code shardId}. */
    public static int bucketOf(int shardId, int maxConcurrency) {
        if (shardId < 0) {
            throw new IllegalArgumentException("shardId must be >= 0, got " + shardId);
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max_concurrency must be >= 1, got " + maxConcurrency);
        }
        return shardId % maxConcurrency;
    }

    /** Returns {@code ids} grouped by bucket, buckets ascending, ids in their given order. */
    public static Map<Integer, List<Integer>> byBucket(List<Integer> ids, int maxConcurrency) {
        return ids.stream()
                .collect(Collectors.groupingBy(id -> bucketOf(id, maxConcurrency), TreeMap::new, Collectors.toList()));
    }

    /**
     * Returns the least time one process needs to identify all of {@code ids} when nothing else identifies
     * meanwhile: the fullest bucket's size minus one, times {@link #IDENTIFY_INTERVAL}. Size readiness timeouts from
     * it.
     */
    public static Duration minimumLoginTime(List<Integer> ids, int maxConcurrency) {
        int fullest = byBucket(ids, maxConcurrency).values().stream()
                .mapToInt(List::size)
                .max()
                .orElse(0);
        return IDENTIFY_INTERVAL.multipliedBy(Math.max(fullest - 1, 0));
    }
}
