package io.icewarn.bot.cli;

import io.icewarn.bot.config.SettingsException;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.safety.Sanitizer;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.model.IceWarn;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code explain VALUE} or {@code explain HEADER CODE}: explains an ICEWarn value ({@code 0x320}, or any
 * value with a hex letter, or with {@code --icewarn}) or a diagnostic ID ({@code 24},
 * {@code ms-diagnostics 1008}).
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = io.icewarn.bot.Main.Version.class,
        description = {
            "Explain an ICEWarn value or a diagnostic ID.",
            "  explain 0x320 | explain 24 | explain ms-diagnostics 1008 | explain ms-diagnostics-public 4141"
        })
public final class ExplainCommand implements Callable<Integer> {
    private static final List<String> HEADERS =
            List.of("ms-client-diagnostics", "ms-diagnostics", "ms-diagnostics-public", "x-ms-SDP-diagnostics");

    @Option(names = "--icewarn", description = "Read a number without 0x as an ICEWarn value, not an ID.")
    boolean iceWarn;

    @Parameters(
            paramLabel = "[HEADER] VALUE",
            arity = "1..2",
            description = "An ICEWarn value, or an ID with an optional header.")
    List<String> words;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    public ExplainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws SettingsException {
        if (words.size() > 2) {
            throw usage("explain takes a value, or a header and an ID");
        }
        String value = words.get(words.size() - 1).strip();
        Optional<String> header = words.size() == 2 ? Optional.of(words.get(0).strip()) : Optional.empty();
        boolean looksHex = value.regionMatches(true, 0, "0x", 0, 2) || value.matches(".*[a-fA-F].*");
        if (header.isEmpty() && (iceWarn || looksHex)) {
            Services services = context.services();
            Optional<IceWarnExplanation> e = services.decoder().explainIceWarn(value);
            if (e.isEmpty()) {
                throw usage("not an ICEWarn value: "
                        + Sanitizer.cleanLine(IceWarn.problem(value).orElse(value)));
            }
            return print(services.replies().iceWarn(e.get()));
        }
        if (!value.matches("\\d{1,9}")) {
            throw usage("not a diagnostic ID: " + Sanitizer.cleanLine(value)
                    + " (an ID is a whole number such as 24 or 1008)");
        }
        String canonical = null;
        if (header.isPresent()) {
            canonical = HEADERS.stream()
                    .filter(h -> h.equalsIgnoreCase(header.get().replaceAll(":$", "")))
                    .findFirst()
                    .orElseThrow(() ->
                            usage("unknown header: " + header.get() + " (use " + String.join(", ", HEADERS) + ")"));
        }
        Services services = context.services();
        return print(services.replies().code(services.decoder().explainCode(canonical, Integer.parseInt(value))));
    }

    private int print(Reply reply) {
        context.out().print(context.terminal().render(reply));
        context.out().flush();
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
