package io.icewarn.bot.discord;

import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * A message context-menu command (right click on a message, Apps). To add one, write a final class
 * implementing this and add it to {@link Features#of}. The target's content is only present with the
 * MESSAGE_CONTENT intent.
 */
public interface MessageContextCommand {
    /** Returns the command's data ({@code Commands.message(name)}), built once. */
    CommandData data();

    /** Answers one invocation; must acknowledge the interaction within 3 seconds. */
    void onMessageContext(MessageContextInteractionEvent event);
}
