package io.icewarn.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.store.FeedbackRepository.Outcome;
import io.icewarn.bot.store.FeedbackRepository.RuleVotes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The repository suite every database runs ({@link H2StoreTest}, {@link PostgresStoreTest}): real SQL on a
 * real database, no mocks. Each subclass opens stores on one target per test.
 */
abstract class StoreContract {
    static final long GUILD = 1111;
    static final long OTHER_GUILD = 2222;

    /** Returns where this test's data lives; every call during one test returns the same database. */
    abstract StoreTarget target();

    Store open() {
        return Store.open(target());
    }

    @Test
    void settingsSurviveARestart() {
        // GIVEN a server that changed every setting
        try (Store store = open()) {
            assertThat(store.guildOverrides().find(GUILD)).isEqualTo(GuildOverrides.none());
            store.guildOverrides()
                    .update(
                            GUILD,
                            o -> o.withAutoReply(false)
                                    .withChannelIds(Set.of(30L, 10L))
                                    .withExcludedRoleIds(Set.of())
                                    .withRedact(true)
                                    .withPrivateReplies(true)
                                    .withDedupWindow(Duration.ofMinutes(3)));
        }
        // WHEN the store is opened again
        try (Store store = open()) {
            GuildOverrides o = store.guildOverrides().find(GUILD);
            // THEN every value is back, and other servers still have no overrides
            assertThat(o.autoReply()).contains(false);
            assertThat(o.channelIds()).contains(Set.of(10L, 30L));
            assertThat(o.excludedRoleIds()).contains(Set.of());
            assertThat(o.redact()).contains(true);
            assertThat(o.privateReplies()).contains(true);
            assertThat(o.dedupWindow()).contains(Duration.ofMinutes(3));
            assertThat(store.guildOverrides().find(OTHER_GUILD)).isEqualTo(GuildOverrides.none());
        }
    }

    @Test
    void resetForgetsOneServersOverrides() {
        try (Store store = open()) {
            // GIVEN two servers with overrides
            store.guildOverrides().update(GUILD, o -> o.withRedact(true));
            store.guildOverrides().update(OTHER_GUILD, o -> o.withRedact(false));
            // WHEN one is reset
            store.guildOverrides().reset(GUILD);
            // THEN only that one is back to the defaults
            assertThat(store.guildOverrides().find(GUILD).isEmpty()).isTrue();
            assertThat(store.guildOverrides().find(OTHER_GUILD).redact()).contains(false);
        }
    }

    @Test
    void aSecondClickChangesOrKeepsTheVoteAndNeverDoubleCounts() {
        try (Store store = open()) {
            FeedbackRepository votes = store.feedback();
            // GIVEN / WHEN user 1 votes, votes the same again, then changes; user 2 votes once
            assertThat(votes.vote(GUILD, 500, 1, "rule-a", true)).isEqualTo(Outcome.RECORDED);
            assertThat(votes.vote(GUILD, 500, 1, "rule-a", true)).isEqualTo(Outcome.UNCHANGED);
            assertThat(votes.vote(GUILD, 500, 1, "rule-a", false)).isEqualTo(Outcome.CHANGED);
            assertThat(votes.vote(GUILD, 500, 2, "rule-a", true)).isEqualTo(Outcome.RECORDED);
            // THEN the rule has one vote each way
            assertThat(votes.stats(GUILD, 10)).containsExactly(new RuleVotes("rule-a", 1, 1));
        }
    }

    @Test
    void votesSurviveARestartAndAreCountedPerServerMostVotedFirst() {
        // GIVEN votes on three rules in one server and one in another
        try (Store store = open()) {
            FeedbackRepository votes = store.feedback();
            votes.vote(GUILD, 600, 1, "rule-b", true);
            votes.vote(GUILD, 601, 1, "rule-c", false);
            votes.vote(GUILD, 601, 2, "rule-c", false);
            votes.vote(GUILD, 601, 3, "rule-c", true);
            votes.vote(GUILD, 602, 1, "rule-a", true);
            votes.vote(OTHER_GUILD, 700, 1, "rule-a", false);
        }
        // WHEN the store is opened again
        try (Store store = open()) {
            // THEN the tally is there, most voted first, then by rule ID, and limited on request
            assertThat(store.feedback().stats(GUILD, 10))
                    .containsExactly(
                            new RuleVotes("rule-c", 1, 2),
                            new RuleVotes("rule-a", 1, 0),
                            new RuleVotes("rule-b", 1, 0));
            assertThat(store.feedback().stats(GUILD, 1)).hasSize(1);
            assertThat(store.feedback().count(GUILD)).isEqualTo(5);
            assertThat(store.feedback().stats(OTHER_GUILD, 10)).containsExactly(new RuleVotes("rule-a", 0, 1));
        }
    }

