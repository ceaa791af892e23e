package io.icewarn.bot.render.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.Golden;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.bot.reply.ReplySection;
import io.icewarn.decoder.Severity;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

final class DiscordRendererTest {
    private final ReplyBuilder builder = new ReplyBuilder(Fixtures::source, false);
    private final DiscordRenderer renderer = new DiscordRenderer();

    @Test
    void theSeedPasteRendersAsTheGoldenEmbed() {
        // GIVEN the seed paste's reply WHEN rendered THEN it matches the golden dump
        List<MessageCreateData> messages = renderer.render(builder.decoded(Fixtures.SEED_24, Fixtures.seed24()));
        Golden.assertMatches("discord-seed-24.txt", dump(messages));
        assertThat(DiscordLimitValidator.violations(messages)).isEmpty();
    }

    @Test
    void twoServerDiagnosticsRenderAsTheGoldenEmbeds() {
        List<MessageCreateData> messages =
                renderer.render(builder.decoded(Fixtures.SERVER_1008, Fixtures.server1008()));
        Golden.assertMatches("discord-server-1008.txt", dump(messages));
    }

    @Test
    void nothingFoundRendersAsTheGoldenEmbed() {
        List<MessageCreateData> messages = renderer.render(builder.decoded("hello", Fixtures.nothing()));
        Golden.assertMatches("discord-nothing-found.txt", dump(messages));
    }

    @Test
    void aRealDecodeOfAChatPasteRendersWithinLimitsWithoutPinging() {
        // GIVEN sample 05 (a chat message ending in @everyone) decoded by the real decoder
        String paste = "hey, audio calls to external users fail every time, log from the client:\n```\n"
                + "ms-client-diagnostics: 23; reason=\"Call failed to establish due to a media connectivity failure when one"
                + " endpoint is internal and the other is remote\";CalleeMediaDebug=\"audio:ICEWarn=0x80012b,"
                + "LocalSite=10.0.0.15:50010,LocalMR=203.0.113.20:56421,RemoteSite=198.51.100.7:50022,"
                + "RemoteMR=203.0.113.20:57102,PortRange=50000:50019,LocalMRTCPPort=56421,RemoteMRTCPPort=57102,"
                + "LocalLocation=2,RemoteLocation=1,FederationType=0\"\n```\nany idea @everyone?";
        io.icewarn.decoder.Decoder decoder = io.icewarn.decoder.Decoder.standard();
        // WHEN worded (redacted) and rendered
        Reply reply = new ReplyBuilder(decoder::source, true).decoded(paste, decoder.decode(paste));
        List<MessageCreateData> messages = renderer.render(reply);
        // THEN every limit holds, nothing pings, and no address is shown
        assertThat(reply.sections()).hasSize(1);
        assertThat(DiscordLimitValidator.violations(messages)).isEmpty();
        assertThat(DiscordRendererFuzzTest.mentionsIn(messages)).isEmpty();
        assertThat(dump(messages)).doesNotContain("10.0.0.15").doesNotContain("203.0.113.20");
    }

    @Test
    void everyMessageAllowsNoMentions() {
        // GIVEN replies of every kind
        List<Reply> replies = List.of(
                builder.decoded(Fixtures.SEED_24, Fixtures.seed24()),
                builder.nothingFound(List.of()),
                builder.error("boom @everyone"));
        // WHEN rendered THEN each message has empty allowed mentions and does not ping the replied user
        for (Reply r : replies) {
            for (MessageCreateData m : renderer.render(r)) {
                assertThat(m.getAllowedMentions()).isEmpty();
                assertThat(m.isMentionRepliedUser()).isFalse();
                assertThat(m.getMentionedUsers()).isEmpty();
                assertThat(m.getMentionedRoles()).isEmpty();
            }
        }
    }

