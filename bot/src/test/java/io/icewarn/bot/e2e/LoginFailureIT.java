package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.ChildJvmBot;
import io.icewarn.bot.e2e.launch.InProcessBot;
import io.icewarn.bot.e2e.sim.GatewayOp;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario 8: a zombie connection (heartbeats no longer acknowledged) is dropped and resumed; a gateway that
 * refuses the login (4004 bad token, 4014 an intent the Developer Portal does not grant) ends the packaged jar
 * with a non-zero status and one line saying what to do, after one IDENTIFY: no login loop burning the daily
 * identify budget.
 */
final class LoginFailureIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aZombieConnectionIsDroppedAndResumed() {
        try (SimulatedDiscord discord = SimulatedDiscord.start();
                InProcessBot bot = InProcessBot.start(discord.botEnvironment(), dir)) {
            discord.awaitBotReady(WAIT);
            GatewayOp lastAck = discord.recorder()
                    .awaitGateway(
                            g -> g.direction() == GatewayOp.Direction.TO_BOT && g.op() == GatewayOp.HEARTBEAT_ACK,
                            WAIT);
            assertThat(lastAck).isNotNull();

            // WHEN the simulator stops acknowledging heartbeats
            discord.gateway().acknowledgeHeartbeats(false);
            GatewayOp unanswered = discord.recorder()
                    .awaitGateway(g -> g.fromBot(GatewayOp.HEARTBEAT) && g.seq() > lastAck.seq(), WAIT);

            // THEN the bot closes that connection itself (a missed ACK) and, once answered again, resumes it
            GatewayOp closed = discord.recorder()
                    .awaitGateway(g -> g.direction() == GatewayOp.Direction.CLOSE && g.seq() > unanswered.seq(), WAIT);
            assertThat(closed.connection()).isEqualTo(unanswered.connection());
            discord.gateway().acknowledgeHeartbeats(true);
            discord.recorder().awaitGateway(g -> g.dispatched("RESUMED"), WAIT);
            assertThat(discord.recorder().sentByBot(GatewayOp.IDENTIFY)).isEqualTo(1);
            // AND a paste afterwards is answered once
            long message =
                    discord.post(discord.world().channel(0), discord.world().human(0), Pastes.read(Pastes.CODE_BLOCK));
            discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);
            Delivery.assertAnsweredOnce(discord, message);
            discord.assertNoRejectedOrInvalid();
        }
    }

    @ParameterizedTest(name = "close {0}")
    @CsvSource({
        "4004, Discord rejected the bot token, Reset Token",
        "4014, Message Content Intent, Privileged Gateway Intents"
    })
    void aRefusedLoginEndsTheProcessWithOneLineAndOneIdentify(int code, String says, String how) {
        try (SimulatedDiscord discord = SimulatedDiscord.start()) {
            discord.gateway().closeEveryIdentify(code);
            try (ChildJvmBot bot = ChildJvmBot.start(discord.botEnvironment(), dir)) {
                int status = bot.awaitExit(WAIT);
                String err = bot.stderr();

                assertThat(status).as(err).isEqualTo(3);
                List<String> ours =
                        err.lines().filter(l -> l.startsWith("icewarn:")).toList();
                assertThat(ours).as(err).hasSize(1);
                assertThat(ours.get(0)).contains(String.valueOf(code), says, how, "Developer Portal");
                assertThat(err).as("no stack trace").doesNotContain("\tat ", "Exception in thread");
                assertThat(err).doesNotContain(discord.token());
                assertThat(discord.recorder().sentByBot(GatewayOp.IDENTIFY)).isEqualTo(1);
                assertThat(discord.recorder().gateway(g -> g.direction() == GatewayOp.Direction.CLOSE))
                        .extracting(g -> g.d().asInt())
                        .containsExactly(code);
            }
            discord.assertNoRejectedOrInvalid();
        }
    }
}
