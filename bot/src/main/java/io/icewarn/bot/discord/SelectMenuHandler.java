package io.icewarn.bot.discord;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;

/**
 * Handles string select menus whose component ID is {@code iw:<prefix>:<arg>:…}, like {@link ButtonHandler}
 * for buttons: the state a menu needs lives in its ID and the chosen values. To add one, implement this and
 * add it to {@link Features#of}.
 */
public interface SelectMenuHandler {
    /** Returns the prefix after {@code iw:} this handler owns, e.g. {@code pick}. */
    String prefix();

    /** Handles one choice; {@code args} are the ID's parts after the prefix. */
    void onSelect(StringSelectInteractionEvent event, List<String> args);
}
