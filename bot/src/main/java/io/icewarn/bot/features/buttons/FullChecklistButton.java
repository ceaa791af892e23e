package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.ButtonHandler;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.features.answer.RecentPastes;
import io.icewarn.bot.reply.Reply;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * "Full checklist" ({@code iw:full:<src>[:<n>]}): every step the answer leaves out, with the merged steps' own
 * words, the remarks and the caveats (for many diagnostics, every step of all of them once), privately.
 */
public final class FullChecklistButton implements ButtonHandler {
    private final BotContext ctx;
    private final RecentPastes pastes;

    public FullChecklistButton(BotContext ctx, RecentPastes pastes) {
        this.ctx = ctx;
        this.pastes = pastes;
    }

    @Override
    public String prefix() {
        return ButtonIds.FULL;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        OriginalMessage.decode(ctx, pastes, event, args, (answer, replies, rest) -> {
            int index = OriginalMessage.index(rest);
            Reply full = index < 0
                    ? answer.reply()
                    : replies.one(answer.reply(), index).orElse(answer.reply());
            Outgoing.respond(event, ctx.renderer().render(replies.checklist(full)), true, ctx.metrics());
        });
    }
}
