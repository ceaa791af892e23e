package io.icewarn.bot.discord;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;

/**
 * Turns a gateway close that JDA does not recover from (a rejected token, an intent the Developer Portal does
 * not grant, bad sharding) into one line for the operator and an exit: JDA then shuts the shard down and
 * never identifies again, and without this the process would keep running with no connection. Our own
 * shutdown closes with 1000, which is not fatal.
 */
final class FatalClose extends ListenerAdapter {
    /** The exit status of a bot that Discord refused to log in. */
    static final int EXIT_STATUS = 3;

    private final CompletableFuture<String> refused = new CompletableFuture<>();

    /** Completes with the explanation when a shard was closed for good; never completes otherwise. */
    CompletableFuture<String> refused() {
        return refused;
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        explain(event.getCode()).ifPresent(refused::complete);
    }

    /** Returns the one-line explanation of a close with {@code rawCode}, or empty when JDA recovers from it. */
    static Optional<String> explain(int rawCode) {
        CloseCode code = CloseCode.from(rawCode);
        if (code == null || code.isReconnect() || code == CloseCode.GRACEFUL_CLOSE) {
            return Optional.empty();
        }
        String portal = "https://discord.com/developers/applications";
        return Optional.of(
                switch (code) {
                    case AUTHENTICATION_FAILED ->
                        "Discord rejected the bot token (gateway close 4004): copy the"
                                + " token again from the Developer Portal (" + portal + ", your application, Bot,"
                                + " Reset Token) into DISCORD_TOKEN";
                    case DISALLOWED_INTENTS ->
                        "Discord refused the Message Content intent (gateway close 4014):"
                                + " turn on 'Message Content Intent' under Privileged Gateway Intents on the Bot page of"
                                + " your application in the Developer Portal (" + portal
                                + "), then start the bot again";
                    default ->
                        "Discord closed the gateway for good with code " + rawCode + " ("
                                + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
                });
    }
}