    @Test
    void checkpointsOnlyMoveForwardAndSurviveARestart() {
        try (Store store = open()) {
            CheckpointRepository checkpoints = store.checkpoints();
            // GIVEN / WHEN a checkpoint is set, moved back, and moved forward
            assertThat(checkpoints.find(77)).isEmpty();
            assertThat(checkpoints.advance(GUILD, 77, 1_000)).isTrue();
            assertThat(checkpoints.advance(GUILD, 77, 900)).isFalse();
            assertThat(checkpoints.advance(GUILD, 77, 1_000)).isFalse();
            assertThat(checkpoints.advance(GUILD, 77, 1_500)).isTrue();
            checkpoints.advance(GUILD, 78, 5);
            checkpoints.advance(OTHER_GUILD, 79, 6);
        }
        try (Store store = open()) {
            // THEN the latest one stays, per channel
            assertThat(store.checkpoints().find(77)).hasValue(1_500);
            assertThat(store.checkpoints().forGuild(GUILD))
                    .containsExactly(java.util.Map.entry(77L, 1_500L), java.util.Map.entry(78L, 5L));
        }
    }

    @Test
    void firstCheckpointsOfAGuildAreStoredTogetherAndNeverLowerOneStoredMeanwhile() {
        try (Store store = open()) {
            CheckpointRepository checkpoints = store.checkpoints();
            // GIVEN a guild whose channel 92 got a checkpoint meanwhile (a live answer)
            checkpoints.advance(GUILD, 92, 2_000);

            // WHEN the first checkpoints of 90 and 91 are stored together, then of 92 and 93 (92 lower)
            checkpoints.storeFirst(GUILD, java.util.Map.of(90L, 100L, 91L, 110L));
            checkpoints.storeFirst(GUILD, java.util.Map.of(92L, 120L, 93L, 130L));

            // THEN all are stored, and the one stored meanwhile kept its later message
            assertThat(checkpoints.forGuild(GUILD))
                    .containsExactly(
                            java.util.Map.entry(90L, 100L),
                            java.util.Map.entry(91L, 110L),
                            java.util.Map.entry(92L, 2_000L),
                            java.util.Map.entry(93L, 130L));
        }
    }

    @Test
    void twoStoresWritingAtOnceEndWithExactlyTheExpectedRows() throws Exception {
        // GIVEN two stores (two pools, as two processes would have) on the same database
        int threadsPerStore = 4;
        int perThread = 12; // 8 writers x 12 channels stay within one server's list limit
        try (Store a = open();
                Store b = open()) {
            List<Store> stores = List.of(a, b);
            ExecutorService pool = Executors.newFixedThreadPool(stores.size() * threadsPerStore);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> highest = new ArrayList<>();
            try {
                // WHEN every thread at once adds its own channels to one server's list, votes (each user
                // twice, the second time flipping on odd answers), and advances one shared checkpoint
                for (int s = 0; s < stores.size(); s++) {
                    for (int t = 0; t < threadsPerStore; t++) {
                        Store store = stores.get(s);
                        int writer = s * threadsPerStore + t;
                        Callable<Long> work = () -> {
                            start.await();
                            Random random = new Random(writer);
                            long max = 0;
                            for (int i = 0; i < perThread; i++) {
                                long channel = writer * 1000L + i;
                                store.guildOverrides().update(GUILD, o -> {
                                    Set<Long> ids = new HashSet<>(o.channelIds().orElse(Set.of()));
                                    ids.add(channel);
                                    return o.withChannelIds(ids);
                                });
                                long answer = 10_000 + i;
                                store.feedback().vote(GUILD, answer, writer, "rule-" + (i % 3), true);
                                store.feedback().vote(GUILD, answer, writer, "rule-" + (i % 3), i % 2 == 0);
                                long id = 1 + random.nextInt(1_000_000);
                                store.checkpoints().advance(GUILD, 55, id);
                                max = Math.max(max, id);
                            }
                            return max;
                        };
                        highest.add(pool.submit(work));
                    }
                }
                start.countDown();
                long expectedCheckpoint = 0;
                for (Future<Long> f : highest) {
                    expectedCheckpoint = Math.max(expectedCheckpoint, f.get(120, TimeUnit.SECONDS));
                }
                // THEN nothing was lost or counted twice
                int writers = stores.size() * threadsPerStore;
                Set<Long> expectedChannels = new HashSet<>();
                for (int w = 0; w < writers; w++) {
                    for (int i = 0; i < perThread; i++) {
                        expectedChannels.add(w * 1000L + i);
                    }
                }
                assertThat(a.guildOverrides().find(GUILD).channelIds()).contains(expectedChannels);
                assertThat(b.feedback().count(GUILD)).isEqualTo((long) writers * perThread);
                long helped = b.feedback().stats(GUILD, 10).stream()
                        .mapToLong(RuleVotes::helped)
                        .sum();
                assertThat(helped).isEqualTo((long) writers * ((perThread + 1) / 2));
                assertThat(a.checkpoints().find(55)).hasValue(expectedCheckpoint);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
