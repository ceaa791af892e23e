package io.icewarn.bot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import io.icewarn.bot.config.LogFormat;
import io.icewarn.bot.config.Settings;
import java.net.URL;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Configures logback with the level and format from {@link Settings}: text logs built in code, or
 * {@code logback-json.xml} for JSON. Logs always go to standard error, so the command line and console keep
 * standard output for answers only.
 */
public final class LogSetup {
    /** Which front end runs; it picks the level when none is configured. */
    public enum Mode {
        /** The Discord bot: INFO by default. */
        BOT,
        /** The command line and the console: WARN by default. */
        LOCAL
    }

    /** The text log line. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    /**
     * Libraries' own levels whatever the root level: JDA is chatty at DEBUG, and its INFO lines (connect,
     * reconnect) are useful in production. {@code logback-json.xml} lists the same.
     */
    static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            "net.dv8tion",
            Level.INFO,
            "okhttp3",
            Level.WARN,
            "com.neovisionaries",
            Level.WARN,
            // HikariCP's INFO lines (pool start and stop, each connection with its URL) are noise
            "com.zaxxer.hikari",
            Level.WARN);

    /** Whether logback has started in this process, and the settings kept for it until then. */
    private static final Start START = new Start();

    private LogSetup() {}

    /**
     * Applies {@code settings} to logback; does nothing when another SLF4J backend is bound. Logging that
     * has not started yet is not started for this: the settings are kept until the first logger is asked
     * for, so a command that logs nothing ({@code decode}, {@code explain}) never loads logback.
     */
    public static void apply(Settings settings, Mode mode) {
        if (START.keepUnlessStarted(settings, mode)) {
            return;
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            configure(context, settings, mode);
        }
    }

    /** Configures logback as it starts: with the settings {@link #apply} kept, else from the environment alone. */
    static void start(LoggerContext context) {
        START.start(context, System.getenv("ICEWARN_LOG_LEVEL"));
    }

    /**
     * Whether logging has started, and until it does the settings to start it with. One per process
     * ({@link #START}); tests make their own.
     */
    static final class Start {
        private Settings settings;
        private Mode mode;
        private boolean started;

        /** Keeps {@code settings} for the start and returns true, or returns false once logging has started. */
        synchronized boolean keepUnlessStarted(Settings settings, Mode mode) {
            if (started) {
                return false;
            }
            this.settings = settings;
            this.mode = mode;
            return true;
        }

        /**
         * Marks logging as started and configures {@code context}: with the kept settings, or else as text
         * at {@code environmentLevel} (WARN when null).
         */
        void start(LoggerContext context, String environmentLevel) {
            Settings kept;
            Mode keptMode;
            synchronized (this) {
                started = true;
                kept = settings;
                keptMode = mode;
            }
            if (kept != null) {
                configure(context, kept, keptMode);
            } else {
                text(context, environmentLevel == null ? "WARN" : environmentLevel);
            }
        }
    }

    private static void configure(LoggerContext context, Settings settings, Mode mode) {
        String level = settings.logLevel().orElse(mode == Mode.BOT ? "INFO" : "WARN");
        if (settings.logFormat() != LogFormat.JSON) {
            context.reset();
            text(context, level);
            return;
        }
        URL config = LogSetup.class.getResource("/logback-json.xml");
        if (config == null) {
            return;
        }
        context.reset();
        context.putProperty("LOG_LEVEL", level);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            // logback reports configuration errors through its own status output
        }
    }

    /** Sends {@code context}'s logs as text lines to standard error at {@code level} (WARN when not a level name). */
    static void text(LoggerContext context, String level) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.WARN));
        root.addAppender(stderr);
        LIBRARY_LEVELS.forEach((name, l) -> context.getLogger(name).setLevel(l));
    }
}
