package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.features.answer.Answer;
import io.icewarn.bot.features.answer.Answerer;
import io.icewarn.bot.features.answer.RecentPastes;
import io.icewarn.bot.features.fetch.Gathered;
import io.icewarn.bot.reply.ReplyBuilder;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

/**
 * Finds the text an answer belongs to again (the message its component ID names, or a text kept under a
 * token) and decodes it for a button or the menu of that answer.
 */
final class OriginalMessage {
    static final String GONE =
            "The original message is gone (or I can no longer read it), so there is nothing to show.";
    static final String EXPIRED = "This answer is too old (or I restarted since), so its text is no longer kept;"
            + " run /icewarn decode again.";

    private OriginalMessage() {}

    /** What a component works on: the full answer, the builder of its views, and the ID's parts after its source. */
    @FunctionalInterface
    interface Then {
        void accept(Answer answer, ReplyBuilder replies, List<String> rest);
    }

    /**
     * Defers privately, finds the text {@code args} name, decodes it off the gateway thread and passes the
     * answer on; tells the user privately when the text is gone or every decode slot is taken.
     */
    static void decode(BotContext ctx, RecentPastes pastes, IReplyCallback event, List<String> args, Then then) {
        Optional<AnswerSource.Parsed> parsed = AnswerSource.parse(args);
        if (parsed.isEmpty()) {
            Outgoing.privately(event, GONE, ctx.metrics());
            return;
        }
        AnswerSource source = parsed.get().source();
        List<String> rest = parsed.get().rest();
        boolean redact = ctx.guildSettings().forGuild(event.getGuild()).redact();
        ReplyBuilder replies = ctx.services().replies(redact);
        if (source.isToken()) {
            Optional<String> text = pastes.text(source.token());
            if (text.isEmpty()) {
                Outgoing.privately(event, EXPIRED, ctx.metrics());
                return;
            }
            event.deferReply(true).queue();
            submit(ctx, event, () -> new Gathered(text.get(), List.of(), 0), redact, replies, rest, then);
            return;
        }
        MessageChannel channel = event.getJDA().getChannelById(MessageChannel.class, source.channelId());
        if (channel == null) {
            Outgoing.privately(event, GONE, ctx.metrics());
            return;
        }
        event.deferReply(true).queue();
        channel.retrieveMessageById(source.messageId())
                .queue(
                        message ->
                                submit(ctx, event, () -> ctx.gatherer().gather(message), redact, replies, rest, then),
                        e -> Outgoing.privately(event, GONE, ctx.metrics()));
    }

    private static void submit(
            BotContext ctx,
            IReplyCallback event,
            Supplier<Gathered> gather,
            boolean redact,
            ReplyBuilder replies,
            List<String> rest,
            Then then) {
        ctx.work()
                .submit(
                        "component decode",
                        () -> {
                            Answer answer = ctx.answerer().answer(gather.get(), redact);
                            if (answer.status() == Answer.Status.BUSY) {
                                Outgoing.privately(event, Answerer.BUSY, ctx.metrics());
                                return;
                            }
                            then.accept(answer, replies, rest);
                        },
                        Outgoing.failure(event, ctx.metrics()));
    }

    /** Returns the diagnostic position in {@code rest}, or -1 when there is none (the whole answer). */
    static int index(List<String> rest) {
        if (rest.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(rest.get(0));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
