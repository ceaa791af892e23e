package io.icewarn.bot.cli;

import io.icewarn.bot.config.SettingsException;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.ladder.Ladder;
import io.icewarn.bot.ladder.LadderBuilder;
import io.icewarn.bot.render.ladder.LadderPicture;
import io.icewarn.bot.render.ladder.TextLadderRenderer;
import io.icewarn.bot.safety.Sanitizer;
import io.icewarn.decoder.flow.CallFlow;
import io.icewarn.decoder.flow.Dialog;
import io.icewarn.decoder.flow.FlowReader;
import io.icewarn.decoder.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flow [--png FILE] [FILE…]}: reads the SIP messages of the files (or standard input, also for
 * {@code -}) as one log, so a dialog split over two pastes or a rotated log is put back together, and prints
 * each dialog as a text ladder; with {@code --png} it also draws the ladder of the dialog that failed (else the
 * first with a diagnostic, else the first of two or more messages). Inputs are streamed: memory stays bounded
 * whatever their length. Exit 0 when every input was read (also when no dialog was found), 1 when some
 * input could not be read or the picture could not be written.
 */
@Command(
        name = "flow",
        mixinStandardHelpOptions = true,
        description = {
            "Show the SIP dialogs of logs or pastes as ladders (- is standard input).",
            "Reads .uccapilog client logs, server trace records and SIP messages pasted on their own."
        })
public final class FlowCommand implements Callable<Integer> {
    @Option(
            names = "--png",
            paramLabel = "FILE",
            description = "Also draw the failed dialog (else the first with a diagnostic) as a PNG picture.")
    Path png;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to read; none or - reads standard input.")
    List<String> files = new ArrayList<>();

    private final CliContext context;

    public FlowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws SettingsException {
        Services services = context.services();
        List<String> names = files.isEmpty() ? List.of("-") : files;
        InputReader reader = new InputReader(context.in());
        FlowReader flow = services.decoder().flowReader();
        boolean failed = false;
        for (String name : names) {
            Optional<String> error = read(reader, flow, name);
            if (error.isPresent()) {
                failed = true;
                String shown = name.equals("-") ? "standard input" : name;
                context.err().println("icewarn: " + Sanitizer.cleanLine(shown) + ": " + error.get());
            }
        }
        CallFlow result = flow.result();
        LadderBuilder ladders = new LadderBuilder(services.settings().redact());
        TextLadderRenderer text = new TextLadderRenderer();
        StringBuilder out = new StringBuilder();
        List<Dialog> dialogs = result.dialogs();
        long failures =
                dialogs.stream().filter(d -> d.firstFailure().isPresent()).count();
        if (dialogs.isEmpty()) {
            out.append("No SIP dialog found\n");
            out.append("Paste or pass whole SIP messages: a start line (INVITE sip:… SIP/2.0, SIP/2.0 488 …) with its"
                    + " headers, a .uccapilog client log or a server trace.\n");
        } else {
            out.append(dialogs.size()).append(dialogs.size() == 1 ? " SIP dialog" : " SIP dialogs");
            if (failures > 0) {
                out.append(", ").append(failures).append(" failed");
            }
            out.append('\n');
        }
        for (Problem p : result.problems()) {
            out.append("  - ").append(Sanitizer.cleanLine(p.message())).append('\n');
        }
        for (Dialog d : dialogs) {
            out.append('\n').append(text.render(ladders.ladder(d)));
        }
        context.out().print(out);
        if (png != null) {
            Optional<Dialog> pictured = ladders.pictured(result);
            if (pictured.isEmpty()) {
                context.out().println("\nNo picture written: no dialog of two or more messages.");
            } else {
                Ladder ladder = ladders.forPicture(ladders.ladder(pictured.get()));
                try {
                    byte[] bytes = new LadderPicture().png(ladder);
                    Files.write(png, bytes);
                    context.out()
                            .println("\nPicture of the " + pictured.get().method() + " dialog (dialog "
                                    + (dialogs.indexOf(pictured.get()) + 1) + ") written to "
                                    + Sanitizer.cleanLine(png.toString()) + " (" + bytes.length + " bytes).");
                } catch (IOException | RuntimeException e) {
                    failed = true;
                    context.err().println("icewarn: " + Sanitizer.cleanLine(png.toString()) + ": could not be written");
                }
            }
        }
        context.out().flush();
        return failed ? 1 : 0;
    }

    /** Reads one input into {@code flow}, streamed; returns why it could not be read. */
    private static Optional<String> read(InputReader reader, FlowReader flow, String name) {
        InputReader.Opened opened = reader.open(name);
        if (opened.error().isPresent()) {
            return opened.error();
        }
        try (InputStream in = opened.stream().get()) {
            byte[] head = in.readNBytes(64 * 1024);
            Optional<String> refused = InputReader.refuseHead(head);
            if (refused.isPresent()) {
                return refused;
            }
            int bom = InputReader.bomLength(head);
            flow.read(new SequenceInputStream(new ByteArrayInputStream(head, bom, head.length - bom), in));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("could not be read");
        }
    }
}
