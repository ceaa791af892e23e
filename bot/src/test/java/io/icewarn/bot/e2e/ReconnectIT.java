package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.InProcessSession;
import io.icewarn.bot.e2e.sim.GatewayOp;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 5: the gateway drops while a reply is in flight (a close Discord allows resuming, op 7 RECONNECT,
 * op 9 INVALID_SESSION resumable and not). The drop is made while the simulator holds the reply's first
 * request (starting the thread), so the reply is in flight for certain; it must arrive exactly once, and a
 * paste sent once the bot is back must be answered. One bot for the class; the steps run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class ReconnectIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String START_THREAD = "POST channels/{id}/messages/{id}/threads";
    private static final AtomicInteger PASTES = new AtomicInteger();

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

    @AfterEach
    void nothingUnexpected() {
        assertThat(discord.unknownRoutes()).isEmpty();
        discord.assertNoRejectedOrInvalid();
        // no request was refused by the simulator's own rate limit or for a bad token
        assertThat(discord.recorder().rest(c -> !c.ok() && !c.fault())).isEmpty();
    }

    /** Posts a paste no earlier paste equals (the dedup window would link to the earlier answer). */
    private static long paste(int channel) {
        return discord.post(
                discord.world().channel(channel),
                discord.world().human(0),
                Pastes.read(Pastes.SEED) + "\nreconnect case " + PASTES.incrementAndGet());
    }

    private static int count(java.util.function.Predicate<GatewayOp> p) {
        return discord.recorder().gateway(p).size();
    }

    /** Asserts that {@code message} is answered exactly once, waiting for the whole answer first. */
    private static void answeredOnce(long message) {
        discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);
        Delivery.assertAnsweredOnce(discord, message);
    }

    /** Runs {@code drop} while the reply to a fresh paste is in flight; returns that paste's message ID. */
    private static long pasteDroppedInFlight(Runnable drop) {
        discord.rest().onNextArrival(START_THREAD, drop);
        return paste(0);
    }

    @Test
    @Order(1)
    void aResumableCloseMidReplyIsResumedAndTheReplyArrivesOnce() {
        int resumed = count(g -> g.dispatched("RESUMED"));
        long inFlight = pasteDroppedInFlight(() -> discord.gateway().closeLive(4000));

        discord.recorder().awaitGateway(g -> g.dispatched("RESUMED"), resumed + 1, WAIT);
        answeredOnce(inFlight);
        long after = paste(1);
        answeredOnce(after);
        assertThat(discord.recorder().sentByBot(GatewayOp.IDENTIFY)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void reconnectOp7MidReplyIsResumedAndTheReplyArrivesOnce() {
        int resumed = count(g -> g.dispatched("RESUMED"));
        long inFlight = pasteDroppedInFlight(() -> discord.gateway().sendReconnect());

        discord.recorder().awaitGateway(g -> g.dispatched("RESUMED"), resumed + 1, WAIT);
        answeredOnce(inFlight);
        answeredOnce(paste(2));
        assertThat(discord.recorder().sentByBot(GatewayOp.IDENTIFY)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aResumableInvalidSessionMidReplyIsResumedAndTheReplyArrivesOnce() {
        int resumed = count(g -> g.dispatched("RESUMED"));
        long inFlight = pasteDroppedInFlight(() -> discord.gateway().sendInvalidSession(true));

        discord.recorder().awaitGateway(g -> g.dispatched("RESUMED"), resumed + 1, WAIT);
        answeredOnce(inFlight);
        answeredOnce(paste(0));
        assertThat(discord.recorder().sentByBot(GatewayOp.IDENTIFY)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aSessionThatCannotResumeIsIdentifiedAgainAndTheReplyArrivesOnce() {
        String oldSession = discord.gateway().sessionId();
        long channel = discord.world().channel(0);
        int mark = discord.recorder().restMark();
        // a paste posted while the session is dead, before the new one is ready: Discord dispatches it on no
        // session, so only the new session's catch-up can answer it
        long[] missed = new long[1];
        discord.gateway().onIdentify(() -> missed[0] = paste(2));
        long inFlight = pasteDroppedInFlight(() -> discord.gateway().sendInvalidSession(false));

        discord.recorder().awaitGateway(g -> g.dispatched("READY"), 2, WAIT);
        discord.gateway().onIdentify(null);
        assertThat(discord.recorder().sentByBot(GatewayOp.IDENTIFY)).isEqualTo(2);
        assertThat(discord.gateway().sessionId()).isNotEqualTo(oldSession);
        // JDA drops its caches on a session it cannot resume, so the thread Discord started meanwhile is
        // unknown to it when the answer arrives ("Missing guild"), and the bot answers in the channel instead:
        // still one answer, but the new thread stays empty
        discord.recorder()
                .awaitRest(
                        c -> c.seq() > mark
                                && c.ok()
                                && c.is("POST", "channels/{id}/messages")
                                && !c.json().path("components").isEmpty()
                                && (c.segment(1).equals(Long.toUnsignedString(inFlight))
                                        || c.segment(1).equals(Long.toUnsignedString(channel))),
                        WAIT);
        List<RestCall> inThread = discord.recorder().rest(Calls.postIn(inFlight).and(RestCall::ok));
        List<RestCall> inChannel = discord.recorder()
                .rest(c -> c.seq() > mark && Calls.postIn(channel).test(c) && c.ok());
        if (inThread.isEmpty()) {
            assertThat(inChannel).isNotEmpty();
            assertThat(inChannel
                            .get(0)
                            .json()
                            .path("message_reference")
                            .path("message_id")
                            .asText())
                    .isEqualTo(Long.toUnsignedString(inFlight));
            assertThat(inChannel.stream()
                            .filter(c -> !c.json().path("components").isEmpty()))
                    .hasSize(1);
        } else {
            assertThat(inChannel).isEmpty();
            Delivery.assertAnsweredOnce(discord, inFlight);
        }
        answeredOnce(paste(1));
        assertThat(missed[0]).isNotZero();
        answeredOnce(missed[0]);
        // a new session is not a new start: the commands are not registered again
        assertThat(discord.recorder().rest(c -> c.route().equals(SimulatedDiscord.REGISTER_COMMANDS)))
                .hasSize(1);
    }
}
