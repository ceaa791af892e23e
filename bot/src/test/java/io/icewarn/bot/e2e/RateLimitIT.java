package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.InProcessSession;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 6: a burst of pastes in one channel against Discord's real message limit (5 per 5 s per channel
 * and route), with injected 429s carrying {@code retry-after}, a 502 and a 500 that comes after the message
 * was stored. Every paste is answered exactly once, each answer's messages in order, and the recorded request
 * times keep to the advertised buckets and to every {@code retry-after}.
 */
final class RateLimitIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BURST = 8;
    private static final int LIMIT = 5;
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final String START_THREAD = "POST channels/{id}/messages/{id}/threads";
    private static final String CREATE_MESSAGE = "POST channels/{id}/messages";

    @TempDir
    static Path dir;

    static InProcessSession session;
    static SimulatedDiscord discord;

    @BeforeAll
    static void start() {
        session = InProcessSession.start(SimOptions.defaults().withBuckets(LIMIT, WINDOW), dir, WAIT, (sim, env) -> {
            // enough decode permits for the burst: with fewer, some pastes get an in-place "busy" reply instead
            env.put("ICEWARN_MAX_CONCURRENT_DECODES", Integer.toString(BURST));
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
    void aBurstBehind429sAndServerErrorsIsAnsweredOnceInOrderWithinTheLimits() {
        // GIVEN the next two thread starts get 429, one message post 502 and one a 500 after it was stored
        discord.rest().rateLimitNext(START_THREAD, 2, RETRY_AFTER);
        discord.rest().failNext(CREATE_MESSAGE, 1, 502);
        discord.rest().failNextAfterProcessing(CREATE_MESSAGE, 1, 500);

        // WHEN a burst of distinct pastes arrives in one channel, more than one bucket window allows
        long channel = discord.world().channel(0);
        List<Long> messages = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            messages.add(discord.post(
                    channel, discord.world().human(i % 3), Pastes.read(Pastes.KB_23) + "\nburst paste " + i));
        }

        // THEN every paste is answered exactly once, the buttons on the last message of each answer
        for (long m : messages) {
            discord.recorder().awaitRest(Calls.wholeAnswerIn(m), WAIT);
        }
        for (long m : messages) {
            Delivery.assertAnsweredOnce(discord, m);
        }
        // AND every injected fault was met: two 429s, the 502 and the 500
        List<RestCall> injected = discord.recorder().rest(RestCall::fault);
        assertThat(injected).extracting(RestCall::status).containsExactlyInAnyOrder(429, 429, 502, 500);
        // AND the message that got a 500 after it was stored was sent again with the same nonce and exists once
        RestCall late500 =
                injected.stream().filter(c -> c.status() == 500).findFirst().orElseThrow();
        List<RestCall> sameNonce = discord.recorder()
                .rest(c -> c.is("POST", "channels/{id}/messages")
                        && c.json()
                                .path("nonce")
                                .asText()
                                .equals(late500.json().path("nonce").asText()));
        assertThat(sameNonce).extracting(RestCall::status).containsExactly(500, 200);
        assertThat(sameNonce.get(0).json().path("enforce_nonce").asBoolean()).isTrue();
        // AND the bot never went over a bucket it was told about (the simulator enforces each exactly)
        assertThat(discord.recorder().rest(c -> c.status() == 429 && !c.fault()))
                .as("requests over an advertised bucket")
                .isEmpty();
        // AND after each 429 nothing went to that bucket before retry-after had passed
        for (RestCall limited : injected.stream().filter(c -> c.status() == 429).toList()) {
            List<RestCall> next = discord.recorder().rest(c -> c.seq() > limited.seq() && sameBucket(c, limited));
            assertThat(next).as("requests after " + limited).isNotEmpty();
            assertThat(next.get(0).nanos() - limited.nanos())
                    .as("time to the next request of " + limited.route())
                    .isGreaterThanOrEqualTo(RETRY_AFTER.toNanos());
        }
        // AND the thread bucket of that channel let through LIMIT starts per window, the next only after it reset
        List<RestCall> attempts = discord.recorder().rest(c -> c.is("POST", "channels/{id}/messages/{id}/threads"));
        List<RestCall> started = attempts.stream().filter(RestCall::ok).toList();
        assertThat(started).hasSize(BURST);
        assertThat(started.get(LIMIT).nanos() - attempts.get(0).nanos())
                .as("the first start over the limit came after the window opened by the first attempt")
                .isGreaterThanOrEqualTo(WINDOW.toNanos());
        assertThat(discord.unknownRoutes()).isEmpty();
    }

    /** Same route and same major parameter (the channel): one of Discord's buckets. */
    private static boolean sameBucket(RestCall a, RestCall b) {
        return a.route().equals(b.route()) && a.segment(1).equals(b.segment(1));
    }
}
