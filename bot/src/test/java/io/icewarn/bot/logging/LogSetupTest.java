package io.icewarn.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
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
    void startupConfigurator_isLogbacksConfiguratorService() {
        assertThat(ServiceLoader.load(Configurator.class)).anyMatch(c -> c instanceof StartupConfigurator);
    }
}
