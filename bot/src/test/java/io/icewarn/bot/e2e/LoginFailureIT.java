package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.ChildJvmBot;
import io.icewarn.bot.e2e.launch.InProcessBot;
import io.icewarn.bot.e2e.sim.GatewayOp;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario 8: a zombie connection (heartbeats no longer acknowledged) is dropped and resumed; a gateway that
 * refuses the login (4004 bad token, 4014 an intent the Developer Portal does not grant) ends the packaged jar
 * with a non-zero status and one line saying what to do, after one IDENTIFY: no login loop burning the daily
 * identify budget; the data directory of such a start is gone again. A token the REST API refuses (401) ends it
 * before the gateway; an unreachable Discord (nothing listening, no TLS) is one line that names the network, not
 * the token, with status 1, and no data directory is created.
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
            try (ChildJvmBot bot = ChildJvmBot.start(withDefaultDataDirectory(discord.botEnvironment()), dir)) {
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
                assertThat(dir.resolve("data"))
                        .as("the data directory of a bot that never started")
                        .doesNotExist();
            }
            discord.assertNoRejectedOrInvalid();
        }
    }

    @Test
    void aTokenTheRestApiRefusesEndsTheProcessBeforeTheGatewayAndLeavesNoDataDirectory() {
        try (SimulatedDiscord discord = SimulatedDiscord.start()) {
            Map<String, String> env = withDefaultDataDirectory(discord.botEnvironment());
            env.put("DISCORD_TOKEN", "MTIz.bad.token-the-simulator-does-not-know");
            try (ChildJvmBot bot = ChildJvmBot.start(env, dir)) {
                int status = bot.awaitExit(WAIT);
                String err = bot.stderr();

                assertThat(status).as(err).isEqualTo(3);
                assertOneLineNoStackTrace(err, "refused the bot token (401 Unauthorized)", "Reset Token");
                assertThat(err).doesNotContain(env.get("DISCORD_TOKEN"));
                assertThat(discord.recorder().gateway(g -> g.direction() == GatewayOp.Direction.OPEN))
                        .as("no gateway connection")
                        .isEmpty();
                assertThat(dir.resolve("data")).doesNotExist();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"http, connection to 127.0.0.1:PORT failed (Connection refused)", "https, TLS handshake"})
    void anUnreachableDiscordIsOneLineThatDoesNotBlameTheToken(String scheme, String says) throws IOException {
        // GIVEN a REST and gateway address where nothing listens (http), or a plain-text server on https
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = plain.getLocalPort();
            if (scheme.equals("http")) {
                plain.close();
            } else {
                answerPlainText(plain);
            }
            Map<String, String> env = new HashMap<>();
            env.put("DISCORD_TOKEN", "MTIz.abc.a-token-that-is-never-checked");
            env.put("ICEWARN_DISCORD_API_URL", scheme + "://127.0.0.1:" + port + "/api/v10/");
            env.put("ICEWARN_DISCORD_GATEWAY_URL", "ws://127.0.0.1:" + port + "/");
            env.put("ICEWARN_HTTP_ENABLED", "false");

            // WHEN the packaged bot starts
            try (ChildJvmBot bot = ChildJvmBot.start(env, dir)) {
                int status = bot.awaitExit(WAIT);
                String err = bot.stderr();

                // THEN it cannot log in (1: systemd tries again later), says why in one line, and leaves nothing
                assertThat(status).as(err).isEqualTo(1);
                String line = assertOneLineNoStackTrace(err, "cannot reach Discord", says.replace("PORT", "" + port));
                assertThat(line).doesNotContainIgnoringCase("token");
                assertThat(dir.resolve("data")).doesNotExist();
            }
        }
    }

    /** Asserts that {@code err} has one {@code icewarn:} line containing {@code says} and no stack trace; returns it. */
    private static String assertOneLineNoStackTrace(String err, String... says) {
        List<String> ours = err.lines().filter(l -> l.startsWith("icewarn:")).toList();
        assertThat(ours).as(err).hasSize(1);
        assertThat(ours.get(0)).contains(says);
        assertThat(err).as("no stack trace").doesNotContain("\tat ", "Exception in thread", "Caused by");
        return ours.get(0);
    }

    /** Returns {@code env} without a data directory, so the bot would use {@code data/} in its working directory. */
    private static Map<String, String> withDefaultDataDirectory(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>(env);
        copy.remove("ICEWARN_DATA_DIR");
        return copy;
    }

    /** Answers each connection to {@code server} with a plain HTTP line, as a server without TLS does. */
    private static void answerPlainText(ServerSocket server) {
        Thread t = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try (Socket s = server.accept()) {
                            s.getOutputStream()
                                    .write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                            s.getOutputStream().flush();
                            s.getInputStream().read();
                        } catch (IOException e) {
                            // closed by the client, or the server closed: next or done
                        }
                    }
                },
                "plain-text-server");
        t.setDaemon(true);
        t.start();
    }
}
