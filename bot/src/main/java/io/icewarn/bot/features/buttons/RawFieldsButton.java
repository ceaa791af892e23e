package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.ButtonHandler;
import io.icewarn.bot.discord.Outgoing;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** "Show raw fields" ({@code iw:raw:<channelId>:<messageId>}): the fields as written, privately. */
public final class RawFieldsButton implements ButtonHandler {
    private final BotContext ctx;

    public RawFieldsButton(BotContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String prefix() {
        return ButtonIds.RAW;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        OriginalMessage.decode(
                ctx,
                event,
                args,
                answer -> Outgoing.respond(
                        event,
                        ctx.renderer().render(ctx.services().replies().rawFields(answer.reply())),
                        true,
                        ctx.metrics()));
    }
}
