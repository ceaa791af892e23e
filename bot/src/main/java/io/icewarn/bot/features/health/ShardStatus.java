package io.icewarn.bot.features.health;

import java.util.Objects;

/**
 * One shard's state as the health endpoint and the metrics see it.
 *
 * @param shardId the Discord shard id, {@code >= 0}
 * @param status the runner's own status name (for JDA: a {@code JDA.Status} name such as {@code CONNECTED}); never
 *     null
 * @param connected whether the shard can receive events now; only connected shards count as ready
 * @param gatewayPingMillis the last heartbeat round trip in milliseconds, {@code -1} while unknown
 */
public record ShardStatus(int shardId, String status, boolean connected, long gatewayPingMillis) {

    public ShardStatus {
        if (shardId < 0) {
            throw new IllegalArgumentException("shardId must be >= 0, got " + shardId);
        }
        Objects.requireNonNull(status, "status");
    }

    /** Returns the status of a shard the runner has not started yet. */
    public static ShardStatus queued(int shardId) {
        return new ShardStatus(shardId, "QUEUED", false, -1);
    }
}
