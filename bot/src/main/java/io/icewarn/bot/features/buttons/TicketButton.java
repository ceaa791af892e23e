package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.ButtonHandler;
import io.icewarn.bot.discord.Outgoing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/** "Copy as ticket" ({@code iw:tkt:<channelId>:<messageId>}): the answer as a Markdown file, privately. */
public final class TicketButton implements ButtonHandler {
    static final String FILE_NAME = "icewarn-ticket.md";

    private final BotContext ctx;

    public TicketButton(BotContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String prefix() {
        return ButtonIds.TICKET;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        OriginalMessage.decode(ctx, event, args, answer -> {
            byte[] markdown = ctx.tickets().render(answer.reply()).getBytes(StandardCharsets.UTF_8);
            Outgoing.respond(
                    event,
                    List.of(new MessageCreateBuilder()
                            .setContent("The answer as ticket Markdown:")
                            .setFiles(FileUpload.fromData(markdown, FILE_NAME))
                            .build()),
                    true,
                    ctx.metrics());
        });
    }
}
