package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.features.answer.Answer;
import io.icewarn.bot.features.answer.Answerer;
import java.util.List;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** Re-fetches and re-decodes the message an answer belongs to ({@code <channelId>:<messageId>} in a button ID). */
final class OriginalMessage {
    static final String GONE =
            "The original message is gone (or I can no longer read it), so there is nothing to show.";

    private OriginalMessage() {}

    /**
     * Defers privately, fetches the original message, decodes it off the gateway thread and passes the
     * answer on; tells the user privately when the message is gone or every decode slot is taken.
     */
    static void decode(BotContext ctx, ButtonInteractionEvent event, List<String> args, Consumer<Answer> then) {
        long channelId = args.size() < 2 ? 0 : DeleteButton.parse(args.get(0));
        long messageId = args.size() < 2 ? 0 : DeleteButton.parse(args.get(1));
        MessageChannel channel = channelId == 0 ? null : event.getJDA().getChannelById(MessageChannel.class, channelId);
        if (channel == null || messageId == 0) {
            Outgoing.privately(event, GONE, ctx.metrics());
            return;
        }
        boolean redact = ctx.guildSettings().forGuild(event.getGuild()).redact();
        event.deferReply(true).queue();
        channel.retrieveMessageById(messageId)
                .queue(
                        message -> ctx.work()
                                .submit(
                                        "button decode",
                                        () -> {
                                            Answer answer = ctx.answerer()
                                                    .answer(ctx.gatherer().gather(message), redact);
                                            if (answer.status() == Answer.Status.BUSY) {
                                                Outgoing.privately(event, Answerer.BUSY, ctx.metrics());
                                                return;
                                            }
                                            then.accept(answer);
                                        },
                                        Outgoing.failure(event, ctx.metrics())),
                        e -> Outgoing.privately(event, GONE, ctx.metrics()));
    }
}
