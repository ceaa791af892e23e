package io.icewarn.bot.features.sharding;

import java.util.Objects;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;

/** Applies a {@link ShardPlan} to JDA's {@link DefaultShardManagerBuilder}. */
public final class ShardManagerPlans {

    private ShardManagerPlans() {}

    /**
     * Sets the total and the shard ids of {@code builder} from {@code plan} and returns the builder.
     *
     * <p>{@link ShardPlan#all()} leaves both unset, so JDA asks Discord for the recommended total and runs every
     * shard. A fixed total calls {@code setShardsTotal}; a partial plan also calls {@code setShards(ids)}.
     */
    public static DefaultShardManagerBuilder apply(ShardPlan plan, DefaultShardManagerBuilder builder) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(builder, "builder");
        if (plan.isTotalFixed()) {
            builder.setShardsTotal(plan.total());
            if (!plan.ownsAll()) {
                builder.setShards(plan.ids());
            }
        }
        return builder;
    }
}
