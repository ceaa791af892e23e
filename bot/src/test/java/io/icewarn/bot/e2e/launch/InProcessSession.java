package io.icewarn.bot.e2e.launch;

import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A simulated Discord with the unchanged bot logged in to it from this JVM: what most scenarios start once
 * per test class. Closing stops the bot first, then the simulator.
 *
 * @param discord the simulator
 * @param bot the bot, ready (logged in, commands registered)
 */
public record InProcessSession(SimulatedDiscord discord, InProcessBot bot) implements AutoCloseable {

    /**
     * Starts a simulator with {@code options}, then the bot with the simulator's environment as changed by
     * {@code settings}, and waits until it is ready.
     *
     * @param workingDirectory the bot's working directory (where it would look for a {@code .env})
     * @param readyWithin how long the bot may take to log in
     * @param settings adds or replaces bot settings in the environment before the start (given the started
     *     simulator, e.g. for its channel IDs)
     */
    public static InProcessSession start(
            SimOptions options,
            Path workingDirectory,
            Duration readyWithin,
            BiConsumer<SimulatedDiscord, Map<String, String>> settings) {
        SimulatedDiscord discord = SimulatedDiscord.start(options);
        InProcessBot bot = null;
        try {
            Map<String, String> env = new HashMap<>(discord.botEnvironment());
            settings.accept(discord, env);
            bot = InProcessBot.start(env, workingDirectory);
            discord.awaitBotReady(readyWithin);
            return new InProcessSession(discord, bot);
        } catch (RuntimeException | Error e) {
            if (bot != null) {
                bot.close();
            }
            discord.close();
            throw e;
        }
    }

    /** Starts a default simulator and the bot with the simulator's environment unchanged. */
    public static InProcessSession start(Path workingDirectory, Duration readyWithin) {
        return start(SimOptions.defaults(), workingDirectory, readyWithin, (sim, env) -> {});
    }

    @Override
    public void close() {
        try {
            bot.close();
        } finally {
            discord.close();
        }
    }
}
