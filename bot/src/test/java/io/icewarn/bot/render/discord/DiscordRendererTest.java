package io.icewarn.bot.render.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.Golden;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyAttachment;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.bot.reply.ReplySection;
import io.icewarn.decoder.Decoder;
import io.icewarn.decoder.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

final class DiscordRendererTest {
    private static final Decoder DECODER = Decoder.standard();
    private final ReplyBuilder builder = new ReplyBuilder(Fixtures::source, false);
    private final ReplyBuilder real = new ReplyBuilder(DECODER::source, false);
    private final DiscordRenderer renderer = new DiscordRenderer();

    @Test
    void theSeedAnswerRendersAsTheGoldenEmbed() {
        // GIVEN the seed paste's short answer WHEN rendered THEN it matches the golden dump and every limit holds
        List<MessageCreateData> messages =
                renderer.render(builder.answer(builder.decoded(Fixtures.SEED_24, Fixtures.seed24())));
        Golden.assertMatches("discord-seed-24.txt", dump(messages));
        assertThat(DiscordLimitValidator.violations(messages)).isEmpty();
    }

    @Test
    void theSeedFullReplyRendersAsTheGoldenEmbeds() {
        List<MessageCreateData> messages = renderer.render(builder.decoded(Fixtures.SEED_24, Fixtures.seed24()));
        Golden.assertMatches("discord-seed-24-full.txt", dump(messages));
        assertThat(DiscordLimitValidator.violations(messages)).isEmpty();
    }

    @Test
    void twoServerDiagnosticsRenderAsTheGoldenEmbeds() {
        List<MessageCreateData> messages =
                renderer.render(builder.answer(builder.decoded(Fixtures.SERVER_1008, Fixtures.server1008())));
        Golden.assertMatches("discord-server-1008.txt", dump(messages));
    }

    @Test
    void nothingFoundRendersAsTheGoldenEmbed() {
        List<MessageCreateData> messages = renderer.render(builder.decoded("hello", Fixtures.nothing()));
        Golden.assertMatches("discord-nothing-found.txt", dump(messages));
    }

    @Test
    void theShortAnswerIsOneEmbedWithTheVerdictAsTitleAndTheStepsFirst() {
        // GIVEN the seed decoded by the real decoder WHEN its answer is rendered
        Reply answer = real.answer(real.decoded(Fixtures.SEED_24, DECODER.decode(Fixtures.SEED_24)));
        List<MessageCreateData> messages = renderer.render(real.withoutQuotes(answer));
        // THEN one message, one red embed: the code above the verdict, the steps opening the description,
        // sources as masked links whose text is the source's label
        assertThat(messages)
                .singleElement()
                .satisfies(m -> assertThat(m.getEmbeds()).hasSize(1));
        MessageEmbed e = messages.get(0).getEmbeds().get(0);
        assertThat(e.getColorRaw()).isEqualTo(DiscordRenderer.FAILURE_COLOUR);
        assertThat(e.getAuthor().getName()).startsWith("ms-client-diagnostics 24 · reported by the caller");
        assertThat(e.getTitle()).isEqualTo(answer.headline());
        assertThat(e.getDescription()).startsWith("1. ");
        assertThat(e.getDescription()).contains("[Microsoft Learn: Edge Server requirements](<https://");
        assertThat(e.getDescription()).doesNotContain("[S40]").doesNotContain("S40 ");
        assertThat(e.getDescription()).contains("❌ 0x200 TCP TURN connectivity failed");
        assertThat(e.getFields()).isEmpty();
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
        // WHEN worded (redacted) and rendered, in full and as the answer
        ReplyBuilder redacting = new ReplyBuilder(DECODER::source, true);
        Reply reply = redacting.decoded(paste, DECODER.decode(paste));
        for (Reply view : List.of(reply, redacting.answer(reply))) {
            List<MessageCreateData> messages = renderer.render(view);
            // THEN every limit holds, nothing pings, and no address is shown
            assertThat(DiscordLimitValidator.violations(messages)).isEmpty();
            assertThat(DiscordRendererFuzzTest.mentionsIn(messages)).isEmpty();
            assertThat(dump(messages)).doesNotContain("10.0.0.15").doesNotContain("203.0.113.20");
        }
    }

