package io.icewarn.bot.core;

import java.io.PrintStream;

/** The placeholder used until the Discord layer exists: says so on one line and exits 1. */
public final class NotBuiltDiscordBot implements DiscordBot {
    @Override
    public int run(Services services, PrintStream err) {
        err.println("icewarn: Discord mode not built yet; unset DISCORD_TOKEN to use the console");
        return 1;
    }
}
