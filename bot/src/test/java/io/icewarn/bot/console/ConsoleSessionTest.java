package io.icewarn.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.features.decode.DecodeService;
import io.icewarn.bot.render.terminal.TerminalRenderer;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.decoder.DecodeResult;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ConsoleSessionTest {
    private final List<String> decoded = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ReplyBuilder replies = new ReplyBuilder(Fixtures::source, false);
    private final TerminalRenderer renderer = new TerminalRenderer(false);

    private DecodeResult decode(String text) {
        decoded.add(text);
        return text.contains("ms-client-diagnostics") ? Fixtures.seed24() : Fixtures.nothing();
    }

    private int run(String input, boolean interactive) {
        DecodeService service = new DecodeService(this::decode, 10, Duration.ofMinutes(1), 1);
        return new ConsoleSession(
                        new BufferedReader(new StringReader(input)),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        interactive,
                        service,
                        replies,
                        renderer)
                .run();
    }

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipedMessagesAreSplitAtBlankLinesAndEachIsAnswered() {
        // GIVEN two piped messages, the second multi-line and ended by EOF
        String paste = Fixtures.SEED_24.replace("\n\n", "\n");
        String input = "hello there\n\n\n" + paste + "\n";
        // WHEN the session runs
        int code = run(input, false);
        // THEN it exits 0, decodes each message once and prints exactly the terminal renders, no banner
        assertThat(code).isZero();
        assertThat(decoded).hasSize(2);
        String expected = renderer.render(replies.decoded("hello there", Fixtures.nothing())) + "----\n"
                + renderer.render(replies.decoded(paste, Fixtures.seed24()));
        assertThat(out()).isEqualTo(expected);
    }

    @Test
    void aMessageWithoutADiagnosticGetsTheNothingFoundHint() {
        // GIVEN plain chat WHEN sent THEN the console answers with the hint
        run("does sharing work for you?", false);
        assertThat(out())
                .startsWith("No Lync / Skype for Business diagnostic found")
                .contains("Paste the diagnostic header");
    }

    @Test
    void interactiveSessionsShowTheBanner() {
        // GIVEN a person at a terminal WHEN input ends at once THEN the banner shows and the exit code is 0
        assertThat(run("", true)).isZero();
        assertThat(out()).startsWith(ConsoleSession.BANNER);
    }

    @Test
    void emptyInputPrintsNothing() {
        assertThat(run("\n\n", false)).isZero();
        assertThat(out()).isEmpty();
        assertThat(decoded).isEmpty();
    }
}
