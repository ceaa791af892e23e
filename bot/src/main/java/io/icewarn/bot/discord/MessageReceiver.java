package io.icewarn.bot.discord;

import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;

/**
 * Reads every message the bot can see (GUILD_MESSAGES, MESSAGE_CONTENT and, when DMs are on,
 * DIRECT_MESSAGES intents). To add one, write a final class implementing this and add it to
 * {@link Features#of}. Called on JDA's event thread: hand slow work to {@link Work}.
 */
public interface MessageReceiver {
    /** Handles a new message. */
    void onMessageReceived(MessageReceivedEvent event);

    /** Handles an edited message; the default ignores it. */
    default void onMessageUpdate(MessageUpdateEvent event) {}

    /** Handles a deleted message; the default ignores it. */
    default void onMessageDelete(MessageDeleteEvent event) {}
}
