package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.InProcessSession;
import io.icewarn.bot.e2e.sim.Attachment;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import io.icewarn.bot.render.discord.DiscordLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 1: a paste in an allowed channel gets a thread on that message, and the answer lands in it. */
final class PasteThreadIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static InProcessSession session;
    static SimulatedDiscord discord;

    @BeforeAll
    static void start() {
        session = InProcessSession.start(SimOptions.defaults(), dir, WAIT, (sim, env) -> {
            env.put(
                    "ICEWARN_ALLOWED_CHANNELS",
                    Long.toUnsignedString(sim.world().channel(0)));
        });
        discord = session.discord();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.bot().close();
            assertThat(session.bot().awaitExit(WAIT)).as(session.bot().stderr()).isZero();
            session.close();
        }
    }

    @AfterEach
    void noRequestRefused() {
        discord.assertNoRejectedOrInvalid();
    }

    @Test
    void aPasteGetsAThreadAndTheAnswerInIt() {
        // GIVEN a user's paste of the seed diagnostic in the allowed channel
        long channel = discord.world().channel(0);
        long message = discord.post(channel, discord.world().human(0), Pastes.read(Pastes.SEED));

        // WHEN the bot has answered (its buttons come with the last message)
        discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);

        // THEN there is one thread, on that message in that channel, named within Discord's limit
        List<RestCall> threads = discord.recorder().rest(Calls.threadOn(message));
        assertThat(threads).hasSize(1);
        RestCall thread = threads.get(0);
        assertThat(thread.status()).isEqualTo(201);
        assertThat(thread.segment(1)).isEqualTo(Long.toUnsignedString(channel));
        assertThat(thread.json().path("name").asText())
                .isNotBlank()
                .hasSizeLessThanOrEqualTo(DiscordLimits.THREAD_NAME);
        // AND every message of the answer went to the thread (whose ID is the message's) after it was started,
        // decoded, with no mention allowed and within every limit
        List<RestCall> answer = discord.recorder().rest(Calls.postIn(message));
        assertThat(answer).isNotEmpty().allMatch(RestCall::ok).allMatch(c -> c.seq() > thread.seq());
        for (RestCall c : answer) {
            assertThat(WirePayloads.violations(c.json())).as(c.toString()).isEmpty();
        }
        assertThat(answer.get(0).body()).contains("24").containsIgnoringCase("0x320");
        // AND the thread is named from the verdict, and the paste standing right above is not quoted back
        assertThat(thread.json().path("name").asText()).startsWith("Application sharing failed:");
        assertThat(answer.get(0).body()).doesNotContain("Quoted");
        // AND nothing went to the channel itself, and the bot called no route Discord would not know
        assertThat(discord.recorder().rest(Calls.postIn(channel))).isEmpty();
        assertThat(discord.unknownRoutes()).isEmpty();
        assertThat(discord.recorder().rest(c -> !c.ok())).isEmpty();
    }

    @Test
    void aMessageEditedIntoAPasteIsAnsweredAndItsDeletionRemovesTheAnswer() {
        // GIVEN chat without a diagnostic, then edited to hold one (MESSAGE_UPDATE)
        long message = discord.post(discord.world().channel(0), discord.world().human(1), "one moment, copying it");
        discord.edit(message, Pastes.read(Pastes.KB_23));

        // THEN the edit is answered like a new paste, once, in a thread on the message
        discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);
        assertThat(discord.recorder().rest(Calls.threadOn(message))).hasSize(1);
        List<String> posted = discord.recorder().rest(Calls.postIn(message)).stream()
                .map(c -> c.responseJson().path("id").asText())
                .toList();
        assertThat(posted).isNotEmpty();
        assertThat(discord.recorder().rest(Calls.postIn(message)).get(0).body()).contains("23");

        // WHEN the user deletes the message (MESSAGE_DELETE)
        discord.delete(message);
        // THEN the bot deletes every message it posted in the thread (whether or not it still remembered them)
        String thread = Long.toUnsignedString(message);
        List<RestCall> deleted = discord.recorder()
                .awaitRest(
                        c -> c.is("DELETE", "channels/{id}/messages/{id}")
                                && c.segment(1).equals(thread),
                        posted.size(),
                        WAIT);
        assertThat(deleted).extracting(c -> c.segment(3)).containsExactlyInAnyOrderElementsOf(posted);
        // AND, without Manage Threads (the invite does not ask for it), the emptied thread is archived, not
        // deleted: Discord would refuse the deletion with 50013, an invalid request
        RestCall archived = discord.recorder()
                .awaitRest(c -> c.is("PATCH", "channels/{id}") && c.segment(1).equals(thread), WAIT);
        assertThat(archived.json().path("archived").asBoolean()).isTrue();
        assertThat(archived.ok()).isTrue();
        assertThat(discord.recorder().rest(c -> c.is("DELETE", "channels/{id}")))
                .isEmpty();
        assertThat(discord.unknownRoutes()).isEmpty();
    }

    @Test
    void aLogWithManyDiagnosticsIsAnsweredInAtMostTwoMessagesWithTheMenuAndButtonsOnTheFirst() {
        // GIVEN a log holding every pasted diagnostic of the corpus
        long message = discord.post(
                discord.world().channel(0),
                discord.world().human(2),
                "all of today's failures",
                List.of(Attachment.text("failures.log", Pastes.tenDiagnosticsLog())));

        // WHEN the whole answer is out
        discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);

        // THEN it took one or two messages, each within every limit and allowing no mention, and the first
        // carries the menu that opens any one diagnostic and the buttons
        List<RestCall> answer = discord.recorder().rest(Calls.postIn(message));
        assertThat(answer).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        for (RestCall c : answer) {
            assertThat(WirePayloads.violations(c.json())).as(c.toString()).isEmpty();
        }
        String components = answer.get(0).json().path("components").toString();
        assertThat(components).contains("iw:pick:").contains("iw:full:").contains("iw:del:");
    }

    @Test
    void aLogTooLongForOneMessageTakesExactlyTwoWithTheComponentsOnTheFirst() {
        // GIVEN a log of 77 diagnostics, whose summary does not fit one message
        long message = discord.post(
                discord.world().channel(0),
                discord.world().human(2),
                "the whole week",
                List.of(Attachment.text("week.log", Pastes.longLog())));

        // WHEN the whole answer is out
        discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);

        // THEN it took exactly two messages within every limit, and the menu and buttons were added to the
        // first one by an edit once the second was out
        List<RestCall> answer = Delivery.assertAnsweredOnce(discord, message);
        assertThat(answer).hasSize(2);
        for (RestCall c : answer) {
            assertThat(WirePayloads.violations(c.json())).as(c.toString()).isEmpty();
        }
        RestCall buttons = discord.recorder().rest(Calls.wholeAnswerIn(message)).get(0);
        assertThat(buttons.segment(3))
                .isEqualTo(answer.get(0).responseJson().path("id").asText());
        assertThat(WirePayloads.violations(buttons.json())).isEmpty();
        assertThat(buttons.json().path("components").toString())
                .contains("iw:pick:")
                .contains("iw:full:")
                .contains("iw:del:");
    }
}
