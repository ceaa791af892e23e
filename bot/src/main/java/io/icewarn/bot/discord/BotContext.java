package io.icewarn.bot.discord;

import io.icewarn.bot.core.Services;
import io.icewarn.bot.features.answer.Answerer;
import io.icewarn.bot.features.fetch.Gatherer;
import io.icewarn.bot.render.discord.DiscordRenderer;
import io.icewarn.bot.render.markdown.TicketRenderer;
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
 */
public record BotContext(
        Services services,
        DiscordRenderer renderer,
        TicketRenderer tickets,
        Gatherer gatherer,
        Answerer answerer,
        Work work,
        Cooldown cooldown,
        BotMetrics metrics) {
    public BotContext {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(gatherer, "gatherer");
        Objects.requireNonNull(answerer, "answerer");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** Returns whether interaction answers are private when the user did not say. */
    public boolean privateByDefault() {
        return services.settings().privateReplies();
    }
}
