package io.icewarn.bot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * "Fixed it" / "Didn't help" votes ({@code feedback_vote}): one per user per answer message, stored with the
 * server and the checklist rule the answer led with. Safe against concurrent clicks from several processes:
 * the primary key decides, a lost insert race becomes an update. Thread-safe.
 */
public final class FeedbackRepository {
    /** What a click did. */
    public enum Outcome {
        /** the user's first vote on this answer */
        RECORDED,
        /** the user had voted the other way; the vote now counts this way */
        CHANGED,
        /** the user had already voted the same way; nothing changed */
        UNCHANGED
    }

    /**
     * One rule's tally in one server.
     *
     * @param ruleId the checklist rule ("" when the answer had none)
     * @param helped "Fixed it" votes
     * @param notHelped "Didn't help" votes
     */
    public record RuleVotes(String ruleId, long helped, long notHelped) {
        /** Returns all votes on the rule. */
        public long total() {
            return helped + notHelped;
        }

        /** Returns the share of "Fixed it" votes, 0..1 (0 without votes). */
        public double helpfulRatio() {
            return total() == 0 ? 0 : (double) helped / total();
        }
    }

    /** The longest rule ID stored (the column's width); longer ones are cut. */
    public static final int MAX_RULE_ID = 100;

    private final DataSource db;

    FeedbackRepository(DataSource db) {
        this.db = db;
    }

    /**
     * Records that {@code userId} found the answer {@code answerMessageId} (led by {@code ruleId}, in
     * {@code guildId}, 0 for direct messages) helpful or not, and returns what changed.
     */
    public Outcome vote(long guildId, long answerMessageId, long userId, String ruleId, boolean helped) {
        String rule = ruleId.length() > MAX_RULE_ID ? ruleId.substring(0, MAX_RULE_ID) : ruleId;
        SQLException last = null;
        for (int attempt = 0; attempt < Jdbc.ATTEMPTS; attempt++) {
            try (Connection c = db.getConnection()) {
                if (change(c, answerMessageId, userId, helped) > 0) {
                    return Outcome.CHANGED;
                }
                try {
                    Jdbc.update(
                            c,
                            "INSERT INTO feedback_vote (answer_message_id, user_id, guild_id, rule_id, helped, voted_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?)",
                            answerMessageId,
                            userId,
                            guildId,
                            rule,
                            helped,
                            Jdbc.now());
                    return Outcome.RECORDED;
                } catch (SQLException e) {
                    if (!Jdbc.duplicateKey(e)) {
                        throw e;
                    }
                }
                // the vote exists (the same way, or another click of this user won the insert race)
                return change(c, answerMessageId, userId, helped) > 0 ? Outcome.CHANGED : Outcome.UNCHANGED;
            } catch (SQLException e) {
                if (!Jdbc.transientConflict(e)) {
                    throw Jdbc.failed("save the vote", e);
                }
                last = e;
            }
        }
        throw Jdbc.failed("save the vote (busy, try again)", last);
    }

    private static int change(Connection c, long answerMessageId, long userId, boolean helped) throws SQLException {
        return Jdbc.update(
                c,
                "UPDATE feedback_vote SET helped = ?, voted_at = ? WHERE answer_message_id = ? AND user_id = ?"
                        + " AND helped <> ?",
                helped,
                Jdbc.now(),
                answerMessageId,
                userId,
                helped);
    }

    /** Returns up to {@code limit} rules of {@code guildId} with their votes, most voted first (then by rule ID). */
    public List<RuleVotes> stats(long guildId, int limit) {
        String sql = "SELECT rule_id, SUM(CASE WHEN helped THEN 1 ELSE 0 END), SUM(CASE WHEN helped THEN 0 ELSE 1 END)"
                + " FROM feedback_vote WHERE guild_id = ? GROUP BY rule_id ORDER BY COUNT(*) DESC, rule_id"
                + " LIMIT ?";
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, guildId);
            s.setInt(2, limit);
            List<RuleVotes> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new RuleVotes(r.getString(1), r.getLong(2), r.getLong(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failed("read the feedback", e);
        }
    }

    /** Returns how many votes {@code guildId} has in all. */
    public long count(long guildId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM feedback_vote WHERE guild_id = ?")) {
            s.setLong(1, guildId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failed("read the feedback", e);
        }
    }
}
