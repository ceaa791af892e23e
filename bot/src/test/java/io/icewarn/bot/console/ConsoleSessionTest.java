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
    private static final String SIP_WITH_BODY = "SIP/2.0 488 Not Acceptable Here\n"
            + "Call-ID: abc\n"
            + "Content-Type: application/sdp\n"
            + "\n"
            + "v=0\n"
            + "a=x-ms-SDP-diagnostics:7008.2;reason=\"Error parsing SDP\"\n"
            + "ms-client-diagnostics: 24; reason=\"x\"";

    private final List<String> decoded = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ReplyBuilder replies = new ReplyBuilder(Fixtures::source, false);
    private final TerminalRenderer renderer = new TerminalRenderer(false);

    private DecodeResult decode(String text) {
        decoded.add(text);
        return text.contains("ms-client-diagnostics") ? Fixtures.seed24() : Fixtures.nothing();
    }

    private int run(String input, boolean interactive) {
        return run(input, interactive, false);
    }

    /** Runs a session; {@code pasting} says whether more input is always already waiting (a pasted block). */
    private int run(String input, boolean interactive, boolean pasting) {
        DecodeService service = new DecodeService(this::decode, 10, Duration.ofMinutes(1), 1);
        return new ConsoleSession(
                        new BufferedReader(new StringReader(input)),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        interactive,
                        service,
                        replies,
                        renderer,
                        text -> "",
                        () -> pasting)
                .run();
    }

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipedInputIsOnePasteAnsweredOnceWithTheShortAnswer() {
        // GIVEN a piped chat line, empty lines, then the paste (sample 01's shape)
        String input = "hello there\n\n\n" + Fixtures.SEED_24 + "\n";
        // WHEN the session runs
        int code = run(input, false);
        // THEN it exits 0, decodes the whole input once and prints the short answer (no quote: the paste is
        // right above in a terminal) and where to find everything, no banner, no split
        assertThat(code).isZero();
        assertThat(decoded).hasSize(1);
        String expected = renderer.render(replies.withoutQuotes(
                        replies.answer(replies.decoded(DecodeService.normalise(input), Fixtures.seed24()))))
                + ConsoleSession.PIPED_MORE + "\n";
        assertThat(out()).isEqualTo(expected).doesNotContain("----").doesNotContain(ConsoleSession.BANNER);
    }

    @Test
    void aMessageWithoutADiagnosticGetsTheNothingFoundHint() {
        run("does sharing work for you?", false);
        assertThat(out())
                .startsWith("No Lync / Skype for Business diagnostic found")
                .contains("Paste the diagnostic header");
    }

    @Test
    void interactiveSessionsShowTheBanner() {
        assertThat(run("", true)).isZero();
        assertThat(out()).startsWith(ConsoleSession.BANNER);
    }

    @Test
    void emptyInputPrintsNothing() {
        assertThat(run("\n\n", false)).isZero();
        assertThat(out()).isEmpty();
        assertThat(decoded).isEmpty();
    }

    @Test
    void anEmptyEnterShowsThePromptAgain() {
        // GIVEN a person who presses Enter three times WHEN the session runs
        run("\n\n\n", true);
        // THEN the prompt comes back each time and nothing is decoded
        assertThat(out().split(ConsoleSession.PROMPT, -1)).hasSize(5);
        assertThat(decoded).isEmpty();
    }

    @Test
    void aTypedMessageEndsAtAnEmptyLine() {
        // GIVEN two typed messages, each ended by an empty line
        run("hello\n\nms-client-diagnostics: 24; reason=\"x\"\n\n", true);
        // THEN each was answered on its own
        assertThat(decoded).containsExactly("hello", "ms-client-diagnostics: 24; reason=\"x\"");
    }

    @Test
    void anEmptyLineInsideAPastedBlockDoesNotEndIt() {
        // GIVEN a pasted block (more input already waiting at its empty line), then an empty Enter
        run("Looking at the reports\n\nms-client-diagnostics: 24; reason=\"x\"\n", true, true);
        // THEN it is one message
        assertThat(decoded).containsExactly("Looking at the reports\n\nms-client-diagnostics: 24; reason=\"x\"");
    }

    @Test
    void aSipMessageEndsOnlyAtTwoEmptyLines() {
        // GIVEN a typed SIP message with an empty line between headers and body, then two empty lines
        run(SIP_WITH_BODY + "\n\n\n", true);
        // THEN it is one message, and the person was told to press Enter once more
        assertThat(decoded)
                .singleElement()
                .satisfies(d -> assertThat(d).contains("v=0").startsWith("SIP/2.0 488"));
        assertThat(out()).contains(ConsoleSession.SECOND_EMPTY_LINE);
    }

    @Test
    void aSipMessageEndedByCtrlDIsAnsweredToo() {
        run(SIP_WITH_BODY + "\n", true);
        assertThat(decoded).singleElement().satisfies(d -> assertThat(d).endsWith("reason=\"x\""));
    }

    @Test
    void moreShowsTheFullChecklistOfTheLastAnswerAndRawAndTicketTheirViews() {
        // GIVEN an answer, then "more", "raw" and "ticket"
        run(Fixtures.SEED_24.replace("\n\n", "\n") + "\n\nmore\nraw\nticket\n", true);
        // THEN the checklist, the fields and the Markdown follow the answer
        String out = out();
        assertThat(out).contains("Full checklist: ms-client-diagnostics 24");
        assertThat(out).contains("Raw fields");
        assertThat(out).contains("# Both endpoints are remote");
        assertThat(decoded).hasSize(1);
    }

    @Test
    void moreBeforeAnyAnswerSaysSo() {
        run("more\n", true);
        assertThat(out()).contains(ConsoleSession.NOTHING_YET);
        assertThat(decoded).isEmpty();
    }

    @Test
    void sipLooksAreRecognisedFromAStartLineOrHeaders() {
        assertThat(ConsoleSession.looksLikeSip(List.of("BYE sip:bob@example.com SIP/2.0")))
                .isTrue();
        assertThat(ConsoleSession.looksLikeSip(List.of("Via: SIP/2.0/TLS 1.2.3.4", "CSeq: 2 BYE")))
                .isTrue();
        assertThat(ConsoleSession.looksLikeSip(List.of("hello", "ms-client-diagnostics: 24")))
                .isFalse();
    }
}
