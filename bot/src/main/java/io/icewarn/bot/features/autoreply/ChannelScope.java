package io.icewarn.bot.features.autoreply;

import java.util.Set;
import net.dv8tion.jda.api.entities.channel.attribute.ICategorizableChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/**
 * Decides where automatic answers are allowed: every channel when the allow-list is empty, else channels
 * whose own ID, parent channel (for threads) or category is listed. Direct messages are always in scope
 * (they only arrive when DMs are enabled). Immutable.
 */
public final class ChannelScope {
    private final Set<Long> allowed;

    public ChannelScope(Set<Long> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** Returns true when the bot may answer automatically in {@code channel}. */
    public boolean allows(MessageChannel channel) {
        if (allowed.isEmpty() || !channel.getType().isGuild()) {
            return true;
        }
        if (allowed.contains(channel.getIdLong())) {
            return true;
        }
        MessageChannel c = channel;
        if (channel instanceof ThreadChannel) {
            ThreadChannel t = (ThreadChannel) channel;
            if (allowed.contains(t.getParentChannel().getIdLong())) {
                return true;
            }
            if (t.getParentChannel() instanceof ICategorizableChannel) {
                return allowed.contains(((ICategorizableChannel) t.getParentChannel()).getParentCategoryIdLong());
            }
            return false;
        }
        return c instanceof ICategorizableChannel
                && allowed.contains(((ICategorizableChannel) c).getParentCategoryIdLong());
    }
}
