package io.icewarn.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icewarn.bot.config.Secret;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store suite on a real PostgreSQL ({@link TestPostgres}), each test in its own fresh schema. Skipped
 * with a message when no server is reachable, failed instead when {@code CI=true}.
 */
final class PostgresStoreTest extends StoreContract {
    private String schema;

    @BeforeAll
    static void server() {
        TestPostgres.requireServer();
    }

    @BeforeEach
    void freshSchema() {
        schema = TestPostgres.freshSchema();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        TestPostgres.drop(schema);
    }

    @Override
    StoreTarget target() {
        return TestPostgres.target(schema);
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() {
        // GIVEN a user that does not exist, with a password
        String password = "pw-" + System.nanoTime();
        StoreTarget wrong = new StoreTarget(
                TestPostgres.URL + "?connectTimeout=5",
                Optional.of("no_such_user_" + System.nanoTime()),
                Optional.of(Secret.of(password)),
                Optional.of(schema),
                "PostgreSQL at the test server");
        // WHEN / THEN opening fails with one line that names the database but not the password
        assertThatThrownBy(() -> Store.open(wrong))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("PostgreSQL at the test server")
                .hasMessageNotContaining(password)
                .hasMessageNotContaining("\n");
    }

    @Test
    void theTablesLiveOnlyInTheirOwnSchema() throws Exception {
        // GIVEN a store in this test's schema
        try (Store store = open()) {
            store.checkpoints().advance(GUILD, 1, 2);
        }
        // THEN the tables were created there, not in public
        try (var c = java.sql.DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, null);
                var s = c.prepareStatement(
                        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'channel_checkpoint'"
                                + " AND table_schema = ?")) {
            s.setString(1, schema);
            try (var r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
            }
        }
    }
}
