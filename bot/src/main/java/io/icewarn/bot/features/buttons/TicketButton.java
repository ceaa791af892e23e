package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.ButtonHandler;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.features.answer.RecentPastes;
import io.icewarn.bot.render.discord.DiscordLimits;
import io.icewarn.bot.render.discord.DiscordRenderer;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyAttachment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import okhttp3.MediaType;
import okhttp3.MultipartBody;

/**
 * "Ticket" ({@code iw:tkt:<src>[:<n>]}): the full answer as Markdown, privately and ready to copy: in a code
 * block when it fits one message, else as a {@code text/markdown} file; the picture of the call, which the
 * ticket names, goes with it.
 */
public final class TicketButton implements ButtonHandler {
    static final String FILE_NAME = "icewarn-ticket.md";
    static final String MEDIA_TYPE = "text/markdown; charset=utf-8";
    private static final String OPEN = "```md\n";
    private static final String CLOSE = "\n```";

    private final BotContext ctx;
    private final RecentPastes pastes;

    public TicketButton(BotContext ctx, RecentPastes pastes) {
        this.ctx = ctx;
        this.pastes = pastes;
    }

    @Override
    public String prefix() {
        return ButtonIds.TICKET;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        OriginalMessage.decode(ctx, pastes, event, args, (answer, replies, rest) -> {
            int index = OriginalMessage.index(rest);
            Reply full = index < 0
                    ? answer.reply()
                    : replies.one(answer.reply(), index).orElse(answer.reply());
            Outgoing.respond(
                    event, List.of(message(ctx.tickets().render(full), full.attachments())), true, ctx.metrics());
        });
    }

    /** Returns the ticket as one message: a code block when it fits, else a Markdown file. */
    static MessageCreateData message(String markdown) {
        return message(markdown, List.of());
    }

    /**
     * Returns the ticket as one message, a code block when it fits, else a Markdown file, with the files the
     * ticket names as attached (the picture of the call).
     */
    static MessageCreateData message(String markdown, List<ReplyAttachment> attachments) {
        List<FileUpload> files = new ArrayList<>();
        String block = OPEN + markdown.replace("```", "'''").stripTrailing() + CLOSE;
        MessageCreateBuilder b = new MessageCreateBuilder();
        if (block.length() <= DiscordLimits.CONTENT) {
            b.setContent(block);
        } else {
            b.setContent("The answer as ticket Markdown (too long for one message, so as a file):");
            files.add(new MarkdownFile(markdown.getBytes(StandardCharsets.UTF_8)));
        }
        attachments.forEach(a -> files.add(DiscordRenderer.upload(a)));
        return b.setFiles(files).build();
    }

    /** A file upload sent as {@code text/markdown} rather than JDA's default {@code application/octet-stream}. */
    static final class MarkdownFile extends FileUpload {
        private static final MediaType MARKDOWN = MediaType.get(MEDIA_TYPE);

        MarkdownFile(byte[] data) {
            super(new java.io.ByteArrayInputStream(data), FILE_NAME);
        }

        @Override
        public synchronized void addPart(MultipartBody.Builder builder, int index) {
            builder.addFormDataPart("files[" + index + "]", getName(), getRequestBody(MARKDOWN));
        }
    }
}