    @Test
    void everyMessageAllowsNoMentions() {
        List<Reply> replies = List.of(
                builder.decoded(Fixtures.SEED_24, Fixtures.seed24()),
                builder.answer(builder.decoded(Fixtures.SEED_24, Fixtures.seed24())),
                builder.nothingFound(List.of()),
                builder.error("boom @everyone"));
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
        String pings = "@everyone @here <@123456789012345678> <@!123456789012345678> <@&123456789012345678> "
                + "<#123456789012345678> </decode:123456789012345678>";
        String text = Fixtures.SEED_24.replace("Looking at", pings);
        Reply reply = builder.decoded(text, Fixtures.seed24());
        Reply error = builder.error(pings);
        assertThat(DiscordRendererFuzzTest.mentionsIn(renderer.render(reply))).isEmpty();
        assertThat(DiscordRendererFuzzTest.mentionsIn(renderer.render(builder.answer(reply))))
                .isEmpty();
        assertThat(DiscordRendererFuzzTest.mentionsIn(renderer.render(error))).isEmpty();
        assertThat(renderer.render(error).get(0).getAllowedMentions()).isEmpty();
    }

    @Test
    void aVeryLongSectionIsSplitAcrossEmbedsAndMessagesInADetailView() {
        // GIVEN a section with 80 long steps
        List<ReplySection.ChecklistLine> steps = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            steps.add(new ReplySection.ChecklistLine(
                    i, ("step " + i + " ").repeat(60), List.of(), i % 2 == 0, "", List.of()));
        }
        ReplySection s = new ReplySection(
                -1,
                Severity.FAILURE,
                "x".repeat(300),
                "t",
                "l",
                "",
                "v",
                ReplySection.Flags.NONE,
                List.of(),
                steps,
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());
        Reply reply = Reply.of(Reply.Kind.DIAGNOSTICS, "h", "", List.of(s), List.of(), "footer");
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
    void anAnswerToAThousandDiagnosticsIsAtMostTwoMessagesWithinEveryLimit() {
        // GIVEN a log of 1000 diagnostics
        String text = ("SIP/2.0 504 Server time-out\nCall-ID: c%d\n"
                        + "ms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\";source=\"sip.example.com\"\n\n")
                .repeat(1);
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            log.append(String.format(text, i));
        }
        Reply full = real.decoded(log.toString(), DECODER.decode(log.toString()));
        assertThat(full.sections()).hasSize(1000);
        // WHEN its answer is rendered
        List<MessageCreateData> messages = renderer.render(real.answer(full));
        // THEN two messages at most, every limit holds, and the overflow is counted
        assertThat(messages).hasSizeLessThanOrEqualTo(DiscordRenderer.MAX_ANSWER_MESSAGES);
        assertThat(DiscordLimitValidator.violations(messages)).isEmpty();
        assertThat(dump(messages)).contains("940 more diagnostics");
    }

    @Test
    void threadNameIsTheVerdictWithinOneHundredCharacters() {
        // GIVEN the seed answer WHEN a thread name is made
        Reply answer = real.answer(real.decoded(Fixtures.SEED_24, DECODER.decode(Fixtures.SEED_24)));
        String name = renderer.threadName(answer);
        // THEN it is the verdict, not the cut reason, and fits
        assertThat(name)
                .isEqualTo(
                        "Application sharing failed: both parties outside the network; no TCP path through the A/V Edge");
        assertThat(DiscordLimitValidator.threadNameViolations(name)).isEmpty();
    }

    @Test
    void aThreadNameNeverSplitsAnEmoji() {
        Reply reply = Reply.of(Reply.Kind.ERROR, "😀".repeat(200), "", List.of(), List.of(), "");
        assertThat(DiscordLimitValidator.threadNameViolations(renderer.threadName(reply)))
                .isEmpty();
    }

    @Test
    void anAttachmentGoesWithTheFirstMessage() {
        // GIVEN an answer with a picture (the place a SIP ladder takes)
        Reply answer = builder.answer(builder.decoded(Fixtures.SEED_24, Fixtures.seed24()));
        Reply withPicture = new Reply(
                answer.kind(),
                answer.view(),
                answer.headline(),
                answer.summary(),
                answer.sections(),
                answer.digest(),
                answer.picks(),
                answer.pickPrompt(),
                answer.notes(),
                answer.footer(),
                List.of(new ReplyAttachment("ladder.png", "image/png", "SIP ladder", new byte[] {1, 2, 3})));
        // WHEN rendered THEN the first message carries the file
        List<MessageCreateData> messages = renderer.render(withPicture);
        assertThat(messages.get(0).getFiles())
                .singleElement()
                .satisfies(f -> assertThat(f.getName()).isEqualTo("ladder.png"));
        assertThat(DiscordLimitValidator.violations(messages)).isEmpty();
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
                if (e.getAuthor() != null) {
                    b.append("author: ").append(e.getAuthor().getName()).append('\n');
                }
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
