package io.icewarn.bot.features.answer;

import io.icewarn.bot.reply.Reply;
import java.util.Objects;

/**
 * The outcome of decoding one text for Discord.
 *
 * @param status what happened
 * @param reply what to say (for {@link Status#BUSY}, the "retry shortly" error)
 * @param key the normalised text, for de-duplication ("" when busy)
 */
public record Answer(Status status, Reply reply, String key) {
    /** What decoding found. */
    public enum Status {
        /** At least one diagnostic. */
        FOUND,
        /** None; the reply says what to paste. */
        NOTHING,
        /** Every decode slot was taken; the reply asks to retry shortly. */
        BUSY
    }

    public Answer {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(key, "key");
    }

    /** Returns true when diagnostics were found. */
    public boolean found() {
        return status == Status.FOUND;
    }
}
