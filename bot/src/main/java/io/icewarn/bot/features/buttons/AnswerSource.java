package io.icewarn.bot.features.buttons;

import java.util.List;
import java.util.Optional;

/**
 * Where the text of an answer can be read again when one of its buttons or its menu is used: the message it
 * answers ({@code <channelId>:<messageId>} in a component ID), or a token of {@link
 * io.icewarn.bot.features.answer.RecentPastes} ({@code t:<token>}) for a text no message holds.
 *
 * @param channelId the answered message's channel, 0 for a token
 * @param messageId the answered message, 0 for a token
 * @param token the token, empty for a message
 */
public record AnswerSource(long channelId, long messageId, String token) {
    private static final String TOKEN = "t";

    /** Returns the source of an answer to message {@code messageId} in channel {@code channelId}. */
    public static AnswerSource message(long channelId, long messageId) {
        return new AnswerSource(channelId, messageId, "");
    }

    /** Returns the source of an answer to a text kept under {@code token}. */
    public static AnswerSource token(String token) {
        return new AnswerSource(0, 0, token);
    }

    /** Returns true when the text is kept under a token rather than in a message. */
    public boolean isToken() {
        return !token.isEmpty();
    }

    /** Returns the parts this source takes in a component ID. */
    List<String> idParts() {
        return isToken() ? List.of(TOKEN, token) : List.of(Long.toString(channelId), Long.toString(messageId));
    }

    /**
     * A source read from a component ID, and the parts of the ID after it.
     *
     * @param source where the text is
     * @param rest the ID's parts after the source (an index, say)
     */
    record Parsed(AnswerSource source, List<String> rest) {}

    /** Returns the source at the start of {@code args}, the parts of a component ID after its prefix. */
    static Optional<Parsed> parse(List<String> args) {
        if (args.size() >= 2 && args.get(0).equals(TOKEN) && !args.get(1).isEmpty()) {
            return Optional.of(new Parsed(token(args.get(1)), args.subList(2, args.size())));
        }
        if (args.size() >= 2) {
            long channel = DeleteButton.parse(args.get(0));
            long message = DeleteButton.parse(args.get(1));
            if (channel != 0 && message != 0) {
                return Optional.of(new Parsed(message(channel, message), args.subList(2, args.size())));
            }
        }
        return Optional.empty();
    }
}
