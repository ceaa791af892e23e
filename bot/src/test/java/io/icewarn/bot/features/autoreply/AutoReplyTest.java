package io.icewarn.bot.features.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.icewarn.bot.Fixtures;
import io.icewarn.bot.discord.JdaTester;
import io.icewarn.bot.discord.JdaTester.Sent;
import io.icewarn.bot.discord.JdaTester.SettingsBuilder;
import java.time.Duration;
import java.util.Set;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

final class AutoReplyTest {
    private JdaTester tester = new JdaTester();

    @AfterEach
    void everyMessageIsSafe() {
        tester.assertAllSafe();
    }

    @Test
    void pasteGetsAThreadNamedFromTheVerdictWithTheShortAnswer() {
        // GIVEN a message holding a diagnostic
        Message message = tester.message(Fixtures.SEED_24);

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN a thread named after the verdict (not the cut reason) is started on it, and the short answer is
        // posted inside as one message: steps and evidence, no quote of the paste standing right above it
        assertThat(tester.threadNames)
                .containsExactly("Application sharing failed: both parties outside the network;"
                        + " no TCP path through the A/V Edge");
        assertThat(tester.sent).hasSize(1).allMatch(s -> s.via.equals("thread"));
        assertThat(tester.sent.get(0).text())
                .contains("1. ")
                .contains("ICEWarn 0x320")
                .doesNotContain("Quoted");
        // and it carries the buttons, Delete last
        String components = tester.sent.get(0).data.getComponents().toString();
        assertThat(components).contains("Full checklist", "Raw fields", "Ticket", "Fixed it", "Didn't help", "Delete");
        assertThat(components.lastIndexOf("Delete")).isGreaterThan(components.indexOf("Didn't help"));
    }

    @Test
    void anAnswerOfTwoMessagesGetsItsButtonsOnTheFirstOnceTheSecondIsOut() throws Exception {
        // GIVEN a message holding a log of 77 diagnostics, whose summary takes two messages
        String log = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/resources/answers/11-diagnostics-log.txt"));
        Message message = tester.message((log + "\n").repeat(7));

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN both messages went out without components, and then the first was edited to carry the menu and
        // the buttons (so a bot message with buttons always belongs to a whole answer)
        assertThat(tester.sent).hasSize(2).allMatch(s -> s.data.getComponents().isEmpty());
        assertThat(tester.edits).hasSize(1);
        String components = tester.edits.get(0).getComponents().toString();
        assertThat(components).contains("iw:pick:", "Full checklist", "Delete");
        // the edit sets only the components: text, embeds and files (a picture) stay as they were sent
        assertThat(JdaTester.text(tester.edits.get(0))).isEmpty();
        assertThat(tester.edits.get(0).getFiles()).isEmpty();
    }

    @Test
    void anAnswerInPlaceQuotesThePaste() {
        // GIVEN a channel where no thread can be started
        tester.threadsAllowed.set(false);
        Message message = tester.message(Fixtures.SEED_24);

        // WHEN the paste arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN the answer replies in place and quotes (the start of) the decoded fragment
        assertThat(tester.sent).hasSize(1).allMatch(s -> s.via.equals("reply"));
        assertThat(tester.sent.get(0).text()).contains("Quoted").contains("ms-client-diagnostics: 24");
    }

    @Test
    void messageWithoutDiagnosticGetsNoReply() {
        // GIVEN an ordinary chat message
        Message message = tester.message("has anyone seen the new Teams release notes?");

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN the bot stays silent
        assertThat(tester.sent).isEmpty();
        assertThat(tester.threadNames).isEmpty();
    }

    @Test
    void botsAreIgnored() {
        // GIVEN a diagnostic posted by a bot
        User bot = tester.bot(5);
        Message message = tester.message(Fixtures.SEED_24, bot, tester.member(bot));

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN nothing is sent
        assertThat(tester.sent).isEmpty();
    }

    @Test
    void channelOutsideTheAllowListIsIgnored() {
        // GIVEN only another channel is allowed
        SettingsBuilder s = new SettingsBuilder();
        s.allowedChannels = Set.of(12345L);
        tester = new JdaTester(s);
        Message message = tester.message(Fixtures.SEED_24);

        // WHEN a diagnostic arrives in the test channel
        tester.router.onMessageReceived(tester.received(message));

        // THEN nothing is sent
        assertThat(tester.sent).isEmpty();
    }

