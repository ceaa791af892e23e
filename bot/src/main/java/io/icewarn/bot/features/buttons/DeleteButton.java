package io.icewarn.bot.features.buttons;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.ButtonHandler;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.features.autoreply.Posted;
import io.icewarn.bot.features.autoreply.ReplyIndex;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * "Delete" ({@code iw:del:<authorId>[:<messageId>]}): removes the answer, for its original poster or members
 * with Manage Messages. When the answered message is remembered, every message of the answer goes (and
 * edits no longer bring it back); otherwise the message carrying the button. Never deletes a thread, which
 * may hold other people's messages.
 */
public final class DeleteButton implements ButtonHandler {
    static final String DENIED =
            "Only the person who posted the diagnostic, or someone with Manage Messages, can delete this answer.";

    private final BotContext ctx;
    private final ReplyIndex index;

    public DeleteButton(BotContext ctx, ReplyIndex index) {
        this.ctx = ctx;
        this.index = index;
    }

    @Override
    public String prefix() {
        return ButtonIds.DELETE;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        long author = args.isEmpty() ? 0 : parse(args.get(0));
        Member member = event.getMember();
        boolean allowed = event.getUser().getIdLong() == author
                || member != null
                        && event.getChannel() instanceof GuildChannel
                        && member.hasPermission((GuildChannel) event.getChannel(), Permission.MESSAGE_MANAGE);
        if (!allowed) {
            Outgoing.privately(event, DENIED, ctx.metrics());
            return;
        }
        event.deferEdit().queue();
        long original = args.size() < 2 ? 0 : parse(args.get(1));
        Optional<Posted> posted = original == 0 ? Optional.empty() : index.remove(original);
        if (posted.isPresent() && posted.get().messageIds().contains(event.getMessageIdLong())) {
            for (Long id : posted.get().messageIds()) {
                event.getChannel().deleteMessageById(id).queue(null, e -> {});
            }
            return;
        }
        event.getMessage().delete().queue(null, e -> Outgoing.privately(event, "Could not delete it.", ctx.metrics()));
    }

    static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
