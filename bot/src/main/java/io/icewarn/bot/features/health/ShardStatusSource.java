package io.icewarn.bot.features.health;

import java.util.List;
import java.util.Optional;

/**
 * Tells the health endpoint and the metrics which shards this process owns and how each is doing.
 *
 * <p>Implementations must be thread safe: the HTTP server and the Prometheus scrape call them from their own threads,
 * and they should be cheap (a scrape calls {@link #status(int)} once per shard). To plug in a new runner, implement this
 * over it (see {@link ShardManagerStatusSource} for JDA's {@code ShardManager}) and pass it to {@link
 * HealthServer#start} and {@link Metrics#bindShards}.
 */
public interface ShardStatusSource {

    /**
     * Returns the state of every shard this process owns, ascending by id; empty when it owns none (console mode).
     * Shards the runner has not started yet are included as not connected.
     */
    List<ShardStatus> snapshot();

    /** Returns one owned shard's state, or empty when this process does not own that shard. */
    default Optional<ShardStatus> status(int shardId) {
        return snapshot().stream().filter(s -> s.shardId() == shardId).findFirst();
    }

    /** Returns whether every owned shard is connected; true when the process owns no shard. */
    default boolean ready() {
        return snapshot().stream().allMatch(ShardStatus::connected);
    }

    /** Returns a source that owns no shard: always ready. For console mode. */
    static ShardStatusSource none() {
        return List::of;
    }
}
