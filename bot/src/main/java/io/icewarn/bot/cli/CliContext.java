package io.icewarn.bot.cli;

import io.icewarn.bot.config.Settings;
import io.icewarn.bot.config.SettingsException;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.logging.LogSetup;
import io.icewarn.bot.render.terminal.TerminalRenderer;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the commands of one command-line run share: the streams, whether colour is on, and the services,
 * built on first use (so {@code --help} needs no configuration). Not thread-safe; one per run.
 */
public final class CliContext {
    /** Reads the settings; throws with the one-line message when one is malformed. */
    @FunctionalInterface
    public interface SettingsSource {
        Settings load() throws SettingsException;
    }

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean ansi;
    private final int width;
    private final SettingsSource settingsSource;
    private final Function<Settings, Services> servicesFactory;
    private Settings settings;
    private Services services;

    public CliContext(
            InputStream in,
            PrintStream out,
            PrintStream err,
            boolean ansi,
            int width,
            SettingsSource settingsSource,
            Function<Settings, Services> servicesFactory) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.ansi = ansi;
        this.width = width;
        this.settingsSource = Objects.requireNonNull(settingsSource, "settingsSource");
        this.servicesFactory = Objects.requireNonNull(servicesFactory, "servicesFactory");
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Returns the settings, read once; logging is set up for {@code mode} when they are first read. */
    public Settings settings(LogSetup.Mode mode) throws SettingsException {
        if (settings == null) {
            settings = settingsSource.load();
            LogSetup.apply(settings, mode);
        }
        return settings;
    }

    /** Returns the services, built once, for a local (command line or console) run. */
    public Services services() throws SettingsException {
        return services(LogSetup.Mode.LOCAL);
    }

    /** Returns the services, built once; logging is set up for {@code mode}. */
    public Services services(LogSetup.Mode mode) throws SettingsException {
        if (services == null) {
            services = servicesFactory.apply(settings(mode));
        }
        return services;
    }

    /** Returns the terminal renderer for this run's output, wrapping at the terminal's width. */
    public TerminalRenderer terminal() {
        return new TerminalRenderer(ansi, width);
    }
}
