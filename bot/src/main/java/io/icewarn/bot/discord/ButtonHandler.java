package io.icewarn.bot.discord;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * Handles buttons whose component ID is {@code iw:<prefix>:<arg>:…}. The state a button needs lives in its
 * ID, so buttons keep working after a restart. To add one, implement this and add it to {@link Features#of}.
 */
public interface ButtonHandler {
    /** The component ID namespace every button of this bot starts with. */
    String NAMESPACE = "iw";

    /** Returns the prefix after {@code iw:} this handler owns, e.g. {@code del}. */
    String prefix();

    /** Handles one click; {@code args} are the ID's parts after the prefix. */
    void onButton(ButtonInteractionEvent event, List<String> args);
}
