package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.ChildJvmBot;
import io.icewarn.bot.e2e.launch.HealthProbe;
import io.icewarn.bot.e2e.sim.GatewayOp;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 7: SIGTERM to the packaged jar while ten replies wait behind a 429. The bot's shutdown hook (JDA's
 * own is off: it cancels queued requests) lets every reply out, the follow-up messages their callbacks queue
 * included, then closes the gateway with 1000, well inside the 30 s that systemd and Kubernetes allow.
 */
final class GracefulStopIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** systemd's TimeoutStopSec and Kubernetes' terminationGracePeriodSeconds in deploy/. */
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(30);

    private static final int REPLIES = 10;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void sigtermLetsTenRateLimitedRepliesOutThenClosesTheGatewayNormally() {
        try (SimulatedDiscord discord = SimulatedDiscord.start()) {
            Map<String, String> env = new HashMap<>(discord.botEnvironment());
            env.put("ICEWARN_LOG_LEVEL", "INFO");
            // enough decode permits for the burst: with fewer, some pastes get an in-place "busy" reply instead
            env.put("ICEWARN_MAX_CONCURRENT_DECODES", Integer.toString(REPLIES));
            HealthProbe health = HealthProbe.enable(env);
            try (ChildJvmBot bot = ChildJvmBot.start(env, dir)) {
                discord.awaitBotReady(WAIT);
                // GIVEN the thread starts in channel 0 answered 429 with a retry-after
                discord.rest().rateLimitNext("POST channels/{id}/messages/{id}/threads", 1, RETRY_AFTER);
                long channel = discord.world().channel(0);
                List<Long> messages = new ArrayList<>();
                for (int i = 0; i < REPLIES; i++) {
                    messages.add(discord.post(
                            channel, discord.world().human(i % 3), Pastes.read(Pastes.SERVER) + "\nstop case " + i));
                }
                // AND all ten decoded (each a cache miss: distinct pastes), so their replies are queued or about
                // to be, and the first thread start has met the 429: the ten wait behind it
                health.await("icewarn_cache_misses_total", v -> v >= REPLIES, WAIT);
                RestCall limited = discord.recorder().awaitRest(c -> c.fault() && c.status() == 429, WAIT);

                // WHEN the process gets SIGTERM
                long term = System.nanoTime();
                bot.stop();
                int status = bot.awaitExit(GRACE_PERIOD);
                long exited = System.nanoTime();

                // THEN every reply was delivered exactly once, each after the retry-after
                try {
                    for (long m : messages) {
                        List<RestCall> posts = Delivery.assertAnsweredOnce(discord, m);
                        assertThat(posts.get(posts.size() - 1).nanos()).isLessThan(exited);
                    }
                } catch (AssertionError e) {
                    throw new AssertionError(
                            e.getMessage() + "\nREST: " + discord.recorder().rest() + "\nbot:\n" + bot.stderr(), e);
                }
                assertThat(discord.recorder().rest(Calls.postIn(channel))).isEmpty();
                RestCall firstStart = discord.recorder()
                        .rest(c -> c.is("POST", "channels/{id}/messages/{id}/threads") && c.ok())
                        .get(0);
                assertThat(firstStart.nanos() - limited.nanos()).isGreaterThanOrEqualTo(RETRY_AFTER.toNanos());
                // AND only then the bot closed the gateway, with 1000, and sent no REST request after it
                List<GatewayOp> closes = discord.recorder().gateway(g -> g.direction() == GatewayOp.Direction.CLOSE);
                assertThat(closes).hasSize(1);
                GatewayOp close = closes.get(0);
                assertThat(close.d().asInt()).isEqualTo(1000);
                assertThat(discord.recorder().rest(c -> c.nanos() > close.nanos()))
                        .isEmpty();
                // AND the process ended as a JVM does after SIGTERM once its shutdown hook has finished (143:
                // deploy/systemd has SuccessExitStatus=143), having said that everything was sent
                assertThat(status).as(bot.stderr()).isEqualTo(ChildJvmBot.SIGTERM_STATUS);
                String err = bot.stderr();
                assertThat(err).contains("Stopped: every queued request was sent and the gateway closed");
                assertThat(err).doesNotContain("were still queued", "still in flight", "\tat ");
                System.out.printf(
                        "GracefulStopIT: SIGTERM to exit %d ms with %d replies behind a %d s retry-after%n",
                        (exited - term) / 1_000_000, REPLIES, RETRY_AFTER.toSeconds());
            }
            discord.assertNoRejectedOrInvalid();
        }
    }
}
