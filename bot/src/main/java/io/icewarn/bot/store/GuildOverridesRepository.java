package io.icewarn.bot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Per-server overrides ({@code guild_settings}, one row per server). {@link #update} is a locked
 * read-modify-write, so concurrent changes from several processes never lose each other. Thread-safe.
 */
public final class GuildOverridesRepository {
    private static final String COLUMNS =
            "auto_reply, channel_ids, excluded_role_ids, redact, private_replies, dedup_window_seconds";

    private final DataSource db;

    GuildOverridesRepository(DataSource db) {
        this.db = db;
    }

    /** Returns what {@code guildId} overrides ({@link GuildOverrides#none()} when nothing). */
    public GuildOverrides find(long guildId) {
        try (Connection c = db.getConnection()) {
            return read(c, guildId, false).orElse(GuildOverrides.none());
        } catch (SQLException e) {
            throw Jdbc.failed("read the server settings", e);
        }
    }

    /**
     * Applies {@code change} to the overrides of {@code guildId} atomically (the row is locked while the
     * change is computed; a lost insert race is retried) and returns the stored result.
     */
    public GuildOverrides update(long guildId, UnaryOperator<GuildOverrides> change) {
        SQLException last = null;
        for (int attempt = 0; attempt < Jdbc.ATTEMPTS; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Optional<GuildOverrides> current = read(c, guildId, true);
                    GuildOverrides next = change.apply(current.orElse(GuildOverrides.none()));
                    if (current.isPresent()) {
                        write(
                                c,
                                "UPDATE guild_settings SET auto_reply = ?, channel_ids = ?, excluded_role_ids = ?,"
                                        + " redact = ?, private_replies = ?, dedup_window_seconds = ?, updated_at = ?"
                                        + " WHERE guild_id = ?",
                                next,
                                guildId);
                    } else {
                        write(
                                c,
                                "INSERT INTO guild_settings (" + COLUMNS + ", updated_at, guild_id)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                next,
                                guildId);
                    }
                    c.commit();
                    return next;
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (!Jdbc.transientConflict(e)) {
                    throw Jdbc.failed("save the server settings", e);
                }
                last = e;
            }
        }
        throw Jdbc.failed("save the server settings (busy, try again)", last);
    }

    /** Forgets every override of {@code guildId}, so the environment's defaults apply again. */
    public void reset(long guildId) {
        try {
            Jdbc.update(db, "DELETE FROM guild_settings WHERE guild_id = ?", guildId);
        } catch (SQLException e) {
            throw Jdbc.failed("reset the server settings", e);
        }
    }

    private static Optional<GuildOverrides> read(Connection c, long guildId, boolean lock) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM guild_settings WHERE guild_id = ?" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, guildId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Long dedup = r.getObject(6, Long.class);
                return Optional.of(new GuildOverrides(
                        Optional.ofNullable(r.getObject(1, Boolean.class)),
                        Optional.ofNullable(r.getString(2)).map(GuildOverridesRepository::parseIds),
                        Optional.ofNullable(r.getString(3)).map(GuildOverridesRepository::parseIds),
                        Optional.ofNullable(r.getObject(4, Boolean.class)),
                        Optional.ofNullable(r.getObject(5, Boolean.class)),
                        Optional.ofNullable(dedup).map(Duration::ofSeconds)));
            }
        }
    }

    private static void write(Connection c, String sql, GuildOverrides o, long guildId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bool(s, 1, o.autoReply());
            text(s, 2, o.channelIds().map(GuildOverridesRepository::formatIds));
            text(s, 3, o.excludedRoleIds().map(GuildOverridesRepository::formatIds));
            bool(s, 4, o.redact());
            bool(s, 5, o.privateReplies());
            if (o.dedupWindow().isPresent()) {
                s.setLong(6, o.dedupWindow().get().toSeconds());
            } else {
                s.setNull(6, Types.BIGINT);
            }
            s.setObject(7, Jdbc.now());
            s.setLong(8, guildId);
            s.executeUpdate();
        }
    }

    private static void bool(PreparedStatement s, int i, Optional<Boolean> v) throws SQLException {
        if (v.isPresent()) {
            s.setBoolean(i, v.get());
        } else {
            s.setNull(i, Types.BOOLEAN);
        }
    }

    private static void text(PreparedStatement s, int i, Optional<String> v) throws SQLException {
        if (v.isPresent()) {
            s.setString(i, v.get());
        } else {
            s.setNull(i, Types.VARCHAR);
        }
    }

    static String formatIds(Set<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    static Set<Long> parseIds(String text) {
        Set<Long> out = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            if (!part.isBlank()) {
                out.add(Long.parseLong(part.strip()));
            }
        }
        return out;
    }
}
