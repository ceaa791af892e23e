package io.icewarn.bot.features.autoreply;

import java.util.List;
import java.util.Objects;

/**
 * Where the bot answered one message.
 *
 * @param channelId the channel holding the answer: the thread started on the message, or the message's channel
 * @param inThread true when the answer is in a thread the bot started on the message
 * @param messageIds the answer's messages, in order
 * @param jumpUrl a link to the answer's first message, possibly empty
 * @param key the normalised text the answer was decoded from, "" when unknown
 */
public record Posted(long channelId, boolean inThread, List<Long> messageIds, String jumpUrl, String key) {
    public Posted {
        messageIds = List.copyOf(messageIds);
        Objects.requireNonNull(jumpUrl, "jumpUrl");
        Objects.requireNonNull(key, "key");
    }

    /** Returns this with {@code key} as the decoded text. */
    public Posted withKey(String key) {
        return new Posted(channelId, inThread, messageIds, jumpUrl, key);
    }
}