    @Test
    void everyMentionFormInAPasteIsNeutralised() {
        // GIVEN a paste whose quote, reason and field values hold every mention form
        String pings = "@everyone @here <@123456789012345678> <@!123456789012345678> <@&123456789012345678> "
                + "<#123456789012345678> </decode:123456789012345678>";
        String text = Fixtures.SEED_24.replace("Looking at", pings);
        Reply reply = builder.decoded(text, Fixtures.seed24());
        Reply error = builder.error(pings);
        // WHEN rendered THEN no mention syntax is left anywhere
        assertThat(DiscordRendererFuzzTest.mentionsIn(renderer.render(reply))).isEmpty();
        assertThat(DiscordRendererFuzzTest.mentionsIn(renderer.render(error))).isEmpty();
        assertThat(renderer.render(error).get(0).getAllowedMentions()).isEmpty();
    }

    @Test
    void aVeryLongSectionIsSplitAcrossEmbedsAndMessages() {
        // GIVEN a section with 80 long checklist items
        List<ReplySection.ChecklistLine> steps = new java.util.ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            steps.add(new ReplySection.ChecklistLine(i, ("step " + i + " ").repeat(60), List.of(), i % 2 == 0, ""));
        }
        ReplySection s = new ReplySection(
                Severity.FAILURE,
                "x".repeat(300),
                "",
                "v",
                "",
                List.of(),
                List.of(),
                steps,
                List.of(),
                List.of(),
                Optional.empty());
        Reply reply = new Reply(Reply.Kind.DIAGNOSTICS, "h", "", List.of(s), List.of(), "footer");
        // WHEN rendered
        List<MessageCreateData> messages = renderer.render(reply);
        // THEN it needs several messages, all within limits, and the title was cut with an ellipsis
        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(DiscordLimitValidator.violations(messages)).isEmpty();
        assertThat(messages.get(0).getEmbeds().get(0).getTitle()).hasSize(256).endsWith("…");
        assertThat(messages.get(messages.size() - 1).getEmbeds())
                .last()
                .satisfies(e -> assertThat(e.getFooter().getText()).isEqualTo("footer"));
    }

    @Test
    void threadNameIsCodeAndReasonWithinOneHundredCharacters() {
        // GIVEN the seed reply WHEN a thread name is made
        String name = renderer.threadName(builder.decoded(Fixtures.SEED_24, Fixtures.seed24()));
        // THEN it starts with the code and fits
        assertThat(name).startsWith("ms-client-diagnostics 24 — Call failed").hasSizeLessThanOrEqualTo(100);
        assertThat(DiscordLimitValidator.threadNameViolations(name)).isEmpty();
    }

    @Test
    void aThreadNameNeverSplitsAnEmoji() {
        // GIVEN a headline of 200 emoji WHEN made a thread name THEN no surrogate pair is cut
        Reply reply = new Reply(Reply.Kind.ERROR, "😀".repeat(200), "", List.of(), List.of(), "");
        assertThat(DiscordLimitValidator.threadNameViolations(renderer.threadName(reply)))
                .isEmpty();
    }

    /** Returns a readable, deterministic dump of messages for golden files. */
    static String dump(List<MessageCreateData> messages) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            MessageCreateData m = messages.get(i);
            b.append("=== message ")
                    .append(i + 1)
                    .append(" (allowed mentions: ")
                    .append(m.getAllowedMentions())
                    .append(")\n");
            if (!m.getContent().isEmpty()) {
                b.append("content:\n").append(m.getContent()).append('\n');
            }
            for (MessageEmbed e : m.getEmbeds()) {
                b.append("--- embed #")
                        .append(String.format("%06X", e.getColorRaw() & 0xFFFFFF))
                        .append('\n');
                b.append("title: ").append(e.getTitle()).append('\n');
                if (e.getDescription() != null) {
                    b.append("description:\n").append(e.getDescription()).append('\n');
                }
                for (MessageEmbed.Field f : e.getFields()) {
                    b.append("field: ")
                            .append(f.getName())
                            .append('\n')
                            .append(f.getValue())
                            .append('\n');
                }
                if (e.getFooter() != null) {
                    b.append("footer: ").append(e.getFooter().getText()).append('\n');
                }
            }
        }
        return b.toString();
    }
}
