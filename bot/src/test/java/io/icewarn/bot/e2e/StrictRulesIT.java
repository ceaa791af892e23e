package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.InProcessSession;
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
        discord.edit(message, Pastes.read(Pastes.KB_23));

        // THEN the bot unarchives the thread first (an edit in an archived thread is 50083), then edits
        RestCall edit = discord.recorder()
                .awaitRest(c -> c.seq() > mark && Calls.editIn(message).test(c), WAIT);
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

    private static String id(long id) {
        return Long.toUnsignedString(id);
    }
}
