package io.icewarn.bot.discord;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * A top-level slash command. To add one, write a final class implementing this and add it to the list in
 * {@link Features#of}; {@link Router} routes by {@code data().getName()} and refuses duplicates at start-up.
 * Needs no gateway intent; the bot needs the {@code applications.commands} scope.
 */
public interface SlashCommand {
    /** Returns the command's data, built once. */
    SlashCommandData data();

    /** Answers one invocation; must acknowledge the interaction (reply or defer) within 3 seconds. */
    void onSlashCommand(SlashCommandInteractionEvent event);

    /** Answers autocomplete for one of the command's options; the default offers nothing. */
    default void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(List.of()).queue();
    }
}
