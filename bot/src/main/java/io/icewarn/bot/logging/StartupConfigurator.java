package io.icewarn.bot.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration when logging starts: the settings {@link LogSetup#apply} was given, or, when it
 * was not called yet, text logs on standard error at {@code ICEWARN_LOG_LEVEL} (else WARN), built in code.
 * It is registered as logback's {@code Configurator} service so that logback does not search for and parse an XML file at every start:
 * its XML machinery (about 500 classes) was the largest part of the command line's start-up.
 */
public final class StartupConfigurator extends ContextAwareBase implements Configurator {
    /** For {@link java.util.ServiceLoader}. */
    public StartupConfigurator() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogSetup.start(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
