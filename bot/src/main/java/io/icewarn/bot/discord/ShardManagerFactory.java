package io.icewarn.bot.discord;

import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;

/**
 * The seam where sharding plugs in: receives the configured builder (token, intents, caches, listeners,
 * our shutdown hook instead of JDA's) and may add a shard plan before it is built. The default uses all
 * shards, as many as Discord recommends. The deploy branch's {@code ShardManagerPlans.apply(plan, builder)}
 * goes here.
 */
@FunctionalInterface
public interface ShardManagerFactory {
    /** All shards in one process, counted by Discord. */
    ShardManagerFactory ALL_SHARDS = builder -> builder;

    /** Returns {@code builder} with the shards this process owns set. */
    DefaultShardManagerBuilder plan(DefaultShardManagerBuilder builder);
}
