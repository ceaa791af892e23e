package io.icewarn.bot.discord;

import io.icewarn.bot.core.Services;
import io.icewarn.bot.features.admin.GuildSettingsResolver;
import io.icewarn.bot.features.answer.Answerer;
import io.icewarn.bot.features.fetch.Gatherer;
import io.icewarn.bot.render.discord.DiscordRenderer;
import io.icewarn.bot.render.markdown.TicketRenderer;
import io.icewarn.bot.store.Store;
import java.util.Objects;

/**
 * What every Discord feature shares, built once in {@link JdaDiscordBot} (or by the test fixture).
 *
 * @param services the decoder, decode service, reply builder and settings
 * @param renderer lays replies out as Discord messages
 * @param tickets lays replies out as ticket Markdown
 * @param gatherer reads a message's text, attachments and paste links
 * @param answerer decodes gathered text
 * @param work runs slow work off the gateway thread
 * @param cooldown the per-user cooldown
 * @param metrics what is counted
 * @param store the durable state (feedback votes, checkpoints, per-server overrides)
 * @param guildSettings the per-server settings in force; read them only through this
 */
public record BotContext(
        Services services,
        DiscordRenderer renderer,
        TicketRenderer tickets,
        Gatherer gatherer,
        Answerer answerer,
        Work work,
        Cooldown cooldown,
        BotMetrics metrics,
        Store store,
        GuildSettingsResolver guildSettings) {
    public BotContext {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(gatherer, "gatherer");
        Objects.requireNonNull(answerer, "answerer");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(guildSettings, "guildSettings");
    }
}
