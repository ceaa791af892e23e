package io.icewarn.bot.e2e;

import io.icewarn.bot.e2e.sim.RestCall;
import java.util.function.Predicate;

/** Predicates over recorded REST calls that the scenarios share. */
final class Calls {
    private Calls() {}

    /** A message posted into channel or thread {@code channelId}. */
    static Predicate<RestCall> postIn(long channelId) {
        return c -> c.is("POST", "channels/{id}/messages") && c.segment(1).equals(Long.toUnsignedString(channelId));
    }

    /**
     * The call that completes an answer in {@code channelId}: the bot's buttons appear only once the whole
     * answer is out (on the post of a one-message answer, or by the edit of the first message of a longer
     * one), so this one means the whole answer went out.
     */
    static Predicate<RestCall> wholeAnswerIn(long channelId) {
        String channel = Long.toUnsignedString(channelId);
        return c -> c.ok()
                && (c.is("POST", "channels/{id}/messages") || c.is("PATCH", "channels/{id}/messages/{id}"))
                && c.segment(1).equals(channel)
                && !c.json().path("components").isEmpty();
    }

    /** An edit of a message in channel or thread {@code channelId}. */
    static Predicate<RestCall> editIn(long channelId) {
        return c ->
                c.is("PATCH", "channels/{id}/messages/{id}") && c.segment(1).equals(Long.toUnsignedString(channelId));
    }

    /** A thread started on message {@code messageId}. */
    static Predicate<RestCall> threadOn(long messageId) {
        return c -> c.is("POST", "channels/{id}/messages/{id}/threads")
                && c.segment(3).equals(Long.toUnsignedString(messageId));
    }
}
