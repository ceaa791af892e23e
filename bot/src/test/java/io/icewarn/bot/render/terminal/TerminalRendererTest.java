package io.icewarn.bot.render.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.Golden;
import io.icewarn.bot.reply.ReplyBuilder;
import org.junit.jupiter.api.Test;

final class TerminalRendererTest {
    private final ReplyBuilder builder = new ReplyBuilder(Fixtures::source, false);
    private final TerminalRenderer plain = new TerminalRenderer(false);

    @Test
    void theSeedPasteRendersAsTheGoldenText() {
        // GIVEN the seed paste's reply WHEN rendered without colour THEN it matches the golden text
        String out = plain.render(builder.decoded(Fixtures.SEED_24, Fixtures.seed24()));
        Golden.assertMatches("terminal-seed-24.txt", out);
        assertThat(out).doesNotContain("\u001B[");
    }

    @Test
    void twoServerDiagnosticsRenderAsTheGoldenText() {
        Golden.assertMatches(
                "terminal-server-1008.txt", plain.render(builder.decoded(Fixtures.SERVER_1008, Fixtures.server1008())));
    }

    @Test
    void nothingFoundRendersAsTheGoldenText() {
        Golden.assertMatches("terminal-nothing-found.txt", plain.render(builder.decoded("hello", Fixtures.nothing())));
    }

    @Test
    void colourIsUsedOnlyWhenAsked() {
        // GIVEN a colour renderer WHEN rendering THEN ANSI sequences appear
        String out = new TerminalRenderer(true).render(builder.decoded(Fixtures.SEED_24, Fixtures.seed24()));
        assertThat(out).contains("\u001B[31m[FAILURE]");
    }
}
