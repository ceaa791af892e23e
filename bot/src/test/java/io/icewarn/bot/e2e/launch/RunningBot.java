package io.icewarn.bot.e2e.launch;

import java.time.Duration;

/** The bot under test, running against a simulated Discord, in this JVM or as a child process. */
public interface RunningBot extends AutoCloseable {
    /** Asks the bot to stop the way SIGTERM does; returns at once. */
    void stop();

    /** Blocks until the bot has exited and returns its exit code; fails after {@code timeout}. */
    int awaitExit(Duration timeout);

    /** Returns true while the bot has not exited. */
    boolean alive();

    /** Returns what the bot wrote to standard error so far (for a child JVM: every log line too). */
    String stderr();

    /** Stops the bot and waits for it to exit (bounded); kills it when it does not. */
    @Override
    void close();
}
