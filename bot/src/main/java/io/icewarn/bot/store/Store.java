package io.icewarn.bot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.icewarn.bot.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's durable state: per-server settings, feedback votes and channel checkpoints, in one database
 * (an embedded H2 file by default, PostgreSQL when configured). {@link #open} migrates the schema with
 * Flyway (the SQL files under {@code io/icewarn/bot/store/migration}) and then serves the repositories
 * from a small HikariCP pool. Thread-safe; several stores (processes) may share one PostgreSQL schema.
 * Only the Discord bot opens a store; the console and the command line never do.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** Where the migrations live on the class path. */
    static final String MIGRATIONS = "classpath:io/icewarn/bot/store/migration";

    private static final int POOL_SIZE = 4;

    private final StoreTarget target;
    private final HikariDataSource pool;
    private final GuildOverridesRepository guildOverrides;
    private final FeedbackRepository feedback;
    private final CheckpointRepository checkpoints;

    private Store(StoreTarget target, HikariDataSource pool) {
        this.target = target;
        this.pool = pool;
        this.guildOverrides = new GuildOverridesRepository(pool);
        this.feedback = new FeedbackRepository(pool);
        this.checkpoints = new CheckpointRepository(pool);
    }

    /**
     * Opens {@code target}: creates the data directory of an embedded file, brings the schema up to date and
     * starts the pool.
     *
     * @throws StoreException with a one-line message (never the password) when the database cannot be
     *     reached, is in use by another process (embedded file), or cannot be migrated
     */
    public static Store open(StoreTarget target) {
        createDirectory(target);
        String password = target.password().map(Secret::reveal).orElse(null);
        String user = target.user().orElse(null);
        try {
            var flyway = Flyway.configure(Store.class.getClassLoader())
                    .dataSource(target.jdbcUrl(), user, password)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true);
            if (target.schema().isPresent()) {
                flyway = flyway.schemas(target.schema().get())
                        .defaultSchema(target.schema().get());
            }
            MigrateResult result = flyway.load().migrate();
            LOG.info(
                    "Store: {} at schema version {} ({} migrations applied now)",
                    target,
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            throw failure("could not open or migrate the store (" + target + ")", e, password);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("icewarn-store");
        config.setJdbcUrl(target.jdbcUrl());
        target.user().ifPresent(config::setUsername);
        if (password != null) {
            config.setPassword(password);
        }
        target.schema().ifPresent(config::setSchema);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        try {
            return new Store(target, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw failure("could not connect to the store (" + target + ")", e, password);
        }
    }

    private static void createDirectory(StoreTarget target) {
        String prefix = "jdbc:h2:file:";
        if (!target.jdbcUrl().startsWith(prefix)) {
            return;
        }
        String file = target.jdbcUrl().substring(prefix.length()).split(";", 2)[0];
        Path dir = Path.of(file).getParent();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException | SecurityException e) {
            throw new StoreException(
                    "could not create the data directory " + dir + " ("
                            + e.getClass().getSimpleName() + "); set ICEWARN_DATA_DIR to a writable directory",
                    e);
        }
    }

    /** Returns a one-line failure naming the deepest cause, with {@code password} masked wherever it appears. */
    static StoreException failure(String what, Throwable e, String password) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        detail = detail.lines().findFirst().orElse("").strip();
        if (password != null && !password.isEmpty()) {
            detail = detail.replace(password, "****");
        }
        if (detail.length() > 300) {
            detail = detail.substring(0, 300) + "…";
        }
        return new StoreException(what + ": " + detail, e);
    }

    /** Returns the per-server settings overrides. */
    public GuildOverridesRepository guildOverrides() {
        return guildOverrides;
    }

    /** Returns the feedback votes. */
    public FeedbackRepository feedback() {
        return feedback;
    }

    /** Returns the channel checkpoints. */
    public CheckpointRepository checkpoints() {
        return checkpoints;
    }

    /** Returns what this store is, for log lines (never the password). */
    public StoreTarget target() {
        return target;
    }

    /** Closes the pool; an embedded H2 file is closed with its last connection. Idempotent. */
    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        pool.close();
        LOG.info("Store closed: {}", target);
    }
}
