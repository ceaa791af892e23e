package io.icewarn.bot.cli;

import io.icewarn.bot.config.SettingsException;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.features.decode.DecodedText;
import io.icewarn.bot.render.json.JsonOutput;
import io.icewarn.bot.safety.Sanitizer;
import io.icewarn.decoder.DecodeResult;
import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code decode [--json] [--max-size BYTES] [FILE…]}: decodes files (or standard input, also for {@code -})
 * and prints the reply the bot would post, or one JSON document. Exit 0 when every input was read (also when
 * nothing was found), 1 when some input could not be read or is larger than {@code --max-size} (64 MB by
 * default: the limit a paste or a log excerpt never reaches; each gets a one-line message on standard error
 * and nothing else; the others are still decoded),
 * 2 for a usage error. An input is never held whole: a large one is streamed, and reading stops at the limit.
 */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        versionProvider = io.icewarn.bot.Main.Version.class,
        description = "Decode diagnostics in files or standard input (- is standard input).")
public final class DecodeCommand implements Callable<Integer> {
    /** Inputs larger than this many bytes are streamed through the decoder instead of read whole. */
    static final int STREAM_ABOVE_BYTES = 1024 * 1024;

    @Option(names = "--json", description = "Print one JSON document (see docs/json-output.md).")
    boolean json;

    @Option(
            names = "--max-size",
            paramLabel = "BYTES",
            description = "Refuse an input larger than this many bytes (default 67108864, 64 MB); a larger value"
                    + " lets a long log be streamed through.")
    long maxBytes = InputReader.MAX_BYTES;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to decode; none or - reads standard input.")
    List<String> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final CliContext context;

    public DecodeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws SettingsException {
        if (maxBytes < 1) {
            throw new ParameterException(spec.commandLine(), "--max-size must be a positive number of bytes");
        }
        Services services = context.services();
        List<String> names = files.isEmpty() ? List.of("-") : files;
        InputReader reader = new InputReader(context.in());
        JsonOutput.Streaming document = json ? new JsonOutput().streaming(context.out()) : null;
        boolean failed = false;
        boolean first = true;
        for (String name : names) {
            String shown = name.equals("-") ? "standard input" : name;
            Optional<String> error = decode(services, reader, name, shown, document, first);
            if (error.isPresent()) {
                failed = true;
                context.err().println("icewarn: " + Sanitizer.cleanLine(shown) + ": " + error.get());
                if (document != null) {
                    document.error(name, error.get());
                }
                continue;
            }
            first = false;
        }
        if (document != null) {
            document.finish();
            context.out().println();
        }
        context.out().flush();
        return failed ? 1 : 0;
    }

    /**
     * Decodes one input and writes what it found; returns why it could not be decoded. An input of at most
     * {@link #STREAM_ABOVE_BYTES} is read whole and normalised (and cached) like a paste; a larger one is
     * streamed through the decoder, its diagnostics written as they are found.
     */
    private Optional<String> decode(
            Services services,
            InputReader reader,
            String name,
            String shown,
            JsonOutput.Streaming document,
            boolean first) {
        InputReader.Opened opened = reader.open(name);
        if (opened.error().isPresent()) {
            return opened.error();
        }
        try (InputStream in = new LimitedInputStream(opened.stream().get(), maxBytes)) {
            if (opened.file().isPresent() && opened.file().get().size() > maxBytes) {
                return Optional.of(tooLarge());
            }
            byte[] head = in.readNBytes(STREAM_ABOVE_BYTES + 1);
            if (head.length <= STREAM_ABOVE_BYTES) {
                InputReader.Read read = InputReader.decode(head);
                if (read.error().isPresent()) {
                    return read.error();
                }
                DecodedText decoded =
                        services.decodeService().decode(read.text().get());
                if (document != null) {
                    decoded.result().diagnostics().forEach(d -> document.diagnostic(name, d));
                    decoded.result().problems().forEach(p -> document.problem(name, p));
                } else {
                    print(services, shown, first, decoded.text(), decoded.result());
                }
                return Optional.empty();
            }
            Optional<String> refused = InputReader.refuseHead(head);
            if (refused.isPresent()) {
                return refused;
            }
            int bom = InputReader.bomLength(head);
            Streamed decode = sink -> opened.file().isPresent()
                    ? services.decoder().decode(opened.file().get(), bom, sink)
                    : services.decoder()
                            .decode(
                                    new SequenceInputStream(new ByteArrayInputStream(head, bom, head.length - bom), in),
                                    sink);
            // kept until the input is read to its end, so that one refused as too large prints nothing;
            // the decoder stops at its cap of DiagnosticScanner.MAX_DIAGNOSTICS, as it does for a paste
            List<DecodedDiagnostic> found = new ArrayList<>();
            List<Problem> problems = decode.run(found::add);
            if (document != null) {
                found.forEach(d -> document.diagnostic(name, d));
                problems.forEach(p -> document.problem(name, p));
                return Optional.empty();
            }
            // a streamed input is not kept, so the reply has no quotes of the text
            print(services, shown, first, "", new DecodeResult(found, problems));
            return Optional.empty();
        } catch (LimitedInputStream.TooLarge e) {
            return Optional.of(tooLarge());
        } catch (IOException e) {
            return Optional.of("could not be read");
        }
    }

    private String tooLarge() {
        return maxBytes == InputReader.MAX_BYTES
                ? InputReader.TOO_LARGE
                : "larger than " + maxBytes + " bytes (--max-size); not decoded";
    }

    /** A streamed decode of one input: a regular file read by the decoder itself, else the stream after its head. */
    @FunctionalInterface
    private interface Streamed {
        List<Problem> run(Consumer<DecodedDiagnostic> sink) throws IOException;
    }

    private void print(Services services, String shown, boolean first, String text, DecodeResult result) {
        if (files.size() > 1) {
            context.out().print((first ? "" : "\n") + "== " + Sanitizer.cleanLine(shown) + " ==\n");
        }
        context.out().print(context.terminal().render(services.replies().decoded(text, result)));
    }
}
