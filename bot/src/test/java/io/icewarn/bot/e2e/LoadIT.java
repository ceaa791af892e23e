package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.InProcessBot;
import io.icewarn.bot.e2e.sim.GatewayOp;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 11, a load benchmark: {@value #DEFAULT_PASTES} distinct pastes (each a cache miss, none a repeat the
 * dedup window would link) over {@value #CHANNELS} channels, offered as one burst. The test asserts only that
 * every paste is answered exactly once; it prints the throughput and the latency from the MESSAGE_CREATE
 * dispatch to the reply's first REST call (the thread start, or the in-place reply when the bot was too busy
 * to decode). Figures and the command that reproduces them: {@code docs/PERFORMANCE.md}.
 *
 * <p>System properties: {@code icewarn.load.pastes} (default {@value #DEFAULT_PASTES}),
 * {@code icewarn.load.decodes} ({@code ICEWARN_MAX_CONCURRENT_DECODES}, default the bot's own) and
 * {@code icewarn.load.rate} (pastes per second offered at a steady pace; default 0, one burst).
 */
final class LoadIT {
    static final int DEFAULT_PASTES = 2000;
    static final int CHANNELS = 20;
    private static final List<String> CORPUS = List.of(Pastes.SEED, Pastes.KB_23, Pastes.SERVER, Pastes.CODE_BLOCK);

    @TempDir
    Path dir;

    @Test
    void everyPasteOfABurstIsAnsweredExactlyOnce() throws InterruptedException {
        int pastes = Integer.getInteger("icewarn.load.pastes", DEFAULT_PASTES);
        String decodes = System.getProperty("icewarn.load.decodes", "");
        double rate = Double.parseDouble(System.getProperty("icewarn.load.rate", "0"));
        // Discord's heartbeat interval: with the tests' 1 s, the ACK queues behind a burst of dispatches and JDA
        // takes the connection for a zombie
        SimOptions options = SimOptions.defaults()
                .withTextChannels(CHANNELS)
                .withHeartbeatInterval(Duration.ofMillis(41_250))
                .withBuckets(50, Duration.ofSeconds(1))
                // the bot paces itself under Discord's global limit (GlobalLimitIT proves it), but here the
                // simulator, the bot and 2,000 pastes share one JVM on a loaded machine: a stall of the
                // simulator's server bunches paced requests into one second (5 of 3,300 in one run), which
                // would measure the machine, not the bot
                .withGlobalLimit(1_000);
        try (SimulatedDiscord discord = SimulatedDiscord.start(options)) {
            Map<String, String> env = new HashMap<>(discord.botEnvironment());
            if (!decodes.isEmpty()) {
                env.put("ICEWARN_MAX_CONCURRENT_DECODES", decodes);
            }
            try (InProcessBot bot = InProcessBot.start(env, dir)) {
                discord.awaitBotReady(Duration.ofSeconds(30));
                List<String> texts = new ArrayList<>();
                for (String name : CORPUS) {
                    texts.add(Pastes.read(name));
                }

                // the reply of a paste is complete when the buttons of its answer in its thread are on, or at the
                // one in-place reply to it (a "busy, try again" when every decode permit was taken)
                Set<Long> posted = ConcurrentHashMap.newKeySet();
                Map<Long, Long> completedAt = new ConcurrentHashMap<>();
                CountDownLatch complete = new CountDownLatch(pastes);
                discord.recorder().onRest(c -> {
                    long m = repliedMessage(c, posted);
                    if (m != 0 && completedAt.putIfAbsent(m, c.nanos()) == null) {
                        complete.countDown();
                    }
                });

                long start = System.nanoTime();
                for (int i = 0; i < pastes; i++) {
                    if (rate > 0) { // an open-loop load generator: paste i is due at start + i / rate
                        LockSupport.parkNanos(start + (long) (i * 1e9 / rate) - System.nanoTime());
                    }
                    long channel = discord.world().channel(i % CHANNELS);
                    String text = texts.get(i % texts.size()) + "\nload paste " + i;
                    posted.add(discord.post(channel, discord.world().human(i % 3), text));
                }
                long offered = System.nanoTime();
                Duration timeout = Duration.ofSeconds(60 + pastes / 10);
                assertThat(complete.await(timeout.toMillis(), TimeUnit.MILLISECONDS))
                        .as("answers completed within %s: %d of %d", timeout, completedAt.size(), pastes)
                        .isTrue();
                long end = completedAt.values().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElseThrow();

                Figures figures = exactlyOnce(discord, posted);
                System.out.println(figures.report(pastes, start, offered, end, env, bot)
                        + (rate > 0 ? String.format(Locale.ROOT, "; offered at %.1f pastes/s", rate) : "; one burst"));
            }
        }
    }

    /** Returns the paste a call completes the reply to, or 0. */
    private static long repliedMessage(RestCall c, Set<Long> posted) {
        boolean post = c.is("POST", "channels/{id}/messages");
        if (!(post || c.is("PATCH", "channels/{id}/messages/{id}")) || !c.ok()) {
            return 0;
        }
        long target = Long.parseUnsignedLong(c.segment(1));
        if (posted.contains(target)) { // in the thread started on the paste: complete once its buttons are on
            return c.json().path("components").isEmpty() ? 0 : target;
        }
        if (!post) {
            return 0;
        }
        String replyTo = c.json().path("message_reference").path("message_id").asText("");
        return replyTo.isEmpty() ? 0 : Long.parseUnsignedLong(replyTo);
    }

    /** Checks that every paste got one reply (one thread with its messages stored once, or one in-place reply). */
    private static Figures exactlyOnce(SimulatedDiscord discord, Set<Long> posted) {
        Map<Long, Long> dispatched = new HashMap<>();
        for (GatewayOp g : discord.recorder().gateway(g -> g.dispatched("MESSAGE_CREATE"))) {
            long id = Long.parseUnsignedLong(g.d().path("id").asText());
            if (posted.contains(id)) {
                dispatched.putIfAbsent(id, g.nanos());
            }
        }
        Map<Long, List<RestCall>> threadStarts = new HashMap<>();
        Map<Long, List<RestCall>> threadPosts = new HashMap<>();
        Map<Long, List<RestCall>> inPlace = new HashMap<>();
        for (RestCall c : discord.recorder().rest(RestCall::ok)) {
            if (c.is("POST", "channels/{id}/messages/{id}/threads")) {
                threadStarts
                        .computeIfAbsent(Long.parseUnsignedLong(c.segment(3)), k -> new ArrayList<>())
                        .add(c);
            } else if (c.is("POST", "channels/{id}/messages")) {
                long target = Long.parseUnsignedLong(c.segment(1));
                if (posted.contains(target)) {
                    threadPosts.computeIfAbsent(target, k -> new ArrayList<>()).add(c);
                } else {
                    String replyTo = c.json()
                            .path("message_reference")
                            .path("message_id")
                            .asText("");
                    if (!replyTo.isEmpty()) {
                        inPlace.computeIfAbsent(Long.parseUnsignedLong(replyTo), k -> new ArrayList<>())
                                .add(c);
                    }
                }
            }
        }
        List<Long> latencies = new ArrayList<>();
        int threads = 0;
        long bot = discord.world().botUserId();
        for (long m : posted) {
            List<RestCall> starts = threadStarts.getOrDefault(m, List.of());
            List<RestCall> replies = inPlace.getOrDefault(m, List.of());
            assertThat(starts.size() + replies.size()).as("replies to " + m).isEqualTo(1);
            RestCall first;
            if (starts.size() == 1) {
                threads++;
                first = starts.get(0);
                List<RestCall> posts = threadPosts.getOrDefault(m, List.of());
                List<String> ids = posts.stream()
                        .map(c -> c.responseJson().path("id").asText())
                        .toList();
                assertThat(ids)
                        .as("messages of the answer to " + m)
                        .isNotEmpty()
                        .doesNotHaveDuplicates();
                assertThat(discord.world().messagesBy(bot, m)).hasSameSizeAs(ids);
                Delivery.assertButtonsOnTheFirstWhenWhole(discord, m, posts, "the answer to " + m);
            } else {
                first = replies.get(0);
            }
            assertThat(dispatched).containsKey(m);
            latencies.add(first.nanos() - dispatched.get(m));
        }
        assertThat(discord.unknownRoutes()).isEmpty();
        discord.assertNoRejectedOrInvalid();
        assertThat(discord.recorder().rest(c -> c.status() == 429 && !c.fault()))
                .as("requests over an advertised bucket")
                .isEmpty();
        latencies.sort(null);
        return new Figures(latencies, threads, discord.recorder().rest().size());
    }

    /** What the run measured. */
    private record Figures(List<Long> latencies, int threadAnswers, int restCalls) {
        String report(int pastes, long start, long offered, long end, Map<String, String> env, InProcessBot bot) {
            double seconds = (end - start) / 1e9;
            return String.format(
                    Locale.ROOT,
                    "LoadIT: %d pastes over %d channels (offered in %.2f s), all answered once in %.2f s = %.1f"
                            + " pastes/s; %d with a thread and its answer, %d with an in-place 'busy' reply;"
                            + " MESSAGE_CREATE -> first REST call of the reply: p50 %.1f ms, p90 %.1f ms, p99 %.1f"
                            + " ms, max %.1f ms; %d REST calls; ICEWARN_MAX_CONCURRENT_DECODES=%s; %d cores",
                    pastes,
                    CHANNELS,
                    (offered - start) / 1e9,
                    seconds,
                    pastes / seconds,
                    threadAnswers,
                    pastes - threadAnswers,
                    percentile(0.50),
                    percentile(0.90),
                    percentile(0.99),
                    latencies.get(latencies.size() - 1) / 1e6,
                    restCalls,
                    env.getOrDefault("ICEWARN_MAX_CONCURRENT_DECODES", "default"),
                    Runtime.getRuntime().availableProcessors());
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentile(double p) {
            int rank = (int) Math.ceil(p * latencies.size());
            return latencies.get(Math.max(0, rank - 1)) / 1e6;
        }
    }
}
