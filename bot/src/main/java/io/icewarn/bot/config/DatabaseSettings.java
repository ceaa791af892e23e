package io.icewarn.bot.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bot keeps its durable state (per-server settings, feedback votes, channel checkpoints).
 * Without a JDBC URL it is an embedded H2 database in a file under {@link #dataDirectory}; with one
 * (PostgreSQL) several processes can share it. {@link #toString()} never shows the password.
 *
 * @param dataDirectory where the embedded database file lives ({@code ICEWARN_DATA_DIR})
 * @param jdbcUrl a {@code jdbc:postgresql://…} URL ({@code ICEWARN_DATABASE_URL}); empty = embedded file
 * @param user the database user ({@code ICEWARN_DATABASE_USER}), if any
 * @param password the database password ({@code ICEWARN_DATABASE_PASSWORD} or the file
 *     {@code ICEWARN_DATABASE_PASSWORD_FILE} names), if any
 * @param schema the schema the tables live in ({@code ICEWARN_DATABASE_SCHEMA}); empty = the connection's default
 */
public record DatabaseSettings(
        Path dataDirectory,
        Optional<String> jdbcUrl,
        Optional<String> user,
        Optional<Secret> password,
        Optional<String> schema) {
    /** The embedded database's file name (H2 adds {@code .mv.db}). */
    public static final String EMBEDDED_NAME = "icewarn";

    public DatabaseSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(schema, "schema");
    }

    /** Returns the settings with nothing configured: the embedded database under {@code ./data}. */
    public static DatabaseSettings defaults() {
        return embedded(Path.of("data"));
    }

    /** Returns the settings for the embedded database under {@code dataDirectory}. */
    public static DatabaseSettings embedded(Path dataDirectory) {
        return new DatabaseSettings(
                dataDirectory, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Returns true when the embedded file database is used (no JDBC URL is set). */
    public boolean embedded() {
        return jdbcUrl.isEmpty();
    }

    /** Returns where the data is, for log lines: the directory, or the URL without its query (which may hold a password). */
    public String describe() {
        if (embedded()) {
            return "embedded H2 database in " + dataDirectory.toAbsolutePath().normalize();
        }
        String url = jdbcUrl.get();
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query))
                + schema.map(s -> " (schema " + s + ")").orElse("");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user=" + user.orElse("<none>") + ", password="
                + (password.isPresent() ? "****" : "<none>") + "]";
    }
}
