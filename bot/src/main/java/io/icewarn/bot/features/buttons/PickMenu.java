package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.discord.SelectMenuHandler;
import io.icewarn.bot.features.answer.RecentPastes;
import io.icewarn.bot.reply.Reply;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;

/**
 * The menu of a many-diagnostic answer ({@code iw:pick:<src>}, value: the diagnostic's position in the decode):
 * opens that diagnostic privately as its own short answer, with buttons that act on it alone.
 */
public final class PickMenu implements SelectMenuHandler {
    static final String NO_LONGER = "That diagnostic is no longer in the message.";

    private final BotContext ctx;
    private final RecentPastes pastes;

    public PickMenu(BotContext ctx, RecentPastes pastes) {
        this.ctx = ctx;
        this.pastes = pastes;
    }

    @Override
    public String prefix() {
        return ButtonIds.PICK;
    }

    @Override
    public void onSelect(StringSelectInteractionEvent event, List<String> args) {
        int index = event.getValues().isEmpty() ? -1 : OriginalMessage.index(event.getValues());
        Optional<AnswerSource.Parsed> source = AnswerSource.parse(args);
        OriginalMessage.decode(ctx, pastes, event, args, (answer, replies, rest) -> {
            Optional<Reply> one = replies.one(answer.reply(), index);
            if (one.isEmpty() || source.isEmpty()) {
                Outgoing.privately(event, NO_LONGER, ctx.metrics());
                return;
            }
            Reply shown = replies.answer(one.get());
            Outgoing.respond(
                    event,
                    ButtonIds.withComponentsForOne(
                            ctx.renderer().render(shown), shown, source.get().source(), index),
                    true,
                    ctx.metrics());
        });
    }
}
