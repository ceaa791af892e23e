package io.icewarn.bot.features.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ShardPlanTest {

    private static final Random RANDOM = new Random(20261124L);

    @RepeatedTest(500)
    void idsForReplica_everyShardOwnedByExactlyOneReplica() {
        // GIVEN any total and any replica count that does not exceed it
        int total = 1 + RANDOM.nextInt(RANDOM.nextBoolean() ? 16 : 2_000);
        int replicas = 1 + RANDOM.nextInt(total);

        // WHEN each replica computes its own ids
        int[] owners = new int[total];
        List<Integer> sizes = new ArrayList<>();
        for (int index = 0; index < replicas; index++) {
            List<Integer> ids = ShardPlan.idsForReplica(index, replicas, total);
            sizes.add(ids.size());
            ids.forEach(id -> owners[id]++);
            assertThat(ShardPlan.forReplica(index, replicas, total).ids()).isEqualTo(ids);
        }

        // THEN every shard has exactly one owner, no replica is empty, and blocks differ by at most one
        assertThat(owners).as("total=%d replicas=%d", total, replicas).containsOnly(1);
        assertThat(sizes).allMatch(s -> s > 0);
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()
                        - sizes.stream().mapToInt(Integer::intValue).min().orElseThrow())
                .isLessThanOrEqualTo(1);
    }

    @Test
    void idsForReplica_contiguousBlocksBiggerFirst() {
        assertThat(ShardPlan.idsForReplica(0, 3, 8)).containsExactly(0, 1, 2);
        assertThat(ShardPlan.idsForReplica(1, 3, 8)).containsExactly(3, 4, 5);
        assertThat(ShardPlan.idsForReplica(2, 3, 8)).containsExactly(6, 7);
    }

    @Test
    void idsForReplica_moreReplicasThanShards_fails() {
        assertThatThrownBy(() -> ShardPlan.idsForReplica(0, 5, 4))
                .isInstanceOf(ShardPlanException.class)
                .hasMessage("ICEWARN_REPLICAS=5 exceeds ICEWARN_SHARDS_TOTAL=4: some replicas would own no shard");
    }

    @Test
    void fromEnv_nothingSet_allShardsAutoTotal() {
        ShardPlan plan = ShardPlan.fromEnv(Map.of());
        assertThat(plan).isEqualTo(ShardPlan.all());
        assertThat(plan.ownsAll()).isTrue();
        assertThat(plan.isTotalFixed()).isFalse();
        assertThat(plan.describe()).isEqualTo("all shards (total recommended by Discord)");
    }

    @Test
    void fromEnv_totalOnly_allOfFixedTotal() {
        ShardPlan plan = ShardPlan.fromEnv(Map.of("ICEWARN_SHARDS_TOTAL", "4"));
        assertThat(plan.ids()).containsExactly(0, 1, 2, 3);
        assertThat(plan.ownsAll()).isTrue();
    }

    @Test
    void fromEnv_explicitIdsWithRanges() {
        ShardPlan plan = ShardPlan.fromEnv(Map.of("ICEWARN_SHARDS_TOTAL", "16", "ICEWARN_SHARD_IDS", "9, 0-2,12-13"));
        assertThat(plan.ids()).containsExactly(0, 1, 2, 9, 12, 13);
        assertThat(plan.ownsAll()).isFalse();
        assertThat(plan.describe()).isEqualTo("6 of 16 shards: 0-2,9,12-13");
    }

    @Test
    void fromEnv_replicaFromHostname() {
        ShardPlan plan = ShardPlan.fromEnv(Map.of(
                "ICEWARN_SHARDS_TOTAL", "8",
                "ICEWARN_REPLICAS", "4",
                "ICEWARN_REPLICA_INDEX", "from-hostname",
                "HOSTNAME", "icewarn-3"));
        assertThat(plan.ids()).containsExactly(6, 7);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ICEWARN_SHARD_IDS=1                                    | ICEWARN_SHARD_IDS needs ICEWARN_SHARDS_TOTAL: JDA ignores shard ids unless the total is fixed
            ICEWARN_SHARDS_TOTAL=0                                 | ICEWARN_SHARDS_TOTAL must be >= 1 or auto, got 0
            ICEWARN_SHARDS_TOTAL=four                              | ICEWARN_SHARDS_TOTAL must be a whole number, got 'four'
            ICEWARN_SHARDS_TOTAL=4;ICEWARN_SHARD_IDS=4             | shard id 4 is outside 0..3
            ICEWARN_SHARDS_TOTAL=4;ICEWARN_SHARD_IDS=1,1           | ICEWARN_SHARD_IDS lists a shard twice: [1, 1]
            ICEWARN_SHARDS_TOTAL=4;ICEWARN_SHARD_IDS=3-1           | ICEWARN_SHARD_IDS has a bad range '3-1'
            ICEWARN_SHARDS_TOTAL=4;ICEWARN_SHARD_IDS=1;ICEWARN_REPLICAS=2 | set either ICEWARN_SHARD_IDS or ICEWARN_REPLICAS/ICEWARN_REPLICA_INDEX, not both
            ICEWARN_REPLICAS=2;ICEWARN_REPLICA_INDEX=0             | ICEWARN_REPLICAS/ICEWARN_REPLICA_INDEX need ICEWARN_SHARDS_TOTAL: every replica must agree on the total
            ICEWARN_SHARDS_TOTAL=4;ICEWARN_REPLICAS=2              | ICEWARN_REPLICAS=2 needs ICEWARN_REPLICA_INDEX (a number or from-hostname)
            ICEWARN_SHARDS_TOTAL=4;ICEWARN_REPLICAS=2;ICEWARN_REPLICA_INDEX=2 | ICEWARN_REPLICA_INDEX must be 0..1, got 2
            ICEWARN_SHARDS_TOTAL=4;ICEWARN_REPLICAS=2;ICEWARN_REPLICA_INDEX=from-hostname | ICEWARN_REPLICA_INDEX=from-hostname but HOSTNAME is not set
            ICEWARN_SHARDS_TOTAL=4;ICEWARN_REPLICAS=2;ICEWARN_REPLICA_INDEX=from-hostname;HOSTNAME=laptop | ICEWARN_REPLICA_INDEX=from-hostname but HOSTNAME 'laptop' does not end in -<ordinal>
            """)
    void fromEnv_badSettings_oneLineError(String settings, String message) {
        var env = new java.util.HashMap<String, String>();
        for (String pair : settings.split(";")) {
            String[] kv = pair.split("=", 2);
            env.put(kv[0], kv[1]);
        }
        assertThatThrownBy(() -> ShardPlan.fromEnv(env))
                .isInstanceOf(ShardPlanException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void ordinalOf_statefulSetPodNames() {
        assertThat(ShardPlan.ordinalOf("icewarn-0")).isZero();
        assertThat(ShardPlan.ordinalOf("icewarn-bot-12")).isEqualTo(12);
    }

    @Test
    void compact_collapsesRuns() {
        assertThat(ShardPlan.compact(IntStream.rangeClosed(0, 5).boxed().toList()))
                .isEqualTo("0-5");
        assertThat(ShardPlan.compact(List.of(1, 3, 4))).isEqualTo("1,3-4");
    }
}
