package io.icewarn.bot.render.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.reply.ReplyBuilder;
import org.junit.jupiter.api.Test;

final class TicketRendererTest {

    @Test
    void aTicketHasHeadingsAFlagTableTheChecklistAndTheQuote() {
        // GIVEN the seed reply WHEN exported as a ticket
        String md = new TicketRenderer()
                .render(new ReplyBuilder(Fixtures::source, false).decoded(Fixtures.SEED_24, Fixtures.seed24()));
        // THEN it is Markdown with every part, sources named by their labels with links
        assertThat(md).startsWith("# Both endpoints are remote and media could not be relayed through the A/V Edge.\n");
        assertThat(md).contains("## FAILURE: ms-client-diagnostics 24 — Call failed");
        assertThat(md).contains("_reported by the caller · application-sharing_");
        assertThat(md).contains("| `0x20` | Local connectivity failed — Common behind NAT. | caution |");
        assertThat(md)
                .contains("1. Check that TCP 443 reaches the A/V Edge from the Internet. — "
                        + "[Paresh J: desktop sharing fails](<https://example.org/s4>), "
                        + "[Lync Server 2010 Resource Kit, ch. 9](<https://example.org/s40>)");
        assertThat(md).contains("2. Check that the Edge can reach its own public address. _(inferred)_ — S99");
        assertThat(md).contains("```text\nms-client-diagnostics: 24;");
        assertThat(md).contains("- **Lync Server 2010 Resource Kit, ch. 9** <https://example.org/s40>");
    }
}
