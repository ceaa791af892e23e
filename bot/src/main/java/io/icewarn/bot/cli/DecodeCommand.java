package io.icewarn.bot.cli;

import io.icewarn.bot.config.SettingsException;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.features.decode.DecodedText;
import io.icewarn.bot.render.json.JsonOutput;
import io.icewarn.bot.render.terminal.TerminalRenderer;
import io.icewarn.bot.safety.Sanitizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code decode [--json] [FILE…]}: decodes files (or standard input, also for {@code -}) and prints the
 * reply the bot would post, or one JSON document. Exit 0 when every input was read (also when nothing
 * was found), 1 when some input could not be read (each gets a one-line message on standard error; the
 * others are still decoded).
 */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Decode diagnostics in files or standard input (- is standard input).")
public final class DecodeCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON document (see docs/json-output.md).")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to decode; none or - reads standard input.")
    List<String> files = new ArrayList<>();

    private final CliContext context;

    public DecodeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws SettingsException {
        Services services = context.services();
        List<String> names = files.isEmpty() ? List.of("-") : files;
        InputReader reader = new InputReader(context.in());
        List<JsonOutput.Input> inputs = new ArrayList<>();
        TerminalRenderer terminal = context.terminal();
        boolean failed = false;
        boolean first = true;
        for (String name : names) {
            InputReader.Read read = reader.read(name);
            String shown = name.equals("-") ? "standard input" : name;
            if (read.error().isPresent()) {
                failed = true;
                context.err()
                        .println("icewarn: " + Sanitizer.cleanLine(shown) + ": "
                                + read.error().get());
                inputs.add(JsonOutput.Input.failed(name, read.error().get()));
                continue;
            }
            DecodedText decoded = services.decodeService().decode(read.text().get());
            if (json) {
                inputs.add(JsonOutput.Input.decoded(name, decoded.result()));
                continue;
            }
            if (names.size() > 1) {
                context.out().print((first ? "" : "\n") + "== " + Sanitizer.cleanLine(shown) + " ==\n");
            }
            first = false;
            context.out().print(terminal.render(services.replies().decoded(decoded.text(), decoded.result())));
        }
        if (json) {
            context.out().println(new JsonOutput().render(inputs));
        }
        context.out().flush();
        return failed ? 1 : 0;
    }
}
