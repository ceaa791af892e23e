package io.icewarn.bot.discord;

import com.github.benmanes.caffeine.cache.Ticker;
import io.icewarn.bot.features.admin.AdminCommand;
import io.icewarn.bot.features.answer.RecentPastes;
import io.icewarn.bot.features.autoreply.AutoReply;
import io.icewarn.bot.features.autoreply.DedupIndex;
import io.icewarn.bot.features.autoreply.IntentWarning;
import io.icewarn.bot.features.autoreply.ReplyIndex;
import io.icewarn.bot.features.buttons.DeleteButton;
import io.icewarn.bot.features.buttons.FeedbackButton;
import io.icewarn.bot.features.buttons.FullChecklistButton;
import io.icewarn.bot.features.buttons.PickMenu;
import io.icewarn.bot.features.buttons.RawFieldsButton;
import io.icewarn.bot.features.buttons.TicketButton;
import io.icewarn.bot.features.catchup.CatchUp;
import io.icewarn.bot.features.catchup.Checkpoints;
import io.icewarn.bot.features.commands.DecodeDiagnosticMenu;
import io.icewarn.bot.features.commands.IcewarnCommand;
import java.util.List;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * The one registration list: every slash command, context menu, message receiver, button and select menu
 * handler of the bot. Adding a feature is one line here.
 *
 * @param slashCommands top-level slash commands
 * @param contextCommands message context-menu commands
 * @param receivers message listeners
 * @param buttons button handlers
 * @param selects select menu handlers
 * @param sessionListeners listeners for gateway session and guild events (catch-up after downtime)
 */
public record Features(
        List<SlashCommand> slashCommands,
        List<MessageContextCommand> contextCommands,
        List<MessageReceiver> receivers,
        List<ButtonHandler> buttons,
        List<SelectMenuHandler> selects,
        List<EventListener> sessionListeners) {
    public Features {
        selects = List.copyOf(selects);
        slashCommands = List.copyOf(slashCommands);
        contextCommands = List.copyOf(contextCommands);
        receivers = List.copyOf(receivers);
        buttons = List.copyOf(buttons);
        sessionListeners = List.copyOf(sessionListeners);
    }

    /** Returns every feature of the bot over {@code ctx}. */
    public static Features of(BotContext ctx, Ticker ticker) {
        ReplyIndex answers = new ReplyIndex();
        Checkpoints checkpoints = new Checkpoints(ctx.store().checkpoints());
        AutoReply autoReply = new AutoReply(ctx, answers, new DedupIndex(ticker), new IntentWarning(), checkpoints);
        RecentPastes pastes = new RecentPastes(ticker);
        return new Features(
                List.of(new IcewarnCommand(ctx, pastes), new AdminCommand(ctx)),
                List.of(new DecodeDiagnosticMenu(ctx)),
                List.of(autoReply),
                List.of(
                        new FullChecklistButton(ctx, pastes),
                        new RawFieldsButton(ctx, pastes),
                        new TicketButton(ctx, pastes),
                        new FeedbackButton(ctx),
                        new DeleteButton(ctx, answers)),
                List.of(new PickMenu(ctx, pastes)),
                List.of(new CatchUp(ctx, autoReply, checkpoints)));
    }
}
