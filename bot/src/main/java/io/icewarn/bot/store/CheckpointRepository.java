package io.icewarn.bot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The last message handled in each watched channel ({@code channel_checkpoint}), for catching up after
 * downtime. A checkpoint only moves forward: {@link #advance} never lowers it, also when several writers
 * race (the update is conditional, a lost insert race becomes that update). Discord message IDs are
 * snowflakes, so a larger ID is a later message. Thread-safe.
 */
public final class CheckpointRepository {
    private final DataSource db;

    CheckpointRepository(DataSource db) {
        this.db = db;
    }

    /**
     * Moves the checkpoint of {@code channelId} to {@code messageId} when that is later than the stored one
     * (or none is stored) and returns true when it moved.
     */
    public boolean advance(long guildId, long channelId, long messageId) {
        SQLException last = null;
        for (int attempt = 0; attempt < Jdbc.ATTEMPTS; attempt++) {
            try (Connection c = db.getConnection()) {
                if (forward(c, channelId, messageId) > 0) {
                    return true;
                }
                try {
                    Jdbc.update(
                            c,
                            "INSERT INTO channel_checkpoint (channel_id, guild_id, last_message_id, updated_at)"
                                    + " VALUES (?, ?, ?, ?)",
                            channelId,
                            guildId,
                            messageId,
                            Jdbc.now());
                    return true;
                } catch (SQLException e) {
                    if (!Jdbc.duplicateKey(e)) {
                        throw e;
                    }
                }
                return forward(c, channelId, messageId) > 0;
            } catch (SQLException e) {
                if (!Jdbc.transientConflict(e)) {
                    throw Jdbc.failed("save the checkpoint", e);
                }
                last = e;
            }
        }
        throw Jdbc.failed("save the checkpoint (busy)", last);
    }

    /**
     * Stores the first checkpoints of {@code guildId}'s channels ({@code channelToMessage}, channels with none
     * stored yet) in one transaction: a whole guild's first start is one commit, not one per channel. When a
     * checkpoint appeared meanwhile (the live path or another process stored it), falls back to
     * {@link #advance} channel by channel, which never lowers one.
     */
    public void storeFirst(long guildId, Map<Long, Long> channelToMessage) {
        if (channelToMessage.isEmpty()) {
            return;
        }
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO channel_checkpoint (channel_id, guild_id, last_message_id, updated_at)"
                            + " VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<Long, Long> e : channelToMessage.entrySet()) {
                    s.setLong(1, e.getKey());
                    s.setLong(2, guildId);
                    s.setLong(3, e.getValue());
                    s.setObject(4, Jdbc.now());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
                return;
            } catch (SQLException e) {
                c.rollback();
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw Jdbc.failed("save the checkpoints", e);
        }
        channelToMessage.forEach((channel, message) -> advance(guildId, channel, message));
    }

    private static int forward(Connection c, long channelId, long messageId) throws SQLException {
        return Jdbc.update(
                c,
                "UPDATE channel_checkpoint SET last_message_id = ?, updated_at = ?"
                        + " WHERE channel_id = ? AND last_message_id < ?",
                messageId,
                Jdbc.now(),
                channelId,
                messageId);
    }

    /** Returns the last message handled in {@code channelId}, if any. */
    public OptionalLong find(long channelId) {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT last_message_id FROM channel_checkpoint WHERE channel_id = ?")) {
            s.setLong(1, channelId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failed("read the checkpoint", e);
        }
    }

    /** Returns every checkpoint of {@code guildId}: channel ID to last message ID, by channel ID. */
    public Map<Long, Long> forGuild(long guildId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT channel_id, last_message_id FROM channel_checkpoint"
                        + " WHERE guild_id = ? ORDER BY channel_id")) {
            s.setLong(1, guildId);
            Map<Long, Long> out = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getLong(1), r.getLong(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failed("read the checkpoints", e);
        }
    }
}
