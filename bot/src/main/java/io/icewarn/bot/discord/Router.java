package io.icewarn.bot.discord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JDA events to the {@link Features}: commands by name, buttons and menus by ID prefix, messages to every
 * receiver. Fails at construction on two features with the same name or prefix. Every handler call is
 * guarded: a failure is logged and, for interactions, answered with a plain private sentence — never a
 * stack trace in chat. While shutting down, new work is refused.
 */
public final class Router extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    public static final String FAILED = "Something went wrong on my side while answering; please try again later.";
    static final String STOPPING = "I am restarting; please try again in a minute.";

    private final Map<String, SlashCommand> slash;
    private final Map<String, MessageContextCommand> context;
    private final Map<String, ButtonHandler> buttons;
    private final Map<String, SelectMenuHandler> selects;
    private final List<MessageReceiver> receivers;
    private final List<CommandData> commandData;
    private final Work work;
    private final BotMetrics metrics;

    public Router(Features features, Work work, BotMetrics metrics) {
        this.slash = index(features.slashCommands(), c -> c.data().getName(), "slash command");
        this.context = index(features.contextCommands(), c -> c.data().getName(), "context command");
        this.buttons = index(features.buttons(), ButtonHandler::prefix, "button prefix");
        this.selects = index(features.selects(), SelectMenuHandler::prefix, "select menu prefix");
        this.receivers = features.receivers();
        this.work = work;
        this.metrics = metrics;
        List<CommandData> data = new ArrayList<>();
        features.slashCommands().forEach(c -> data.add(c.data()));
        features.contextCommands().forEach(c -> data.add(c.data()));
        this.commandData = List.copyOf(data);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name, String what) {
        Map<String, T> out = new HashMap<>();
        for (T item : items) {
            String key = name.apply(item);
            if (out.putIfAbsent(key, item) != null) {
                throw new IllegalStateException("two features register the " + what + " '" + key + "'");
            }
        }
        return Map.copyOf(out);
    }

    /** Returns the data of every command, for {@code updateCommands()}. */
    public List<CommandData> commandData() {
        return commandData;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        for (MessageReceiver r : receivers) {
            guard("message", null, () -> r.onMessageReceived(event));
        }
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        for (MessageReceiver r : receivers) {
            guard("message edit", null, () -> r.onMessageUpdate(event));
        }
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        for (MessageReceiver r : receivers) {
            guard("message delete", null, () -> r.onMessageDelete(event));
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        SlashCommand c = slash.get(event.getName());
        if (c != null && accepting(event)) {
            guard("/" + event.getName(), event, () -> c.onSlashCommand(event));
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        SlashCommand c = slash.get(event.getName());
        if (c != null) {
            guard("autocomplete", null, () -> c.onAutoComplete(event));
        }
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        MessageContextCommand c = context.get(event.getName());
        if (c != null && accepting(event)) {
            guard(event.getName(), event, () -> c.onMessageContext(event));
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String[] parts = event.getComponentId().split(":", -1);
        if (parts.length < 2 || !parts[0].equals(ButtonHandler.NAMESPACE)) {
            return;
        }
        ButtonHandler h = buttons.get(parts[1]);
        if (h == null) {
            Outgoing.privately(event, "This button no longer works; ask again.", metrics);
            return;
        }
        if (accepting(event)) {
            List<String> args = Arrays.asList(parts).subList(2, parts.length);
            guard("button " + parts[1], event, () -> h.onButton(event, args));
        }
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        String[] parts = event.getComponentId().split(":", -1);
        if (parts.length < 2 || !parts[0].equals(ButtonHandler.NAMESPACE)) {
            return;
        }
        SelectMenuHandler h = selects.get(parts[1]);
        if (h == null) {
            Outgoing.privately(event, "This menu no longer works; ask again.", metrics);
            return;
        }
        if (accepting(event)) {
            List<String> args = Arrays.asList(parts).subList(2, parts.length);
            guard("menu " + parts[1], event, () -> h.onSelect(event, args));
        }
    }

    private boolean accepting(IReplyCallback event) {
        if (!work.accepting()) {
            Outgoing.privately(event, STOPPING, metrics);
            return false;
        }
        return true;
    }

    private void guard(String what, IReplyCallback event, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed", what, e);
            if (event != null) {
                try {
                    Outgoing.privately(event, FAILED, metrics);
                } catch (RuntimeException again) {
                    LOG.debug("could not report the failure", again);
                }
            }
        }
    }
}
