package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.ChildJvmBot;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimInteraction;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import io.icewarn.bot.e2e.sim.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-server settings and feedback votes survive the real process being killed ({@code destroyForcibly}) and
 * started again, for a database ({@link #database}): the packaged bot as a child JVM against a simulated
 * Discord, everything through real interactions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StateAcrossRestarts {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String REDACTION_SET = "Redaction of addresses and host names: on (set here)";

    @TempDir
    Path dir;

    /** Returns the database settings the bot gets (none: the embedded file); may skip the class. */
    abstract Map<String, String> database() throws Exception;

    /** Releases what {@link #database} made. */
    void dropDatabase() throws Exception {}

    Map<String, String> db;

    @BeforeAll
    void openDatabase() throws Exception {
        db = database();
    }

    @AfterAll
    void closeDatabase() throws Exception {
        dropDatabase();
    }

    @Test
    void settingsAndVotesSurviveAKill() {
        try (SimulatedDiscord discord = SimulatedDiscord.start()) {
            World w = discord.world();
            ChildJvmBot bot = start(discord, 1);
            String fixedIt;
            try {
                // GIVEN an admin turned redaction on and a user voted "Fixed it" under an answer
                assertThat(admin(discord, "redact", Map.of("enabled", true))).contains("on");
                fixedIt = voteFixedIt(discord, w.human(1));
                // WHEN the process is killed and started again
                bot.kill();
                bot.awaitExit(WAIT);
            } finally {
                bot.close();
            }
            ChildJvmBot again = start(discord, 2);
            try {
                // THEN the setting is still set here, the vote is still counted, and it still counts once
                assertThat(admin(discord, "show", Map.of())).contains(REDACTION_SET);
                assertThat(admin(discord, "stats", Map.of())).contains("1 vote").contains("1 fixed");
                long answer = Long.parseLong(fixedIt.substring(0, fixedIt.indexOf(' ')));
                String id = fixedIt.substring(fixedIt.indexOf(' ') + 1);
                assertThat(press(discord, w.human(1), id, answer)).contains("already gave this feedback");
            } finally {
                again.close();
            }
            discord.assertNoRejectedOrInvalid();
        }
    }

    /** Starts the bot; {@code starts} is how often a bot has started against {@code discord}, this one included. */
    ChildJvmBot start(SimulatedDiscord discord, int starts) {
        Map<String, String> env = new HashMap<>(discord.botEnvironment());
        env.put(
                "ICEWARN_ALLOWED_CHANNELS",
                Long.toUnsignedString(discord.world().channel(0)));
        env.putAll(db);
        ChildJvmBot bot = ChildJvmBot.start(env, dir);
        discord.awaitCommandsRegistered(starts, WAIT);
        return bot;
    }

    /** Runs {@code /icewarn-admin sub} as the server owner and returns the private answer's text. */
    static String admin(SimulatedDiscord discord, String sub, Map<String, Object> options) {
        World w = discord.world();
        SimInteraction i = discord.slashCommand(w.channel(0), w.human(0), "icewarn-admin", sub, options);
        return deferredPrivateAnswer(discord, i);
    }

    /**
     * Returns the text of a private answer that acknowledges first (a deferral, as every interaction that
     * touches the database does) and then arrives as the first follow-up.
     */
    static String deferredPrivateAnswer(SimulatedDiscord discord, SimInteraction i) {
        RestCall cb = discord.recorder().awaitRest(i::isCallback, WAIT);
        assertThat(cb.ok()).as(cb.toString()).isTrue();
        assertThat(cb.json().path("type").asInt()).as("a deferral").isEqualTo(5);
        assertThat(cb.json().path("data").path("flags").asInt() & 64)
                .as("private")
                .isEqualTo(64);
        RestCall followUp =
                discord.recorder().awaitRest(c -> i.isWebhook(c) && c.is("POST", "webhooks/{id}/{token}"), WAIT);
        assertThat(followUp.ok()).as(followUp.toString()).isTrue();
        return followUp.json().path("content").asText();
    }

    /** Posts a paste, waits for the answer, presses "Fixed it" as {@code user}; returns "answerId customId". */
    static String voteFixedIt(SimulatedDiscord discord, long user) {
        World w = discord.world();
        long message = discord.post(w.channel(0), w.human(0), Pastes.read(Pastes.SEED));
        RestCall last = discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);
        long answer = Long.parseUnsignedLong(last.responseJson().path("id").asText());
        String id = last.json().path("components").findValuesAsText("custom_id").stream()
                .filter(c -> c.contains(":fb:y"))
                .findFirst()
                .orElseThrow();
        assertThat(press(discord, user, id, answer)).isEqualTo("Thanks, noted.");
        return answer + " " + id;
    }

    static String press(SimulatedDiscord discord, long user, String customId, long message) {
        return deferredPrivateAnswer(discord, discord.button(user, customId, message));
    }
}
