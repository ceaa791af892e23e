package io.icewarn.bot.e2e;

import io.icewarn.bot.store.TestPostgres;
import java.util.Map;

/**
 * The kill test on PostgreSQL, shorter: the first eight kill points (arrival, attachment, thread and answer
 * holds), each in a fresh schema. Skipped with a message when no server is reachable, a failure when
 * {@code CI=true} ({@link TestPostgres}).
 */
final class CatchUpKillPostgresIT extends KillAndRestart {
    private String schema;

    @Override
    Map<String, String> database() {
        TestPostgres.requireServer();
        schema = TestPostgres.freshSchema();
        return TestPostgres.botEnvironment(schema);
    }

    @Override
    int points() {
        return 8;
    }

    @Override
    void dropDatabase() throws Exception {
        if (schema != null) {
            TestPostgres.drop(schema);
        }
    }
}
