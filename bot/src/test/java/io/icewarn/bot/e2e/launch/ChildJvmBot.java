package io.icewarn.bot.e2e.launch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged jar ({@code target/icewarn.jar}, built before failsafe runs) as a child JVM with an
 * environment, as an operator would: settings only through environment variables, standard input empty,
 * standard output and error captured in files. {@link #stop()} sends SIGTERM; {@link #kill()} kills it
 * outright (for crash and restart tests). The parent's {@code DISCORD_TOKEN} and {@code ICEWARN_*} variables
 * are removed first, so only the given environment counts.
 */
public final class ChildJvmBot implements RunningBot {
    /**
     * The exit status of a JVM ended by SIGTERM (128 + 15): the JVM exits with it after the shutdown hooks
     * ran, whatever {@code main} returns, so a graceful stop on SIGTERM ends with this or 0.
     */
    public static final int SIGTERM_STATUS = 143;

    /** The jar failsafe tests run, relative to the bot module. */
    public static final Path JAR = Path.of("target", "icewarn.jar");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvmBot(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code java [jvmArgs] -jar target/icewarn.jar} in {@code workingDirectory} (where its output files
     * go too) with {@code environment} added to a cleaned copy of this process's environment.
     */
    public static ChildJvmBot start(Map<String, String> environment, Path workingDirectory, List<String> jvmArgs) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        try {
            Path out = Files.createTempFile(workingDirectory, "bot-", ".out");
            Path err = Files.createTempFile(workingDirectory, "bot-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("ICEWARN_"));
            pb.environment().putAll(environment);
            return new ChildJvmBot(pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar with no extra JVM arguments. */
    public static ChildJvmBot start(Map<String, String> environment, Path workingDirectory) {
        return start(environment, workingDirectory, List.of());
    }

    /** Returns the child's process ID. */
    public long pid() {
        return process.pid();
    }

    /** Sends SIGTERM: the bot's shutdown hook finishes answers in flight, then closes the gateway. */
    @Override
    public void stop() {
        process.destroy();
    }

    /** Kills the process at once (SIGKILL): no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the bot did not exit within " + timeout + "; stderr:\n" + stderr());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public String stderr() {
        return read(stderr);
    }

    /**
     * Blocks until standard error contains {@code text} (polling the file every 20 ms) and returns it all;
     * fails after {@code timeout} with what was written.
     */
    public String awaitStderr(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String err = stderr();
            if (err.contains(text)) {
                return err;
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("stderr has no \"" + text + "\" after " + timeout + ":\n" + err);
            }
            try {
                Thread.sleep(20); // the poll interval of a bounded wait on the log file
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** Returns what the bot wrote to standard output so far. */
    public String stdout() {
        return read(stdout);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }
}
