package io.icewarn.bot.features.health;

import io.icewarn.bot.features.sharding.ShardPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Reads shard states from JDA's {@link ShardManager}: a shard is connected when its {@code JDA.Status} is {@code
 * CONNECTED}, and its ping is {@link JDA#getGatewayPing()}.
 *
 * <p>The owned ids come from the {@link ShardPlan} the manager was built with; when the plan leaves the total to
 * Discord, they are {@code 0 .. getShardsTotal()-1} as the manager reports them after login. Thread safe as far as
 * JDA's getters are.
 */
public final class ShardManagerStatusSource implements ShardStatusSource {

    private final ShardManager shardManager;
    private final ShardPlan plan;

    private ShardManagerStatusSource(ShardManager shardManager, ShardPlan plan) {
        this.shardManager = Objects.requireNonNull(shardManager, "shardManager");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** Returns a source over {@code shardManager}, which must have been built from {@code plan}. */
    public static ShardManagerStatusSource of(ShardManager shardManager, ShardPlan plan) {
        return new ShardManagerStatusSource(shardManager, plan);
    }

    /** Returns the ids this process owns; empty while an auto-sized manager has not learned its total. */
    public List<Integer> ownedShards() {
        if (!plan.ownsAll()) {
            return plan.ids();
        }
        int total = plan.isTotalFixed() ? plan.total() : shardManager.getShardsTotal();
        return IntStream.range(0, Math.max(total, 0)).boxed().toList();
    }

    @Override
    public List<ShardStatus> snapshot() {
        List<Integer> owned = ownedShards();
        List<ShardStatus> result = new ArrayList<>(owned.size());
        for (int id : owned) {
            result.add(read(id));
        }
        return List.copyOf(result);
    }

    @Override
    public Optional<ShardStatus> status(int shardId) {
        return ownedShards().contains(shardId) ? Optional.of(read(shardId)) : Optional.empty();
    }

    @Override
    public boolean ready() {
        List<ShardStatus> shards = snapshot();
        // an auto-sized manager that has not logged in yet owns "nothing": that is not ready
        return !shards.isEmpty() && shards.stream().allMatch(ShardStatus::connected);
    }

    private ShardStatus read(int id) {
        JDA jda = shardManager.getShardById(id);
        if (jda == null) {
            return ShardStatus.queued(id);
        }
        JDA.Status status = jda.getStatus();
        return new ShardStatus(id, status.name(), status == JDA.Status.CONNECTED, jda.getGatewayPing());
    }
}
