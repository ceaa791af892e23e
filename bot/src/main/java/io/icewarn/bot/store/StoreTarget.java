package io.icewarn.bot.store;

import io.icewarn.bot.config.DatabaseSettings;
import io.icewarn.bot.config.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * Which database a {@link Store} opens: a JDBC URL with its credentials and schema, and a description for
 * log lines and error messages that never holds the password. {@link #toString()} is that description.
 *
 * @param jdbcUrl the JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql:…})
 * @param user the user, if any
 * @param password the password, if any
 * @param schema the schema for the tables, created by the migration when missing; empty = the default one
 * @param description what to call this database in messages
 */
public record StoreTarget(
        String jdbcUrl, Optional<String> user, Optional<Secret> password, Optional<String> schema, String description) {
    public StoreTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(description, "description");
    }

    /** Returns the target the settings name: PostgreSQL when a URL is set, else the H2 file under the data directory. */
    public static StoreTarget of(DatabaseSettings settings) {
        if (settings.embedded()) {
            String file = settings.dataDirectory()
                    .toAbsolutePath()
                    .normalize()
                    .resolve(DatabaseSettings.EMBEDDED_NAME)
                    .toString();
            // closed by Store.close after work in flight, not by H2's own shutdown hook; WRITE_DELAY=0 writes
            // each commit to the file at once (H2 otherwise waits up to 500 ms, and a killed process loses it)
            return new StoreTarget(
                    "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0",
                    Optional.empty(),
                    Optional.empty(),
                    settings.schema(),
                    settings.describe());
        }
        return new StoreTarget(
                settings.jdbcUrl().get(), settings.user(), settings.password(), settings.schema(), settings.describe());
    }

    /** Returns an in-memory H2 database named {@code name}, shared within this JVM until it exits (tests). */
    public static StoreTarget inMemory(String name) {
        return new StoreTarget(
                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "in-memory H2 database " + name);
    }

    @Override
    public String toString() {
        return description;
    }
}
