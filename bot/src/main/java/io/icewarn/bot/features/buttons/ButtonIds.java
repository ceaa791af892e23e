package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.ButtonHandler;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplySection;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Builds the buttons under an answer. Each button's component ID carries the state it needs (at most 100
 * characters), so buttons keep working after a restart:
 *
 * <ul>
 *   <li>{@code iw:del:<authorId>[:<messageId>]} delete the answer (all its messages when the original is known)
 *   <li>{@code iw:raw:<channelId>:<messageId>} show the raw fields of the original message
 *   <li>{@code iw:tkt:<channelId>:<messageId>} the answer as ticket Markdown
 *   <li>{@code iw:fb:<y|n>:<ruleId>} feedback on the answer's first remediation rule
 * </ul>
 */
public final class ButtonIds {
    static final String DELETE = "del";
    static final String RAW = "raw";
    static final String TICKET = "tkt";
    static final String FEEDBACK = "fb";
    private static final int MAX_ID = 100;

    private ButtonIds() {}

    /**
     * Returns the rendered messages of {@code reply} with its {@link #rows} on the last one, where Discord
     * shows them under the whole answer (an answer without them was cut short).
     *
     * @param rendered the reply rendered as messages, at least one
     * @param reply the answer
     * @param authorId see {@link #rows}
     * @param channelId see {@link #rows}
     * @param messageId see {@link #rows}
     */
    public static List<MessageCreateData> onLastMessage(
            List<MessageCreateData> rendered, Reply reply, long authorId, long channelId, long messageId) {
        List<MessageCreateData> messages = new ArrayList<>(rendered);
        int last = messages.size() - 1;
        messages.set(last, Outgoing.create(messages.get(last), rows(reply, authorId, channelId, messageId)));
        return messages;
    }

    /**
     * Returns the rows for an answer to a message.
     *
     * @param reply the answer
     * @param authorId who may delete it (the original poster), or 0 when it cannot be deleted (private answers)
     * @param channelId the original message's channel, or 0 when there is no message to go back to
     * @param messageId the original message, or 0
     */
    public static List<ActionRow> rows(Reply reply, long authorId, long channelId, long messageId) {
        if (reply.kind() != Reply.Kind.DIAGNOSTICS) {
            return authorId == 0 ? List.of() : List.of(ActionRow.of(delete(authorId, messageId)));
        }
        List<Button> buttons = new ArrayList<>();
        if (authorId != 0) {
            buttons.add(delete(authorId, messageId));
        }
        if (messageId != 0) {
            buttons.add(Button.secondary(id(RAW, channelId, messageId), "Show raw fields"));
            buttons.add(Button.secondary(id(TICKET, channelId, messageId), "Copy as ticket"));
        }
        String rule = firstRule(reply);
        buttons.add(Button.success(id(FEEDBACK, "y", rule), "Fixed it"));
        buttons.add(Button.secondary(id(FEEDBACK, "n", rule), "Didn't help"));
        return List.of(ActionRow.of(buttons));
    }

    private static Button delete(long authorId, long messageId) {
        return Button.danger(messageId == 0 ? id(DELETE, authorId) : id(DELETE, authorId, messageId), "Delete");
    }

    /** Returns the ID of the first checklist rule of the reply's most serious section, or "". */
    static String firstRule(Reply reply) {
        for (ReplySection s : reply.sections()) {
            for (ReplySection.ChecklistLine c : s.checklist()) {
                if (!c.ruleId().isEmpty()) {
                    return c.ruleId();
                }
            }
        }
        return "";
    }

    static String id(String prefix, Object... args) {
        StringBuilder b = new StringBuilder(ButtonHandler.NAMESPACE).append(':').append(prefix);
        for (Object a : args) {
            b.append(':').append(a);
        }
        return b.length() > MAX_ID ? b.substring(0, MAX_ID) : b.toString();
    }
}
