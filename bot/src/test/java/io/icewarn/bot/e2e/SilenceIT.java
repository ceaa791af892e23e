package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.HealthProbe;
import io.icewarn.bot.e2e.launch.InProcessSession;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import io.icewarn.bot.e2e.sim.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 2: chat without a diagnostic, a paste in a channel that is not allowed, and another bot's paste
 * make the bot call no REST route at all. The bot is known to be done with them when a later paste has been
 * answered and its own in-flight gauge is back at 0.
 */
final class SilenceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static InProcessSession session;
    static SimulatedDiscord discord;
    static HealthProbe health;

    @BeforeAll
    static void start() {
        session = InProcessSession.start(SimOptions.defaults(), dir, WAIT, (sim, env) -> {
            env.put(
                    "ICEWARN_ALLOWED_CHANNELS",
                    Long.toUnsignedString(sim.world().channel(0)));
            health = HealthProbe.enable(env);
        });
        discord = session.discord();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    @AfterEach
    void noRequestRefused() {
        discord.assertNoRejectedOrInvalid();
    }

    @Test
    void messagesTheBotMustIgnoreCauseNoRestCall() {
        World w = discord.world();
        long allowed = w.channel(0);
        int mark = discord.recorder().restMark();

        // GIVEN chat without a diagnostic where the bot answers, a paste where it does not, and a bot's paste
        discord.post(allowed, w.human(0), Pastes.read(Pastes.NO_DIAGNOSTIC));
        discord.post(allowed, w.human(0), Pastes.read("20-negative-chat.txt"));
        discord.post(allowed, w.human(1), Pastes.read("21-negative-lookalikes.txt"));
        discord.post(w.channel(1), w.human(1), Pastes.read(Pastes.SEED));
        discord.post(allowed, w.otherBot(), Pastes.read(Pastes.KB_23));
        // AND then a paste the bot must answer, after all of them on the gateway
        long sentinel = discord.post(allowed, w.human(2), Pastes.read(Pastes.SERVER));

        // WHEN the bot has answered the last one and has nothing left in flight
        discord.recorder().awaitRest(Calls.wholeAnswerIn(sentinel), WAIT);
        health.awaitIdle(WAIT);

        // THEN every REST call since is part of that one answer: its thread and the messages in it
        List<RestCall> since = discord.recorder().restSince(mark);
        assertThat(since)
                .allMatch(Calls.threadOn(sentinel).or(Calls.postIn(sentinel)), "part of the last paste's answer")
                .anyMatch(Calls.threadOn(sentinel));
    }
}
