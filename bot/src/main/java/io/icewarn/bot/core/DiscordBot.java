package io.icewarn.bot.core;

import java.io.PrintStream;

/**
 * The Discord front end, started by {@code Main} when a token is configured. The Discord layer implements
 * this once (build JDA from {@code services.settings().discordToken()}, register the listeners, block
 * until shutdown) and {@code Main.main} passes that implementation instead of {@link NotBuiltDiscordBot}.
 *
 * <p>Everything it needs is in {@link Services}: decode text with {@code decodeService().decode(text)},
 * word the answer with {@code replies().decoded(...)}, lay it out with
 * {@code io.icewarn.bot.render.discord.DiscordRenderer}.
 */
public interface DiscordBot {
    /**
     * Runs the bot until it is shut down and returns the process exit code (0 for a clean shutdown).
     *
     * @param services the shared services; the settings hold a token
     * @param err where to print a one-line start-up failure (never the token)
     */
    int run(Services services, PrintStream err) throws InterruptedException;
}
