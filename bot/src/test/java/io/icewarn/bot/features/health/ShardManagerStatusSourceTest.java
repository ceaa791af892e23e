package io.icewarn.bot.features.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.icewarn.bot.features.sharding.ShardPlan;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.Test;

final class ShardManagerStatusSourceTest {

    private final ShardManager manager = mock(ShardManager.class);

    private JDA shard(int id, JDA.Status status, long ping) {
        JDA jda = mock(JDA.class);
        when(jda.getStatus()).thenReturn(status);
        when(jda.getGatewayPing()).thenReturn(ping);
        when(manager.getShardById(id)).thenReturn(jda);
        return jda;
    }

    @Test
    void snapshot_replicaPlan_readsOnlyOwnedShards() {
        // GIVEN replica 1 of 2 over 4 shards; shard 2 connected, shard 3 not started yet
        shard(2, JDA.Status.CONNECTED, 40);
        ShardManagerStatusSource source = ShardManagerStatusSource.of(manager, ShardPlan.forReplica(1, 2, 4));

        // WHEN / THEN
        assertThat(source.snapshot()).containsExactly(new ShardStatus(2, "CONNECTED", true, 40), ShardStatus.queued(3));
        assertThat(source.ready()).isFalse();
        assertThat(source.status(0)).isEmpty();
    }

    @Test
    void ready_allOwnedConnected() {
        shard(2, JDA.Status.CONNECTED, 40);
        JDA three = shard(3, JDA.Status.LOADING_SUBSYSTEMS, -1);
        ShardManagerStatusSource source = ShardManagerStatusSource.of(manager, ShardPlan.forReplica(1, 2, 4));
        assertThat(source.ready()).isFalse();

        when(three.getStatus()).thenReturn(JDA.Status.CONNECTED);
        assertThat(source.ready()).isTrue();
    }

    @Test
    void autoTotal_usesManagerTotal_notReadyBeforeKnown() {
        ShardManagerStatusSource source = ShardManagerStatusSource.of(manager, ShardPlan.all());
        when(manager.getShardsTotal()).thenReturn(0);
        assertThat(source.ready()).isFalse();

        when(manager.getShardsTotal()).thenReturn(2);
        shard(0, JDA.Status.CONNECTED, 10);
        shard(1, JDA.Status.CONNECTED, 11);
        assertThat(source.ownedShards()).containsExactly(0, 1);
        assertThat(source.ready()).isTrue();
    }
}
