package io.icewarn.bot.e2e.launch;

import io.icewarn.bot.Main;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.discord.JdaDiscordBot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the unchanged bot in this JVM: {@link Main#execute} with the given environment, as {@code main} would,
 * on its own thread. Quick to start (JDA's classes load once per test JVM), but log lines go to this JVM's
 * standard error, not to {@link #stderr()}: use {@link ChildJvmBot} to assert on logs.
 */
public final class InProcessBot implements RunningBot {
    private final JdaDiscordBot bot;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private InProcessBot(Map<String, String> environment, Path workingDirectory) {
        this.bot = new JdaDiscordBot(environment);
        Main main = new Main(environment, workingDirectory, false, bot, Services::create);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        Thread t = new Thread(
                () -> {
                    try {
                        exit.complete(main.execute(
                                new String[0], new ByteArrayInputStream(new byte[0]), outStream, errStream));
                    } catch (Throwable e) {
                        exit.completeExceptionally(e);
                    }
                },
                "bot-under-test");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Starts the bot with {@code environment} (see {@code SimulatedDiscord#botEnvironment()}); a {@code .env}
     * in {@code workingDirectory} would be read too, so pass an empty directory.
     */
    public static InProcessBot start(Map<String, String> environment, Path workingDirectory) {
        return new InProcessBot(environment, workingDirectory);
    }

    @Override
    public void stop() {
        bot.stop();
    }

    @Override
    public int awaitExit(Duration timeout) {
        try {
            return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the bot did not exit within " + timeout);
        } catch (ExecutionException e) {
            throw new AssertionError("the bot failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    @Override
    public boolean alive() {
        return !exit.isDone();
    }

    @Override
    public String stderr() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    /** Returns what the bot wrote to standard output. */
    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (alive()) {
            stop();
            awaitExit(Duration.ofSeconds(JdaDiscordBot.GRACE.toSeconds() + 10));
        }
    }
}
