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
     * The last message of an answer posted into {@code channelId}: the bot puts its buttons on the last
     * message only, so this one means the whole answer went out.
     */
    static Predicate<RestCall> lastOfAnswerIn(long channelId) {
        return postIn(channelId).and(c -> c.ok() && !c.json().path("components").isEmpty());
    }

    /** A thread started on message {@code messageId}. */
    static Predicate<RestCall> threadOn(long messageId) {
        return c -> c.is("POST", "channels/{id}/messages/{id}/threads")
                && c.segment(3).equals(Long.toUnsignedString(messageId));
    }
}
