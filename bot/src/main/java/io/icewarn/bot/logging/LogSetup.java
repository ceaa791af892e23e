package io.icewarn.bot.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.icewarn.bot.config.LogFormat;
import io.icewarn.bot.config.Settings;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Re-reads {@code logback.xml} (or {@code logback-json.xml}) with the level and format from {@link Settings}. Logs always go to
 * standard error, so the command line and console keep standard output for answers only.
 */
public final class LogSetup {
    /** Which front end runs; it picks the level when none is configured. */
    public enum Mode {
        /** The Discord bot: INFO by default. */
        BOT,
        /** The command line and the console: WARN by default. */
        LOCAL
    }

    private LogSetup() {}

    /** Applies {@code settings} to logback; does nothing when another SLF4J backend is bound. */
    public static void apply(Settings settings, Mode mode) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        URL config = LogSetup.class.getResource(
                settings.logFormat() == LogFormat.JSON ? "/logback-json.xml" : "/logback.xml");
        if (config == null) {
            return;
        }
        context.reset();
        context.putProperty("LOG_LEVEL", settings.logLevel().orElse(mode == Mode.BOT ? "INFO" : "WARN"));
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            // logback reports configuration errors through its own status output
        }
    }
}
