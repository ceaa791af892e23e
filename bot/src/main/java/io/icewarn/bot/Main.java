package io.icewarn.bot;

import io.icewarn.bot.cli.CliContext;
import io.icewarn.bot.cli.DecodeCommand;
import io.icewarn.bot.cli.ExplainCommand;
import io.icewarn.bot.cli.FlowCommand;
import io.icewarn.bot.config.Settings;
import io.icewarn.bot.config.SettingsException;
import io.icewarn.bot.config.SettingsLoader;
import io.icewarn.bot.console.ConsoleLadders;
import io.icewarn.bot.console.ConsoleSession;
import io.icewarn.bot.core.DiscordBot;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.discord.JdaDiscordBot;
import io.icewarn.bot.logging.LogSetup;
import io.icewarn.bot.safety.Sanitizer;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code icewarn} command: with no subcommand it runs the Discord bot when {@code DISCORD_TOKEN} is
 * set and the local console otherwise; {@code decode}, {@code explain} and {@code flow} are one-shot commands.
 *
 * <p>Exit codes: 0 ran (also when nothing was found), 1 some input could not be read or the run failed,
 * 2 usage or configuration error (one line on standard error, never a stack trace). Only {@link #main}
 * calls {@link System#exit}; tests call {@link #execute}.
 */
@Command(
        name = "icewarn",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Decodes Lync / Skype for Business call-failure diagnostics.",
            "Without a command: runs the Discord bot when DISCORD_TOKEN is set, else a local console."
        })
public final class Main implements Callable<Integer> {
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final boolean terminal;
    private final DiscordBot discordBot;
    private final Function<Settings, Services> servicesFactory;
    private CliContext context;

    /**
     * Returns the command.
     *
     * @param environment the environment variables to read settings from
     * @param workingDirectory where an optional {@code .env} file is looked for
     * @param terminal whether standard input and output are a terminal (banner, colour)
     * @param discordBot runs the bot when a token is configured
     * @param servicesFactory builds the shared services from the settings
     */
    public Main(
            Map<String, String> environment,
            Path workingDirectory,
            boolean terminal,
            DiscordBot discordBot,
            Function<Settings, Services> servicesFactory) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.terminal = terminal;
        this.discordBot = Objects.requireNonNull(discordBot, "discordBot");
        this.servicesFactory = Objects.requireNonNull(servicesFactory, "servicesFactory");
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null;
        // JDA and its logging load only when the bot runs, not for decode or explain
        DiscordBot discord = (services, errors) -> new JdaDiscordBot(dotenvAndEnvironment()).run(services, errors);
        Main main = new Main(System.getenv(), Path.of(""), terminal, discord, Services::create);
        System.exit(main.execute(args, System.in, out, err));
    }

    /** Runs the command line {@code args} and returns the exit code; never exits the JVM. */
    public int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        context = new CliContext(
                in,
                out,
                err,
                terminal,
                () -> new SettingsLoader(environment, workingDirectory).load(),
                servicesFactory);
        CommandLine cli = new CommandLine(this)
                .addSubcommand("decode", new DecodeCommand(context))
                .addSubcommand("explain", new ExplainCommand(context))
                .addSubcommand("flow", new FlowCommand(context));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((ex, badArgs) -> {
            err.println("icewarn: " + Sanitizer.cleanLine(ex.getMessage()) + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof SettingsException) {
                err.println("icewarn: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof CommandLine.ParameterException) {
                err.println("icewarn: " + ex.getMessage() + " (see --help)");
                return 2;
            }
            LoggerFactory.getLogger(Main.class).debug("command failed", ex);
            err.println("icewarn: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + Sanitizer.cleanLine(ex.getMessage())));
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Runs the bot or, without a token, the console. */
    @Override
    public Integer call() throws SettingsException, InterruptedException {
        Settings settings = context.settings(LogSetup.Mode.LOCAL);
        if (!settings.consoleMode()) {
            LogSetup.apply(settings, LogSetup.Mode.BOT);
            return discordBot.run(context.services(LogSetup.Mode.BOT), context.err());
        }
        Services services = context.services();
        ConsoleSession session = new ConsoleSession(
                new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)),
                context.out(),
                terminal,
                services.decodeService(),
                services.replies(),
                context.terminal(),
                text -> ConsoleLadders.render(services.decoder().flow(text), settings.redact()));
        return session.run();
    }

    /** Reads the version written into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // falls back to "unknown" below
            }
            return new String[] {"icewarn " + p.getProperty("version", "unknown")};
        }
    }

    /** Returns the {@code .env} file overlaid with the environment; the environment alone when .env is unreadable (load() reports that). */
    private static Map<String, String> dotenvAndEnvironment() {
        try {
            return new SettingsLoader(System.getenv(), Path.of("")).effectiveEnvironment();
        } catch (SettingsException e) {
            return System.getenv();
        }
    }
}
