package io.icewarn.bot.features.buttons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.discord.BotMetrics;
import io.icewarn.bot.discord.JdaTester;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ButtonsTest {
    private static final long BOT_MESSAGE = 555;

    private final JdaTester tester = new JdaTester();

    @AfterEach
    void everyMessageIsSafe() {
        tester.assertAllSafe();
    }

    @Test
    void originalPosterMayDelete() {
        // GIVEN the poster clicks Delete on the answer to their message
        User poster = tester.user(JdaTester.USER_ID);
        var click = tester.button("iw:del:" + JdaTester.USER_ID, BOT_MESSAGE, poster, tester.member(poster));

        // WHEN it is handled
        tester.router.onButtonInteraction(click);

        // THEN the answer is deleted
        assertThat(tester.deletedMessages).containsExactly(BOT_MESSAGE);
    }

    @Test
    void moderatorMayDelete() {
        // GIVEN someone with Manage Messages clicks Delete
        User mod = tester.user(7);
        Member member = tester.member(mod);
        when(member.hasPermission(any(GuildChannel.class), eq(Permission.MESSAGE_MANAGE)))
                .thenReturn(true);
        var click = tester.button("iw:del:" + JdaTester.USER_ID, BOT_MESSAGE, mod, member);

        // WHEN it is handled
        tester.router.onButtonInteraction(click);

        // THEN the answer is deleted
        assertThat(tester.deletedMessages).containsExactly(BOT_MESSAGE);
    }

    @Test
    void othersMayNotDelete() {
        // GIVEN a bystander clicks Delete
        User other = tester.user(8);
        var click = tester.button("iw:del:" + JdaTester.USER_ID, BOT_MESSAGE, other, tester.member(other));

        // WHEN it is handled
        tester.router.onButtonInteraction(click);

        // THEN nothing is deleted and they are told privately why
        assertThat(tester.deletedMessages).isEmpty();
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).ephemeral).isTrue();
        assertThat(tester.sent.get(0).data.getContent()).isEqualTo(DeleteButton.DENIED);
    }

    @Test
    void rawFieldsAreShownPrivatelyFromTheOriginalMessage() {
        // GIVEN an answered message (its ID is in the button, as after a restart)
        var original = tester.message(Fixtures.SEED_24);
        User clicker = tester.user(9);
        var click = tester.button(
                "iw:raw:" + JdaTester.CHANNEL_ID + ":" + original.getIdLong(), BOT_MESSAGE, clicker, null);

        // WHEN "Show raw fields" is clicked
        tester.router.onButtonInteraction(click);

        // THEN the raw fields come privately
        assertThat(tester.deferred).containsExactly("ephemeral");
        assertThat(tester.sent).isNotEmpty();
        assertThat(tester.sent.get(0).text()).contains("PortRange").contains("50040:50049");
    }

    @Test
    void rawFieldsOfAGoneMessageSaySo() {
        // WHEN "Show raw fields" points at a message that no longer exists
        User clicker = tester.user(9);
        tester.router.onButtonInteraction(
                tester.button("iw:raw:" + JdaTester.CHANNEL_ID + ":12", BOT_MESSAGE, clicker, null));

        // THEN a plain private sentence
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).data.getContent()).contains("original message is gone");
    }

    @Test
    void fullChecklistShowsTheOtherStepsPrivately() {
        // GIVEN an answered message
        var original = tester.message(Fixtures.SEED_24);

        // WHEN "Full checklist" is clicked
        tester.router.onButtonInteraction(tester.button(
                "iw:full:" + JdaTester.CHANNEL_ID + ":" + original.getIdLong(), BOT_MESSAGE, tester.user(9), null));

        // THEN steps from 4 on, the remarks and the notes come privately
        assertThat(tester.deferred).containsExactly("ephemeral");
        assertThat(tester.sent).isNotEmpty().allMatch(s -> Boolean.TRUE.equals(s.ephemeral));
        String all = tester.sent.stream().map(JdaTester.Sent::text).reduce("", String::concat);
        assertThat(all).contains("4. ").contains("Remarks").doesNotContain("\\n1. ");
    }

    @Test
    void aButtonOfAnAnswerWhoseTokenExpiredSaysSo() {
        tester.router.onButtonInteraction(tester.button("iw:full:t:zzzzzzzzzzzz", BOT_MESSAGE, tester.user(9), null));
        assertThat(tester.sent).singleElement().satisfies(s -> {
            assertThat(s.ephemeral).isTrue();
            assertThat(s.data.getContent()).isEqualTo(OriginalMessage.EXPIRED);
        });
    }

    @Test
    void theMenuOfAManyDiagnosticAnswerOpensOneOfThemPrivately() {
        // GIVEN an answer to a message with two diagnostics, whose first message carries a menu
        var original = tester.message(Fixtures.SERVER_1008);
        tester.router.onMessageReceived(tester.received(original));
        String pick = "iw:pick:" + JdaTester.CHANNEL_ID + ":" + original.getIdLong();
        assertThat(tester.sent.get(0).data.getComponents().toString()).contains(pick);
        int before = tester.sent.size();

        // WHEN the second diagnostic (4141) is chosen
        tester.router.onStringSelectInteraction(
                tester.select(pick, List.of("1"), tester.sent.get(0).messageId, tester.user(9)));

        // THEN its own short answer comes privately, with buttons that act on it alone
        assertThat(tester.sent).hasSize(before + 1);
        JdaTester.Sent one = tester.sent.get(before);
        assertThat(one.ephemeral).isTrue();
        assertThat(one.text()).contains("4141").contains("User disabled");
        assertThat(one.data.getComponents().toString())
                .contains("iw:full:" + JdaTester.CHANNEL_ID + ":" + original.getIdLong() + ":1")
                .doesNotContain("iw:del:")
                .doesNotContain("iw:pick:");
    }

    @Test
    void aShortTicketComesAsACodeBlockToCopy() {
        // GIVEN an answered message whose ticket fits one message
        var original = tester.message("SIP/2.0 488 Not Acceptable Here\n"
                + "ms-client-diagnostics: 52017;reason=\"Encryption levels dont match\"");

        // WHEN "Ticket" is clicked
        tester.router.onButtonInteraction(tester.button(
                "iw:tkt:" + JdaTester.CHANNEL_ID + ":" + original.getIdLong(), BOT_MESSAGE, tester.user(9), null));

        // THEN the Markdown comes privately in a code block, no file
        assertThat(tester.sent).singleElement().satisfies(s -> {
            assertThat(s.ephemeral).isTrue();
            assertThat(s.data.getContent())
                    .startsWith("```md\n# The client refused the session")
                    .endsWith("```");
            assertThat(s.data.getFiles()).isEmpty();
        });
    }

    @Test
    void aLongTicketIsSentAsMarkdownNotAsAnAnonymousBinary() throws Exception {
        // GIVEN a ticket longer than one message
        var message = TicketButton.message("# title\n" + "x".repeat(3000));
        // THEN it is a file whose part says text/markdown
        List<FileUpload> files = new ArrayList<>(message.getFiles());
        assertThat(files).singleElement().satisfies(f -> assertThat(f.getName()).isEqualTo(TicketButton.FILE_NAME));
        okhttp3.MultipartBody.Builder body = new okhttp3.MultipartBody.Builder();
        files.get(0).addPart(body, 0);
        okhttp3.MultipartBody built = body.build();
        assertThat(built.part(0).body().contentType()).hasToString("text/markdown; charset=utf-8");
    }

    @Test
    void ticketIsAPrivateMarkdownFile() {
        // GIVEN an answered message
        var original = tester.message(Fixtures.SERVER_1008);
        User clicker = tester.user(9);

        // WHEN "Copy as ticket" is clicked
        tester.router.onButtonInteraction(tester.button(
                "iw:tkt:" + JdaTester.CHANNEL_ID + ":" + original.getIdLong(), BOT_MESSAGE, clicker, null));

        // THEN an ephemeral message carries icewarn-ticket.md
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.deferred).containsExactly("ephemeral");
        List<FileUpload> files = new ArrayList<>(tester.sent.get(0).data.getFiles());
        assertThat(files).extracting(FileUpload::getName).containsExactly(TicketButton.FILE_NAME);
    }

    @Test
    void feedbackCountsOneVotePerUserPerAnswer() {
        // GIVEN metrics that record feedback
        List<String> votes = new ArrayList<>();
        BotMetrics metrics = new BotMetrics() {
            @Override
            public void feedback(String ruleId, boolean helped) {
                votes.add(ruleId + "=" + helped);
            }
        };
        FeedbackButton button = new FeedbackButton(new io.icewarn.bot.discord.BotContext(
                tester.ctx.services(),
                tester.ctx.renderer(),
                tester.ctx.tickets(),
                tester.ctx.gatherer(),
                tester.ctx.answerer(),
                tester.ctx.work(),
                tester.ctx.cooldown(),
                metrics,
                tester.store,
                tester.guildSettings));
        User user = tester.user(9);

        // WHEN the same user clicks "Fixed it" twice and another user "Didn't help", then changes their mind
        button.onButton(tester.button("iw:fb:y:ports-open", BOT_MESSAGE, user, null), List.of("y", "ports-open"));
        button.onButton(tester.button("iw:fb:y:ports-open", BOT_MESSAGE, user, null), List.of("y", "ports-open"));
        User other = tester.user(10);
        button.onButton(tester.button("iw:fb:n:ports-open", BOT_MESSAGE, other, null), List.of("n", "ports-open"));
        button.onButton(tester.button("iw:fb:y:ports-open", BOT_MESSAGE, other, null), List.of("y", "ports-open"));

        // THEN two votes are counted per rule, the repeat and the change are told so privately
        assertThat(votes).containsExactly("ports-open=true", "ports-open=false");
        assertThat(tester.sent)
                .extracting(s -> s.data.getContent())
                .containsExactly(
                        FeedbackButton.THANKS, FeedbackButton.ALREADY, FeedbackButton.THANKS, FeedbackButton.CHANGED);
        assertThat(tester.sent).allMatch(s -> Boolean.TRUE.equals(s.ephemeral));
        // and the store holds one vote per user, both "fixed it" now, in this server
        assertThat(tester.store.feedback().stats(JdaTester.GUILD_ID, 10))
                .containsExactly(new io.icewarn.bot.store.FeedbackRepository.RuleVotes("ports-open", 2, 0));
    }

    @Test
    void feedbackIsAcknowledgedBeforeASlowStoreWrites() {
        // GIVEN a store whose vote takes longer than Discord's 3-second window
        long[] deferredWithinNanos = {-1};
        long[] clicked = new long[1];
        io.icewarn.bot.store.Store slow = org.mockito.Mockito.mock(io.icewarn.bot.store.Store.class);
        io.icewarn.bot.store.FeedbackRepository votes =
                org.mockito.Mockito.mock(io.icewarn.bot.store.FeedbackRepository.class);
        when(slow.feedback()).thenReturn(votes);
        when(votes.vote(
                        org.mockito.ArgumentMatchers.anyLong(),
                        org.mockito.ArgumentMatchers.anyLong(),
                        org.mockito.ArgumentMatchers.anyLong(),
                        any(),
                        org.mockito.ArgumentMatchers.anyBoolean()))
                .thenAnswer(inv -> {
                    if (!tester.deferred.isEmpty()) {
                        deferredWithinNanos[0] = System.nanoTime() - clicked[0];
                    }
                    Thread.sleep(3_200);
                    return io.icewarn.bot.store.FeedbackRepository.Outcome.RECORDED;
                });
        FeedbackButton button = new FeedbackButton(new io.icewarn.bot.discord.BotContext(
                tester.ctx.services(),
                tester.ctx.renderer(),
                tester.ctx.tickets(),
                tester.ctx.gatherer(),
                tester.ctx.answerer(),
                tester.ctx.work(),
                tester.ctx.cooldown(),
                BotMetrics.NONE,
                slow,
                tester.guildSettings));

        // WHEN a user clicks "Fixed it"
        clicked[0] = System.nanoTime();
        button.onButton(
                tester.button("iw:fb:y:ports-open", BOT_MESSAGE, tester.user(9), null), List.of("y", "ports-open"));

        // THEN the click was acknowledged privately (deferred) before the store was asked, well within 3 s,
        // and the thanks followed once the vote was stored
        assertThat(tester.deferred).containsExactly("ephemeral");
        assertThat(deferredWithinNanos[0]).isBetween(0L, 3_000_000_000L);
        assertThat(tester.sent).extracting(s -> s.data.getContent()).containsExactly(FeedbackButton.THANKS);
        assertThat(tester.sent.get(0).via).isEqualTo("followup");
    }

    @Test
    void autoReplyButtonsEncodeTheirState() {
        // GIVEN an auto-reply to a message
        var message = tester.message(Fixtures.SEED_24);
        tester.router.onMessageReceived(tester.received(message));

        // THEN its buttons (on the first message) carry the author, the original message and fit Discord's
        // 100-character IDs
        String components = tester.sent.get(0).data.getComponents().toString();
        assertThat(components)
                .contains("iw:del:" + JdaTester.USER_ID)
                .contains("iw:full:" + JdaTester.CHANNEL_ID + ":" + message.getIdLong())
                .contains("iw:raw:" + JdaTester.CHANNEL_ID + ":" + message.getIdLong())
                .contains("iw:tkt:" + JdaTester.CHANNEL_ID + ":" + message.getIdLong())
                .contains("iw:fb:y:")
                .contains("iw:fb:n:");
    }

    @Test
    void deletingAKnownAnswerRemovesAllItsMessages() {
        // GIVEN an answer in place whose answered message is remembered
        tester.threadsAllowed.set(false);
        var message = tester.message(Fixtures.SEED_24 + "\n" + Fixtures.SERVER_1008);
        tester.router.onMessageReceived(tester.received(message));
        var last = tester.sent.get(0);
        String deleteId = "iw:del:" + JdaTester.USER_ID + ":" + message.getIdLong();
        assertThat(last.data.getComponents().toString()).contains(deleteId);
        User poster = tester.user(JdaTester.USER_ID);

        // WHEN the poster clicks Delete on it
        tester.router.onButtonInteraction(tester.button(deleteId, last.messageId, poster, tester.member(poster)));

        // THEN every message of the answer is deleted
        assertThat(tester.deletedMessages)
                .containsExactlyInAnyOrderElementsOf(
                        tester.sent.stream().map(s -> s.messageId).toList());
    }
}
