package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.InProcessSession;
import io.icewarn.bot.e2e.sim.Attachment;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bugs the strict simulator revealed, one scenario each: an answer whose thread post fails is not lost,
 * an edit of a paste whose thread has archived still updates the answer.
 */
final class StrictRulesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POST = "POST channels/{id}/messages";
    private static final long CREATE_PUBLIC_THREADS = 1L << 35;

    @TempDir
    static Path dir;

    static InProcessSession session;
    static SimulatedDiscord discord;

    @BeforeAll
    static void start() {
        session = InProcessSession.start(SimOptions.defaults(), dir, WAIT, (sim, env) -> {
            env.put(
                    "ICEWARN_ALLOWED_CHANNELS",
                    Long.toUnsignedString(sim.world().channel(0)) + ","
                            + Long.toUnsignedString(sim.world().channel(1)));
            // in channel 1 the bot may not start threads: answers go in place
            sim.world().overwrite(sim.world().channel(1), sim.world().botUserId(), true, 0, CREATE_PUBLIC_THREADS);
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
        discord.rest().clear();
        discord.world().archiveThreadsAfter(null);
        discord.assertNoRejectedOrInvalid();
    }

    @Test
    void anAnswerWhoseThreadPostFailsIsRetriedThenPostedInPlace() {
        // GIVEN every post into the new thread fails (the bot's own retry of a 500 included), twice over
        discord.rest().failNext(POST, 4, 500);
        long channel = discord.world().channel(0);
        long message = discord.post(channel, discord.world().human(0), Pastes.read(Pastes.SEED));

        // WHEN the bot answers
        discord.recorder().awaitRest(Calls.wholeAnswerIn(channel), WAIT);

        // THEN it tried the thread twice (each with its one same-nonce retry), then replied in place to the paste
        List<RestCall> intoThread = discord.recorder().rest(Calls.postIn(message));
        assertThat(intoThread).hasSize(4).allMatch(RestCall::fault);
        RestCall inPlace = discord.recorder().rest(Calls.postIn(channel)).get(0);
        assertThat(inPlace.json().path("message_reference").path("message_id").asText())
                .isEqualTo(Long.toUnsignedString(message));
        assertThat(discord.world().messagesBy(discord.world().botUserId(), channel))
                .isNotEmpty();
    }

    @Test
    void anEditedPasteWhoseThreadArchivedIsUnarchivedAndItsAnswerEdited() {
        // GIVEN a paste answered in its thread
        long channel = discord.world().channel(0);
        long message = discord.post(channel, discord.world().human(1), Pastes.read(Pastes.SERVER));
        discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);
        int mark = discord.recorder().restMark();

        // WHEN the thread has been idle past its archive time, and then the user edits the paste
        discord.world().archiveThreadsAfter(Duration.ZERO);
        discord.recorder()
                .awaitGateway(
                        g -> g.dispatched("THREAD_UPDATE")
                                && g.d().path("id").asText().equals(id(message))
                                && g.d().path("thread_metadata")
                                        .path("archived")
                                        .asBoolean(),
                        WAIT);
        discord.world().archiveThreadsAfter(null);
        // (the bot remembers its answer once Discord's answer to its post came back, which the recording cannot
        // show: an edit arriving before that is taken for a paste answered before a restart and left alone, so
        // the user edits again, as a user would, until the bot follows)
        RestCall edit = null;
        for (int attempt = 0; attempt < 5 && edit == null; attempt++) {
            discord.edit(message, Pastes.read(Pastes.KB_23) + "\nedit " + attempt);
            try {
                edit = discord.recorder()
                        .awaitRest(c -> c.seq() > mark && Calls.editIn(message).test(c), Duration.ofSeconds(3));
            } catch (AssertionError notYet) {
                // edit again
            }
        }

        // THEN the bot unarchives the thread first (an edit in an archived thread is 50083), then edits
        assertThat(edit).as("the bot edited its answer").isNotNull();
        assertThat(edit.ok()).as(edit.response()).isTrue();
        assertThat(edit.body()).contains("23");
        List<RestCall> unarchive = discord.recorder()
                .rest(c -> c.seq() > mark
                        && c.is("PATCH", "channels/{id}")
                        && c.segment(1).equals(id(message)));
        assertThat(unarchive).isNotEmpty().allMatch(RestCall::ok);
        assertThat(unarchive.get(0).json().path("archived").asBoolean(true)).isFalse();
        assertThat(unarchive.get(0).seq()).isLessThan(edit.seq());
    }

    @Test
    void twoAnswersInPlaceInOneChannelKeepTheirPartsWithTheirHeads() {
        // GIVEN two long logs posted at once in a channel where the bot may not start threads
        long channel = discord.world().channel(1);
        long first = discord.post(
                channel, discord.world().human(0), "week one", List.of(Attachment.text("a.log", Pastes.longLog())));
        long second = discord.post(
                channel,
                discord.world().human(2),
                "week two",
                List.of(Attachment.text("b.log", Pastes.longLog() + "\nsecond copy\n")));

        // WHEN both answers are whole (two messages each, the buttons added to the head last)
        discord.recorder()
                .awaitRest(
                        c -> Calls.wholeAnswerIn(channel).test(c) && c.is("PATCH", "channels/{id}/messages/{id}"),
                        2,
                        WAIT);

        // THEN each head replies to its paste, and each second message replies to its own head
        List<RestCall> posts = discord.recorder().rest(Calls.postIn(channel).and(RestCall::ok));
        for (long paste : List.of(first, second)) {
            RestCall head =
                    posts.stream().filter(c -> refersTo(c, paste)).findFirst().orElseThrow();
            long headId = Long.parseUnsignedLong(head.responseJson().path("id").asText());
            assertThat(posts.stream().filter(c -> refersTo(c, headId)))
                    .as("the continuation of the answer to " + paste)
                    .hasSize(1);
        }
    }

    private static boolean refersTo(RestCall c, long messageId) {
        return c.json().path("message_reference").path("message_id").asText().equals(id(messageId));
    }

    private static String id(long id) {
        return Long.toUnsignedString(id);
    }
}
