package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.ButtonHandler;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.Reply.Pick;
import io.icewarn.bot.reply.ReplySection;
import io.icewarn.decoder.Severity;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Builds the components under an answer: for many diagnostics a menu that opens any one of them, then
 * <b>Full checklist</b>, <b>Raw fields</b>, <b>Ticket</b>, <b>Fixed it</b>, <b>Didn't help</b>, and
 * <b>Delete</b> on a row of its own, last. Each component ID carries the state it needs (at most 100
 * characters, unique within a message), so components keep working after a restart when the answered message
 * can be read again ({@code <src>} is an {@link AnswerSource}: {@code <channelId>:<messageId>} or
 * {@code t:<token>}):
 *
 * <ul>
 *   <li>{@code iw:pick:<src>} the menu; its value is the diagnostic's position in the decode
 *   <li>{@code iw:full:<src>[:<n>]} the full checklist (of diagnostic {@code n} only, when given)
 *   <li>{@code iw:raw:<src>[:<n>]} the raw fields
 *   <li>{@code iw:tkt:<src>[:<n>]} the answer as ticket Markdown
 *   <li>{@code iw:fb:<y|n>:<ruleId>} feedback on the answer's first remediation rule
 *   <li>{@code iw:del:<authorId>[:<messageId>]} delete the answer (all its messages when the original is known)
 * </ul>
 */
public final class ButtonIds {
    static final String DELETE = "del";
    static final String RAW = "raw";
    static final String TICKET = "tkt";
    static final String FULL = "full";
    static final String PICK = "pick";
    static final String FEEDBACK = "fb";
    private static final int MAX_ID = 100;
    private static final int MAX_OPTION_TEXT = 100;

    private ButtonIds() {}

    /**
     * Returns the rendered messages of {@code answer} with its {@link #rows} on the first one, where Discord
     * shows them right under the verdict.
     *
     * @param rendered the answer rendered as messages, at least one
     * @param answer the answer (a short answer, or one diagnostic opened from the menu)
     * @param source where the answered text can be read again
     * @param authorId who may delete it (the original poster), or 0 when it cannot be deleted (private answers)
     */
    public static List<MessageCreateData> withComponents(
            List<MessageCreateData> rendered, Reply answer, AnswerSource source, long authorId) {
        return on(rendered, rows(answer, source, authorId, -1));
    }

    /**
     * Returns the rendered messages of one diagnostic, opened privately from the menu of a many-diagnostic
     * answer, with its buttons (which act on that diagnostic alone) on the first message.
     */
    public static List<MessageCreateData> withComponentsForOne(
            List<MessageCreateData> rendered, Reply one, AnswerSource source, int index) {
        return on(rendered, rows(one, source, 0, index));
    }

    private static List<MessageCreateData> on(List<MessageCreateData> rendered, List<ActionRow> rows) {
        List<MessageCreateData> messages = new ArrayList<>(rendered);
        messages.set(0, Outgoing.create(messages.get(0), rows));
        return messages;
    }

    /**
     * Returns the rows for an answer.
     *
     * @param answer the answer
     * @param source where the answered text can be read again
     * @param authorId who may delete it, or 0 when it cannot be deleted
     * @param index the diagnostic the buttons act on alone, or -1 for the whole answer
     */
    static List<ActionRow> rows(Reply answer, AnswerSource source, long authorId, int index) {
        List<ActionRow> rows = new ArrayList<>();
        if (answer.kind() == Reply.Kind.DIAGNOSTICS) {
            if (!answer.picks().isEmpty() && index < 0) {
                rows.add(ActionRow.of(menu(answer, source)));
            }
            List<String> at = index < 0 ? List.of() : List.of(Integer.toString(index));
            List<Button> buttons = new ArrayList<>();
            buttons.add(Button.primary(id(FULL, source, at), "Full checklist"));
            buttons.add(Button.secondary(id(RAW, source, at), "Raw fields"));
            buttons.add(Button.secondary(id(TICKET, source, at), "Ticket"));
            String rule = firstRule(answer);
            buttons.add(Button.success(id(FEEDBACK, "y", rule), "Fixed it"));
            buttons.add(Button.secondary(id(FEEDBACK, "n", rule), "Didn't help"));
            rows.add(ActionRow.of(buttons));
        }
        if (authorId != 0) {
            long messageId = source.isToken() ? 0 : source.messageId();
            rows.add(ActionRow.of(
                    Button.danger(messageId == 0 ? id(DELETE, authorId) : id(DELETE, authorId, messageId), "Delete")));
        }
        return rows;
    }

    private static StringSelectMenu menu(Reply answer, AnswerSource source) {
        StringSelectMenu.Builder menu = StringSelectMenu.create(id(PICK, source, List.of()))
                .setPlaceholder(cut(answer.pickPrompt().isEmpty() ? "Open one diagnostic…" : answer.pickPrompt(), 150));
        for (Pick p : answer.picks()) {
            SelectOption option = SelectOption.of(cut(p.label(), MAX_OPTION_TEXT), Integer.toString(p.index()))
                    .withEmoji(Emoji.fromUnicode(emoji(p.severity())));
            if (!p.description().isEmpty()) {
                option = option.withDescription(cut(p.description(), MAX_OPTION_TEXT));
            }
            menu.addOptions(option);
        }
        return menu.build();
    }

    private static String emoji(Severity s) {
        switch (s) {
            case FAILURE:
                return "❌";
            case WARNING:
                return "⚠️";
            default:
                return "ℹ️";
        }
    }

    /** Returns the ID of the first step's rule of the answer's most serious section, or "". */
    static String firstRule(Reply reply) {
        for (ReplySection s : reply.sections()) {
            for (ReplySection.ChecklistLine c : s.steps()) {
                if (!c.ruleId().isEmpty()) {
                    return c.ruleId();
                }
            }
            for (ReplySection.Remark r : s.remarks()) {
                if (!r.ruleId().isEmpty()) {
                    return r.ruleId();
                }
            }
        }
        return "";
    }

    private static String id(String prefix, AnswerSource source, List<String> rest) {
        List<Object> parts = new ArrayList<>(source.idParts());
        parts.addAll(rest);
        return id(prefix, parts.toArray());
    }

    static String id(String prefix, Object... args) {
        StringBuilder b = new StringBuilder(ButtonHandler.NAMESPACE).append(':').append(prefix);
        for (Object a : args) {
            b.append(':').append(a);
        }
        return b.length() > MAX_ID ? b.substring(0, MAX_ID) : b.toString();
    }

    /** Returns {@code s} within {@code limit} UTF-16 units, with an ellipsis when it was cut. */
    private static String cut(String s, int limit) {
        if (s.length() <= limit) {
            return s;
        }
        int end = limit - 1;
        if (Character.isLowSurrogate(s.charAt(end)) && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
