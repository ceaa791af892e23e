package io.icewarn.bot.features.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class LoginBucketsTest {

    @Test
    void bucketOf_isIdModuloMaxConcurrency() {
        assertThat(LoginBuckets.bucketOf(0, 1)).isZero();
        assertThat(LoginBuckets.bucketOf(17, 16)).isEqualTo(1);
        assertThatThrownBy(() -> LoginBuckets.bucketOf(1, 0)).hasMessageContaining("max_concurrency");
    }

    @Test
    void byBucket_contiguousBlockSpreadsOverBuckets() {
        // GIVEN replica 1 of 2 sharing 32 shards with max_concurrency 16
        List<Integer> ids = ShardPlan.idsForReplica(1, 2, 32);

        // WHEN grouped by login bucket
        Map<Integer, List<Integer>> buckets = LoginBuckets.byBucket(ids, 16);

        // THEN every bucket holds one shard, so all 16 can identify at once
        assertThat(buckets)
                .hasSize(16)
                .allSatisfy((bucket, shards) -> assertThat(shards).hasSize(1));
        assertThat(LoginBuckets.minimumLoginTime(ids, 16)).isEqualTo(Duration.ZERO);
    }

    @Test
    void minimumLoginTime_maxConcurrencyOne_isFiveSecondsPerExtraShard() {
        assertThat(LoginBuckets.minimumLoginTime(List.of(0, 1, 2, 3), 1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(LoginBuckets.minimumLoginTime(List.of(), 1)).isEqualTo(Duration.ZERO);
    }
}
