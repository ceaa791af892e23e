package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.ButtonHandler;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.features.answer.RecentPastes;
import io.icewarn.bot.reply.Reply;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** "Raw fields" ({@code iw:raw:<src>[:<n>]}): the fields as written, privately. */
public final class RawFieldsButton implements ButtonHandler {
    private final BotContext ctx;
    private final RecentPastes pastes;

    public RawFieldsButton(BotContext ctx, RecentPastes pastes) {
        this.ctx = ctx;
        this.pastes = pastes;
    }

    @Override
    public String prefix() {
        return ButtonIds.RAW;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        OriginalMessage.decode(ctx, pastes, event, args, (answer, replies, rest) -> {
            int index = OriginalMessage.index(rest);
            Reply full = index < 0
                    ? answer.reply()
                    : replies.one(answer.reply(), index).orElse(answer.reply());
            Outgoing.respond(event, ctx.renderer().render(replies.rawFields(full)), true, ctx.metrics());
        });
    }
}
