package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.ChildJvmBot;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import io.icewarn.bot.store.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Settings and votes survive a kill of the real process on PostgreSQL, and two bot processes sharing one
 * PostgreSQL schema keep each other's state apart. Each process has its own simulated Discord with its own
 * server, as two shards have disjoint servers (the simulator models one shard per gateway). Skipped with a
 * message when no server is reachable, a failure when {@code CI=true} ({@link TestPostgres}).
 */
final class StateRestartPostgresIT extends StateAcrossRestarts {
    private String schema;

    @Override
    Map<String, String> database() {
        TestPostgres.requireServer();
        schema = TestPostgres.freshSchema();
        return TestPostgres.botEnvironment(schema);
    }

    @Override
    void dropDatabase() throws Exception {
        if (schema != null) {
            TestPostgres.drop(schema);
        }
    }

    @Test
    void twoProcessesOnOneSchemaKeepTheirServersApart() {
        try (SimulatedDiscord one = SimulatedDiscord.start();
                SimulatedDiscord two = SimulatedDiscord.start()) {
            assertThat(one.world().guildId()).isNotEqualTo(two.world().guildId());
            try (ChildJvmBot first = start(one, 1);
                    ChildJvmBot second = start(two, 1)) {
                // GIVEN both processes running at once on the same schema
                // WHEN each server changes a different setting and votes
                assertThat(admin(one, "redact", Map.of("enabled", true))).contains("on");
                assertThat(admin(two, "dedup-window", Map.of("window", "5m"))).contains("5m");
                voteFixedIt(one, one.world().human(1));
                String answer = voteFixedIt(two, two.world().human(1));
                assertThat(press(
                                two,
                                two.world().human(2),
                                answer.substring(answer.indexOf(' ') + 1),
                                Long.parseLong(answer.substring(0, answer.indexOf(' ')))))
                        .isEqualTo("Thanks, noted.");
                // THEN each server sees only its own change and its own votes
                String showOne = admin(one, "show", Map.of());
                String showTwo = admin(two, "show", Map.of());
                assertThat(showOne).contains(REDACTION_SET).doesNotContain("5m (set here)");
                assertThat(showTwo).contains("5m (set here)").doesNotContain(REDACTION_SET);
                assertThat(admin(one, "stats", Map.of())).contains("Feedback in this server: 1 vote.");
                assertThat(admin(two, "stats", Map.of())).contains("Feedback in this server: 2 votes.");
            }
        }
    }
}
