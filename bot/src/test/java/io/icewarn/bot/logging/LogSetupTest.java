package io.icewarn.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import io.icewarn.bot.config.Settings;
import io.icewarn.bot.config.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class LogSetupTest {
    @Test
    void text_setsTheLevelsAndOneStandardErrorAppender() {
        LoggerContext context = new LoggerContext();

        LogSetup.text(context, "debug");

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("net.dv8tion").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("okhttp3").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.neovisionaries").getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("stderr");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(stderr.isStarted()).isTrue();
    }

    @Test
    void text_notALevelName_isWarn() {
        LoggerContext context = new LoggerContext();

        LogSetup.text(context, "loud");

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void start_afterApply_usesTheKeptSettings() throws Exception {
        LogSetup.Start start = new LogSetup.Start();
        Settings settings = new SettingsLoader(Map.of("ICEWARN_LOG_LEVEL", "debug"), Path.of("no-such-dir")).load();
        assertThat(start.keepUnlessStarted(settings, LogSetup.Mode.LOCAL)).isTrue();
        LoggerContext context = new LoggerContext();

        start.start(context, "error");

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
        assertThat(start.keepUnlessStarted(settings, LogSetup.Mode.LOCAL)).isFalse();
    }

    @Test
    void start_withoutSettings_usesTheEnvironmentsLevelOrWarn() {
        LoggerContext fromEnvironment = new LoggerContext();
        new LogSetup.Start().start(fromEnvironment, "error");
        assertThat(fromEnvironment.getLogger(Logger.ROOT_LOGGER_NAME).getLevel())
                .isEqualTo(Level.ERROR);
        LoggerContext byDefault = new LoggerContext();
        new LogSetup.Start().start(byDefault, null);
        assertThat(byDefault.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void startupConfigurator_isLogbacksConfiguratorService() {
        assertThat(ServiceLoader.load(Configurator.class)).anyMatch(c -> c instanceof StartupConfigurator);
    }
}
