package io.icewarn.bot.features.sharding;

import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import org.junit.jupiter.api.Test;

final class ShardManagerPlansTest {

    @Test
    void apply_allAuto_setsNothing() {
        DefaultShardManagerBuilder builder = mock(DefaultShardManagerBuilder.class);
        ShardManagerPlans.apply(ShardPlan.all(), builder);
        verify(builder, never()).setShardsTotal(anyInt());
        verify(builder, never()).setShards(anyCollection());
    }

    @Test
    void apply_allOfFixedTotal_setsTotalOnly() {
        DefaultShardManagerBuilder builder = mock(DefaultShardManagerBuilder.class);
        ShardManagerPlans.apply(ShardPlan.all(4), builder);
        verify(builder).setShardsTotal(4);
        verify(builder, never()).setShards(anyCollection());
    }

    @Test
    void apply_replica_setsTotalAndIds() {
        DefaultShardManagerBuilder builder = mock(DefaultShardManagerBuilder.class);
        ShardManagerPlans.apply(ShardPlan.forReplica(1, 2, 4), builder);
        verify(builder).setShardsTotal(4);
        verify(builder).setShards(List.of(2, 3));
    }
}
