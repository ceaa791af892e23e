package io.icewarn.bot.console;

import io.icewarn.bot.features.decode.DecodeService;
import io.icewarn.bot.render.terminal.TerminalRenderer;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.decoder.Decoder;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Runs the console as {@code java -jar icewarn.jar < paste} does, for tests that measure its answer. */
public final class ConsoleRun {
    private ConsoleRun() {}

    /**
     * Returns what the console prints for {@code text} piped in, at the default width, without colour, with
     * the call-flow ladders as {@code Main} passes them.
     */
    public static String piped(Decoder decoder, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ConsoleSession(
                        new BufferedReader(new StringReader(text)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        false,
                        new DecodeService(decoder::decode, 10, Duration.ofMinutes(1), 1),
                        new ReplyBuilder(decoder::source, false),
                        new TerminalRenderer(false),
                        paste -> ConsoleLadders.render(decoder.flow(paste), false))
                .run();
        return out.toString(StandardCharsets.UTF_8);
    }
}
