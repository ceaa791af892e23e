package io.icewarn.bot.features.commands;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.MessageContextCommand;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.features.admin.GuildSettings;
import io.icewarn.bot.features.answer.Answer;
import io.icewarn.bot.features.answer.Answerer;
import io.icewarn.bot.features.buttons.AnswerSource;
import io.icewarn.bot.features.buttons.ButtonIds;
import io.icewarn.bot.reply.Reply;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The message context menu <b>Decode diagnostic</b>: decodes any message's text, attachments and paste
 * links, and always answers (with "no diagnostic found" and a hint when there is none). Deferred at once,
 * since downloads may take longer than 3 seconds; private when the settings say so.
 */
public final class DecodeDiagnosticMenu implements MessageContextCommand {
    static final String NAME = "Decode diagnostic";

    private final BotContext ctx;
    private final CommandData data = Commands.message(NAME);

    public DecodeDiagnosticMenu(BotContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    @Override
    public CommandData data() {
        return data;
    }

    @Override
    public void onMessageContext(MessageContextInteractionEvent event) {
        if (CommandCooldown.refused(ctx, event)) {
            return;
        }
        GuildSettings settings = ctx.guildSettings().forGuild(event.getGuild());
        boolean ephemeral = settings.privateReplies();
        Message target = event.getTarget();
        event.deferReply(ephemeral).queue();
        ctx.work()
                .submit(
                        "context menu",
                        () -> {
                            Answer answer = ctx.answerer().answer(ctx.gatherer().gather(target), settings.redact());
                            if (answer.status() == Answer.Status.BUSY) {
                                Outgoing.privately(event, Answerer.BUSY, ctx.metrics());
                                return;
                            }
                            Reply shown =
                                    ctx.services().replies(settings.redact()).answer(answer.reply());
                            List<MessageCreateData> messages = ButtonIds.withComponents(
                                    ctx.renderer().render(shown),
                                    shown,
                                    AnswerSource.message(target.getChannel().getIdLong(), target.getIdLong()),
                                    ephemeral ? 0 : event.getUser().getIdLong());
                            Outgoing.respond(event, messages, ephemeral, ctx.metrics());
                        },
                        Outgoing.failure(event, ctx.metrics()));
    }
}
