package io.icewarn.bot.features.commands;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.Cooldown;
import io.icewarn.bot.discord.Outgoing;
import java.time.Duration;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

/** The per-user cooldown as every explicit request applies it: a private "slow down" instead of an answer. */
final class CommandCooldown {
    private CommandCooldown() {}

    /** Takes the user's turn; returns true (after answering privately) when the user must wait first. */
    static boolean refused(BotContext ctx, IReplyCallback event) {
        Duration left = ctx.cooldown().tryAcquire(event.getUser().getIdLong());
        if (left.isZero()) {
            return false;
        }
        Outgoing.privately(event, Cooldown.slowDown(left), ctx.metrics());
        return true;
    }
}
