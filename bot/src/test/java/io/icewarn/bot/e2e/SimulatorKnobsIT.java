package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.InProcessBot;
import io.icewarn.bot.e2e.launch.InProcessSession;
import io.icewarn.bot.e2e.sim.GatewayOp;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's gateway and REST fault knobs do what they say with the real JDA on the other end: the
 * scenarios built on them (reconnects, rate limits) can trust them. One bot for the class; the steps run in
 * order and each waits on what it recorded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class SimulatorKnobsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static InProcessSession session;
    static SimulatedDiscord discord;

    @BeforeAll
    static void start() {
        session = InProcessSession.start(dir, WAIT);
        discord = session.discord();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    private static int resumes() {
        return discord.recorder().sentByBot(GatewayOp.RESUME);
    }

    private static void awaitResumed(int count) {
        discord.recorder().awaitGateway(g -> g.dispatched("RESUMED"), count, WAIT);
    }

    /** Posts a paste and waits for the whole answer in its thread. */
    private static void pasteIsAnswered(int channel) {
        long message = discord.post(
                discord.world().channel(channel), discord.world().human(0), Pastes.read(Pastes.SERVER) + " " + channel);
        discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);
    }

    @Test
    @Order(1)
    void aConnectionClosedWith4000IsResumedAndMissedDispatchesAreReplayedInOrder() {
        discord.gateway().closeLive(4000);
        long message = discord.post(discord.world().channel(1), discord.world().human(1), Pastes.read(Pastes.SEED));
        awaitResumed(1);
        discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);
        // the resumed connection carries every dispatch after the bot's last sequence number, in order, gapless
        GatewayOp resume =
                discord.recorder().gateway(g -> g.fromBot(GatewayOp.RESUME)).get(0);
        long from = resume.d().path("seq").asLong();
        List<Long> sequence = discord
                .recorder()
                .gateway(g -> g.connection() == resume.connection()
                        && g.direction() == GatewayOp.Direction.TO_BOT
                        && g.op() == GatewayOp.DISPATCH)
                .stream()
                .map(GatewayOp::s)
                .toList();
        assertThat(sequence).isNotEmpty();
        for (int k = 0; k < sequence.size(); k++) {
            assertThat(sequence.get(k)).isEqualTo(from + 1 + k);
        }
        assertThat(discord.recorder().sentByBot(GatewayOp.IDENTIFY)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void reconnectOp7IsResumed() {
        int resumed = resumes();
        discord.gateway().sendReconnect();
        awaitResumed(2);
        assertThat(resumes()).isEqualTo(resumed + 1);
        pasteIsAnswered(0);
    }

    @Test
    @Order(3)
    void aZombieConnectionIsDroppedAndResumed() {
        discord.gateway().acknowledgeHeartbeats(false);
        discord.recorder().awaitGateway(g -> g.direction() == GatewayOp.Direction.CLOSE, 3, WAIT);
        discord.gateway().acknowledgeHeartbeats(true);
        awaitResumed(3);
        pasteIsAnswered(1);
    }

    @Test
    @Order(4)
    void anInvalidSessionThatCannotResumeMakesTheBotIdentifyAgain() {
        discord.gateway().sendInvalidSession(false);
        discord.recorder().awaitGateway(g -> g.fromBot(GatewayOp.IDENTIFY), 2, WAIT);
        discord.recorder().awaitGateway(g -> g.dispatched("READY"), 2, WAIT);
        pasteIsAnswered(2);
    }

    @Test
    @Order(5)
    void aRateLimitedRouteIsRetriedAfterRetryAfterAndAServerErrorOnce() {
        String route = "POST channels/{id}/messages";
        discord.rest().rateLimitNext(route, 1, Duration.ofSeconds(1));
        discord.rest().failNext(route, 1, 502);
        long message = discord.post(discord.world().channel(0), discord.world().human(2), Pastes.read(Pastes.KB_23));
        RestCall ok = discord.recorder()
                .awaitRest(
                        c -> c.is("POST", "channels/{id}/messages")
                                && c.segment(1).equals(Long.toUnsignedString(message))
                                && c.ok(),
                        WAIT);
        List<RestCall> tries = discord.recorder()
                .rest(c ->
                        c.is("POST", "channels/{id}/messages") && c.segment(1).equals(ok.segment(1)));
        assertThat(tries).extracting(RestCall::status).startsWith(429, 502, 200);
        assertThat(tries.get(2).nanos() - tries.get(0).nanos())
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(discord.recorder().rest(c -> c.status() == 429 && !c.fault()))
                .isEmpty();
        assertThat(discord.unknownRoutes()).isEmpty();
        discord.assertNoRejectedOrInvalid();
    }

    @Test
    @Order(6)
    void anIdentifyClosedWith4004GetsNoReadyAndNoSecondIdentify() {
        try (SimulatedDiscord other = SimulatedDiscord.start()) {
            other.gateway().closeEveryIdentify(4004);
            try (InProcessBot refused = InProcessBot.start(other.botEnvironment(), dir)) {
                other.recorder()
                        .awaitGateway(g -> g.direction() == GatewayOp.Direction.CLOSE && g.d().asInt() == 4004, WAIT);
                other.recorder().awaitGateway(g -> g.fromBot(GatewayOp.IDENTIFY), WAIT);
                assertThat(other.recorder().gateway(g -> g.dispatched("READY"))).isEmpty();
                assertThat(other.recorder().sentByBot(GatewayOp.IDENTIFY)).isEqualTo(1);
            }
        }
    }
}
