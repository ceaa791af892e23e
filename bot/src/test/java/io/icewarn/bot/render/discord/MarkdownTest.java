package io.icewarn.bot.render.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class MarkdownTest {

    @Test
    void escape_inlineFormatting() {
        assertThat(Markdown.escape("a*b_c~d`e|f\\g[h](i)")).isEqualTo("a\\*b\\_c\\~d\\`e\\|f\\\\g\\[h\\](i)");
    }

    @Test
    void escape_blockMarkersOnlyAtLineStart() {
        assertThat(Markdown.escape("> quote\n# head\n  - item\na-b #c >d"))
                .isEqualTo("\\> quote\n\\# head\n  \\- item\na-b #c >d");
    }

    @Test
    void escape_longHostileText_isLinear() {
        String hostile = "*_`|[".repeat(200_000);
        assertThat(Markdown.escape(hostile)).hasSize(hostile.length() * 2);
    }
}
