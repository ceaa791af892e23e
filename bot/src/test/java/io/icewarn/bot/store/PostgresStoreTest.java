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
    void aPasswordInTheUrlIsNeverLogged() {
        // GIVEN every log line captured at INFO, and a URL carrying a password (trust auth ignores it)
        String password = "pw-in-url-" + System.nanoTime();
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        var lines = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        lines.start();
        root.addAppender(lines);
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            StoreTarget withPassword = new StoreTarget(
                    TestPostgres.URL + "?password=" + password,
                    Optional.of(TestPostgres.USER),
                    Optional.empty(),
                    Optional.of(schema),
                    "PostgreSQL at the test server");
            // WHEN a store opens, migrates and closes
            try (Store store = Store.open(withPassword)) {
                store.checkpoints().advance(GUILD, 1, 1);
            }
        } finally {
            root.detachAppender(lines);
            root.setLevel(level);
        }
        // THEN something was logged, and none of it holds the password
        assertThat(lines.list).isNotEmpty();
        assertThat(lines.list).noneMatch(e -> e.getFormattedMessage().contains(password));
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