    @Test
    void channelInAnAllowedCategoryIsAnswered() {
        // GIVEN the test channel's category is allowed
        SettingsBuilder s = new SettingsBuilder();
        s.allowedChannels = Set.of(JdaTester.CATEGORY_ID);
        tester = new JdaTester(s);

        // WHEN a diagnostic arrives
        tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SEED_24)));

        // THEN it is answered
        assertThat(tester.sent).isNotEmpty();
    }

    @Test
    void memberWithAnExcludedRoleIsIgnored() {
        // GIVEN helpers are excluded from automatic answers
        SettingsBuilder s = new SettingsBuilder();
        s.excludedRoles = Set.of(JdaTester.HELPER_ROLE);
        tester = new JdaTester(s);
        User helper = tester.user(77);
        Message message = tester.message(Fixtures.SEED_24, helper, tester.member(helper, JdaTester.HELPER_ROLE));

        // WHEN a helper posts a diagnostic
        tester.router.onMessageReceived(tester.received(message));

        // THEN nothing is sent
        assertThat(tester.sent).isEmpty();
    }

    @Test
    void threadCreationFailureAnswersInPlace() {
        // GIVEN thread creation fails (missing permission discovered late)
        tester.threadCreationFails.set(true);

        // WHEN a diagnostic arrives
        tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SEED_24)));

        // THEN the answer is a reply in place (first message) without pinging
        assertThat(tester.sent).isNotEmpty();
        assertThat(tester.sent.get(0).via).isEqualTo("reply");
        assertThat(tester.sent.subList(1, tester.sent.size())).allMatch(x -> x.via.equals("channel"));
    }

    @Test
    void noThreadPermissionAnswersInPlace() {
        // GIVEN the bot may not create threads here
        tester.threadsAllowed.set(false);

        // WHEN a diagnostic arrives
        tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SEED_24)));

        // THEN no thread is tried and the answer replies in place
        assertThat(tester.threadNames).isEmpty();
        assertThat(tester.sent.get(0).via).isEqualTo("reply");
    }

    @Test
    void samePasteAgainLinksToTheFirstAnswer() {
        // GIVEN a diagnostic was answered
        tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SEED_24)));
        int first = tester.sent.size();
        long firstAnswer = tester.sent.get(0).messageId;

        // WHEN the same paste is posted again in the channel (by someone else, so no cooldown applies)
        User other = tester.user(43);
        tester.router.onMessageReceived(
                tester.received(tester.message(Fixtures.SEED_24 + "  \n", other, tester.member(other))));

        // THEN one short reply links to the first answer
        assertThat(tester.sent).hasSize(first + 1);
        Sent link = tester.sent.get(first);
        assertThat(link.via).isEqualTo("reply");
        assertThat(link.data.getContent()).contains("/" + firstAnswer);
    }

    @Test
    void samePasteAfterTheWindowIsAnsweredAgain() {
        // GIVEN a diagnostic was answered
        tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SEED_24)));
        int first = tester.sent.size();

        // WHEN the same paste comes after the dedup window
        tester.advance(Duration.ofMinutes(11));
        tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SEED_24)));

        // THEN it gets a full answer again
        assertThat(tester.sent).hasSize(first * 2);
    }

    @Test
    void cooldownKeepsOneUserFromFlooding() {
        // GIVEN a 30 s cooldown and a first answer
        SettingsBuilder s = new SettingsBuilder();
        s.cooldown = Duration.ofSeconds(30);
        tester = new JdaTester(s);
        tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SEED_24)));
        int first = tester.sent.size();

        // WHEN the same user posts another diagnostic at once
        tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SERVER_1008)));

        // THEN it is not answered; after the cooldown it is
        assertThat(tester.sent).hasSize(first);
        tester.advance(Duration.ofSeconds(31));
        tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SERVER_1008)));
        assertThat(tester.sent).hasSizeGreaterThan(first);
    }

    @Test
    void emptyContentWarnsOnceAboutTheIntent() {
        // GIVEN guild messages arrive empty (Message Content intent not granted)
        Logger logger = (Logger) LoggerFactory.getLogger(IntentWarning.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            // WHEN two empty messages arrive
            tester.router.onMessageReceived(tester.received(tester.message("")));
            tester.router.onMessageReceived(tester.received(tester.message("")));
        } finally {
            logger.detachAppender(log);
        }

        // THEN nothing is sent, and one warning says how to enable the intent
        assertThat(tester.sent).isEmpty();
        assertThat(log.list).hasSize(1);
        assertThat(log.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(log.list.get(0).getFormattedMessage())
                .contains("Developer Portal")
                .contains("Message Content Intent");
    }

    @Test
    void editFollowsTheAnswer() {
        // GIVEN an answered diagnostic
        Message message = tester.message(Fixtures.SEED_24);
        tester.router.onMessageReceived(tester.received(message));
        int before = tester.sent.size();

        // WHEN the user edits it into another diagnostic
        tester.edit(message, Fixtures.SERVER_1008);
        tester.router.onMessageUpdate(tester.updated(message));

        // THEN the answer is edited in place
        assertThat(tester.edits).isNotEmpty();
        assertThat(JdaTester.text(tester.edits.get(0))).contains("1008");
        assertThat(tester.sent.size()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void editRemovingTheDiagnosticRemovesTheAnswer() {
        // GIVEN an answered diagnostic in a thread
        Message message = tester.message(Fixtures.SEED_24);
        tester.router.onMessageReceived(tester.received(message));

        // WHEN the user edits the diagnostic away
        tester.edit(message, "never mind, fixed it");
        tester.router.onMessageUpdate(tester.updated(message));

        // THEN the bot's thread goes
        assertThat(tester.deletedThreads).containsExactly(message.getIdLong());
    }

    @Test
    void deleteRemovesTheAnswer() {
        // GIVEN an answered diagnostic in place (no threads)
        tester.threadsAllowed.set(false);
        Message message = tester.message(Fixtures.SEED_24);
        tester.router.onMessageReceived(tester.received(message));

        // WHEN the user deletes the message
        tester.router.onMessageDelete(tester.deleted(message.getIdLong()));

        // THEN every answer message is deleted
        assertThat(tester.deletedMessages)
                .containsExactlyElementsOf(
                        tester.sent.stream().map(s -> s.messageId).toList());
    }

    @Test
    void deleteAfterRestartRemovesTheBotsMessagesAndItsEmptyThread() {
        // GIVEN a thread the bot started on a message, but no memory of it (restart)
        Message message = tester.message(Fixtures.SEED_24);
        tester.router.onMessageReceived(tester.received(message));
        JdaTester fresh = new JdaTester();
        fresh.threads.putAll(tester.threads);

        // WHEN the message is deleted
        fresh.router.onMessageDelete(fresh.deleted(message.getIdLong()));

        // THEN the bot's messages in the thread with the message's ID go, and the thread with them
        assertThat(tester.deletedMessages)
                .containsExactlyElementsOf(
                        tester.sent.stream().map(s -> s.messageId).toList());
        assertThat(tester.deletedThreads).containsExactly(message.getIdLong());
    }

    @Test
    void aThreadWhereOthersWroteIsKept() {
        // GIVEN an answer in a thread where a person has replied since
        Message message = tester.message(Fixtures.SEED_24);
        tester.router.onMessageReceived(tester.received(message));
        org.mockito.Mockito.when(tester.threads.get(message.getIdLong()).getMessageCount())
                .thenReturn(tester.sent.size() + 1);

        // WHEN the message is deleted
        tester.router.onMessageDelete(tester.deleted(message.getIdLong()));

        // THEN only the bot's messages go; the discussion stays
        assertThat(tester.deletedMessages).hasSize(tester.sent.size());
        assertThat(tester.deletedThreads).isEmpty();
    }

    @Test
    void inAThreadOrADirectMessageTheAnswerRepliesInPlace() {
        // GIVEN one message already inside a thread and one direct message
        Message inThread = tester.message(Fixtures.SEED_24);
        org.mockito.Mockito.when(inThread.getChannelType())
                .thenReturn(net.dv8tion.jda.api.entities.channel.ChannelType.GUILD_PUBLIC_THREAD);
        User dmUser = tester.user(44);
        Message dm = tester.message(Fixtures.SERVER_1008, dmUser, null);
        org.mockito.Mockito.when(dm.isFromGuild()).thenReturn(false);

        // WHEN both arrive
        tester.router.onMessageReceived(tester.received(inThread));
        tester.router.onMessageReceived(tester.received(dm));

        // THEN no thread is started; each answer starts with a reply in place
        assertThat(tester.threadNames).isEmpty();
        assertThat(tester.sent).filteredOn(x -> x.via.equals("reply")).hasSize(2);
    }

    @Test
    void editThatKeepsTheSameDiagnosticChangesNothing() {
        // GIVEN an answered diagnostic
        Message message = tester.message(Fixtures.SEED_24);
        tester.router.onMessageReceived(tester.received(message));
        int before = tester.sent.size();

        // WHEN the user edits only whitespace
        tester.edit(message, Fixtures.SEED_24 + "   \n");
        tester.router.onMessageUpdate(tester.updated(message));

        // THEN no edit, send or delete goes out
        assertThat(tester.edits).isEmpty();
        assertThat(tester.sent).hasSize(before);
        assertThat(tester.deletedMessages).isEmpty();
    }
}
