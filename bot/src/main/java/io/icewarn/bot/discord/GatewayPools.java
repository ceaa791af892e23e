package io.icewarn.bot.discord;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import net.dv8tion.jda.api.sharding.ThreadPoolProvider;

/**
 * Gives each shard the single-thread gateway pool JDA would make for it, with one difference: a task handed
 * to the pool once it is shut down is dropped instead of rejected. JDA's gateway sending loop checks its
 * stop flag and then schedules its next run; when the shard's shutdown closes the pool between the two, the
 * default pool throws and JDA logs the exception with a stack trace on a normal stop. Dropping is right
 * there: the loop being scheduled belongs to a connection that is closing. JDA still shuts each pool down
 * with its shard. Thread-safe.
 */
final class GatewayPools implements ThreadPoolProvider<ScheduledExecutorService> {
    @Override
    public ScheduledExecutorService provide(int shardId) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(
                1,
                r -> {
                    Thread t = new Thread(r, "icewarn-gateway-" + shardId);
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.DiscardPolicy());
        // a delayed send or heartbeat of a closed connection must not run once the pool is shut down
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return pool;
    }

    @Override
    public boolean shouldShutdownAutomatically(int shardId) {
        return true;
    }
}
