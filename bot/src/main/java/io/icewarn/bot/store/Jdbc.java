package io.icewarn.bot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Small JDBC helpers shared by the repositories: SQLSTATE checks and single statements on a pooled connection. */
final class Jdbc {
    /** SQLSTATE of a unique-key violation (both H2 and PostgreSQL). */
    static final String UNIQUE_VIOLATION = "23505";
    /** How often a write that lost a race with another writer is tried again. */
    static final int ATTEMPTS = 5;

    private Jdbc() {}

    /** Returns true when {@code e} says a row with the same key was inserted first (by another writer). */
    static boolean duplicateKey(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /**
     * Returns true when {@code e} is a transient conflict between writers worth retrying: serialization
     * failure or deadlock (PostgreSQL), lock timeout or deadlock (H2).
     */
    static boolean transientConflict(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state) || duplicateKey(e);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Runs one statement with {@code args} and returns the updated row count. */
    static int update(DataSource db, String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection()) {
            return update(c, sql, args);
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    static StoreException failed(String what, SQLException e) {
        return Store.failure("store: could not " + what, e, null);
    }
}
