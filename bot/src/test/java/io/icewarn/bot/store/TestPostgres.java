package io.icewarn.bot.store;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the tests use: {@code ICEWARN_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test},
 * user {@code ICEWARN_TEST_PG_USER}, default {@code postgres}, trust authentication). Each test class gets its
 * own fresh schema, dropped afterwards, so parallel runs and CI on one server never collide. When the server
 * is unreachable the tests are skipped with a message saying so, unless {@code CI=true}: then they fail.
 * Public for the end-to-end tests that run the bot on PostgreSQL.
 */
public final class TestPostgres {
    public static final String URL = env("ICEWARN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("ICEWARN_TEST_PG_USER", "postgres");

    private TestPostgres() {}

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    /** Skips (or, on CI, fails) the calling test class when PostgreSQL is not reachable. */
    public static void requireServer() {
        Optional<String> problem = problem();
        if (problem.isEmpty()) {
            return;
        }
        String message = "PostgreSQL tests SKIPPED: " + problem.get() + " at " + URL
                + " (start PostgreSQL there or set ICEWARN_TEST_PG_URL; with CI=true this is a failure)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + problem.get() + " at " + URL + ": the PostgreSQL store tests must run on CI");
        }
        System.err.println("[WARNING] " + message);
        Assumptions.abort(message);
    }

    private static Optional<String> problem() {
        java.net.URI uri = java.net.URI.create(URL.substring("jdbc:".length()));
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException e) {
            return Optional.of("no server listening");
        }
        try (Connection c = DriverManager.getConnection(URL, USER, null)) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("cannot log in as " + USER + " (" + e.getMessage() + ")");
        }
    }

    /** Returns a new schema name, unique to this run. */
    public static String freshSchema() {
        return "icewarn_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    /** Returns the target for {@code schema} (created by the store's migration). */
    static StoreTarget target(String schema) {
        return new StoreTarget(
                URL, Optional.of(USER), Optional.empty(), Optional.of(schema), "test PostgreSQL schema " + schema);
    }

    /** Returns the bot settings that keep its state in {@code schema} on the test server. */
    public static Map<String, String> botEnvironment(String schema) {
        return Map.of(
                "ICEWARN_DATABASE_URL", URL,
                "ICEWARN_DATABASE_USER", USER,
                "ICEWARN_DATABASE_SCHEMA", schema);
    }

    /** Drops {@code schema} and everything in it. */
    public static void drop(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, null);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
