package io.icewarn.bot.render.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.Golden;
import io.icewarn.bot.reply.ReplyBuilder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class TerminalRendererTest {
    private final ReplyBuilder builder = new ReplyBuilder(Fixtures::source, false);
    private final TerminalRenderer plain = new TerminalRenderer(false);

    @Test
    void theSeedAnswerRendersAsTheGoldenText() {
        // GIVEN the seed paste's short answer WHEN rendered without colour THEN it matches the golden text
        String out = plain.render(builder.answer(builder.decoded(Fixtures.SEED_24, Fixtures.seed24())));
        Golden.assertMatches("terminal-seed-24.txt", out);
        assertThat(out).doesNotContain("\u001B[");
    }

    @Test
    void theSeedFullBreakdownRendersAsTheGoldenText() {
        Golden.assertMatches(
                "terminal-seed-24-full.txt", plain.render(builder.decoded(Fixtures.SEED_24, Fixtures.seed24())));
    }

    @Test
    void twoServerDiagnosticsRenderAsTheGoldenText() {
        Golden.assertMatches(
                "terminal-server-1008.txt",
                plain.render(builder.answer(builder.decoded(Fixtures.SERVER_1008, Fixtures.server1008()))));
    }

    @Test
    void nothingFoundRendersAsTheGoldenText() {
        Golden.assertMatches("terminal-nothing-found.txt", plain.render(builder.decoded("hello", Fixtures.nothing())));
    }

    @Test
    void colourIsUsedOnlyWhenAsked() {
        String out = new TerminalRenderer(true).render(builder.decoded(Fixtures.SEED_24, Fixtures.seed24()));
        assertThat(out).contains("\u001B[31m[FAILURE]");
    }

    @Test
    void linesWrapAtTheWidthWithStepsAtTheLeftMargin() {
        // GIVEN a narrow terminal WHEN the answer is rendered
        String out = new TerminalRenderer(false, 40)
                .render(builder.answer(builder.decoded(Fixtures.SEED_24, Fixtures.seed24())));
        // THEN no line is wider than 40 unless it is one long word or the user's own text quoted as it was,
        // and step 1 starts a line
        assertThat(Arrays.stream(out.split("\n")).filter(l -> !l.startsWith("    | ")))
                .allSatisfy(l -> assertThat(l.length() <= 40 || !l.strip().contains(" "))
                        .as(l)
                        .isTrue());
        assertThat(out).contains("\n1. ");
    }

    @Test
    void wrappingKeepsLongWordsWholeAndSkipsColourCodes() {
        String url = "https://example.org/" + "a".repeat(60);
        assertThat(Wrap.wrap("see " + url + " now", 30, "  ")).isEqualTo("see\n  " + url + "\n  now");
        String coloured = "\u001B[31m[FAILURE]\u001B[0m short line";
        assertThat(Wrap.wrap(coloured, 25, "  ")).isEqualTo(coloured);
        assertThat(Wrap.wrap("a b c", 0, "")).isEqualTo("a b c");
    }
}
