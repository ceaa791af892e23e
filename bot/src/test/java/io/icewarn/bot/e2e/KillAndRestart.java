package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icewarn.bot.e2e.launch.ChildJvmBot;
import io.icewarn.bot.e2e.sim.Attachment;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.RestControl;
import io.icewarn.bot.e2e.sim.RestControl.Phase;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The kill test, for a database ({@link #database}): the packaged bot runs as a child JVM against one
 * simulated Discord (the embedded database lives in the simulator's data directory). Up to 22 times it is killed outright ({@code destroyForcibly},
 * no shutdown hook) at a different point between a diagnostic's arrival and its answer — the simulator's
 * holds stop a request before or after Discord acted on it, the recording and the bot's log mark the points
 * — and started again. After every restart every diagnostic posted so far in the watched channel has exactly
 * one answer (a thread on it holding one message of the bot, or one reply of the bot to it), and after a
 * final graceful stop still exactly one; the diagnostics in an unwatched channel have none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KillAndRestart {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String THREADS = "channels/{id}/messages/{id}/threads";
    private static final String MESSAGES = "channels/{id}/messages";

    /** The bots' working directory: their standard output and error stay there for a failed run. */
    Path dir;

    SimulatedDiscord discord;
    Map<String, String> env;
    ChildJvmBot bot;
    int starts;
    long watched;
    long unwatched;
    final List<Long> diagnostics = new ArrayList<>();
    final List<Long> ignored = new ArrayList<>();

    /** Returns the database settings the bot gets (none: the embedded file); may skip the class. */
    abstract Map<String, String> database() throws Exception;

    /** Returns how many of the twenty kill points run, in order. */
    abstract int points();

    /** Releases what {@link #database} made. */
    void dropDatabase() throws Exception {}

    @BeforeAll
    void startSimulator() throws Exception {
        Map<String, String> db = database();
        dir = Path.of("target", "kill-and-restart-" + getClass().getSimpleName());
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var old = java.nio.file.Files.list(dir)) {
                old.forEach(p -> p.toFile().delete()); // the last run's logs
            }
        }
        java.nio.file.Files.createDirectories(dir);
        discord = SimulatedDiscord.start();
        watched = discord.world().channel(0);
        unwatched = discord.world().channel(1);
        env = new LinkedHashMap<>(discord.botEnvironment());
        env.put("ICEWARN_ALLOWED_CHANNELS", Long.toUnsignedString(watched));
        env.put("ICEWARN_DEDUP_WINDOW", "0s"); // the same paste again gets a full answer, not a pointer
        env.put("ICEWARN_LOG_LEVEL", "DEBUG"); // the checkpoint lines mark a kill point
        env.putAll(db);
    }

    @AfterAll
    void stopAll() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (discord != null) {
            discord.close();
        }
        dropDatabase();
    }

    /** One kill point: what to post, where to kill, and what Discord does with the held request afterwards. */
    private record KillPoint(String name, Step step) {}

    @FunctionalInterface
    private interface Step {
        void run();
    }

    @TestFactory
    Stream<DynamicTest> twentyKillPointsThenAGracefulStop() {
        List<KillPoint> points = List.of(
                new KillPoint("1 right after MESSAGE_CREATE was dispatched", () -> {
                    postDiagnostic();
                    kill();
                }),
                new KillPoint("2 attachment download received, dropped unanswered", () -> {
                    RestControl.Hold h = discord.rest().holdNext("GET cdn", Phase.BEFORE);
                    postAttachment();
                    h.awaitHeld(WAIT);
                    kill();
                    h.drop();
                }),
                new KillPoint("3 attachment served, answer not yet read", () -> {
                    RestControl.Hold h = discord.rest().holdNext("GET cdn", Phase.AFTER);
                    postAttachment();
                    h.awaitHeld(WAIT);
                    kill();
                    h.release();
                }),
                new KillPoint("4 thread request received; Discord creates it after the bot died", () -> {
                    killAtHold(THREADS, Phase.BEFORE, false);
                }),
                new KillPoint("5 thread request received; dropped, no thread", () -> {
                    killAtHold(THREADS, Phase.BEFORE, true);
                }),
                new KillPoint("6 thread created, its answer not yet sent back", () -> {
                    killAtHold(THREADS, Phase.AFTER, false);
                }),
                new KillPoint("7 answer post received; Discord stores it after the bot died", () -> {
                    killAtHold(MESSAGES, Phase.BEFORE, false);
                }),
                new KillPoint("8 answer post received; dropped, empty thread left", () -> {
                    killAtHold(MESSAGES, Phase.BEFORE, true);
                }),
                new KillPoint("9 answer stored, not yet acknowledged to the bot", () -> {
                    killAtHold(MESSAGES, Phase.AFTER, false);
                }),
                new KillPoint("10 answer acknowledged, checkpoint not yet written", () -> {
                    long m = postDiagnostic();
                    discord.recorder()
                            .awaitRest(
                                    c -> c.is("POST", MESSAGES) && c.segment(1).equals(id(m)) && c.ok(), WAIT);
                    kill();
                }),
                new KillPoint("11 right after the checkpoint was written", () -> {
                    long m = postDiagnostic();
                    bot.awaitStderr("checkpoint of channel " + id(watched) + " is now " + id(m), WAIT);
                    kill();
                }),
                new KillPoint("12 in place (thread refused): reply received, stored after the bot died", () -> {
                    discord.rest().failNext("POST " + THREADS, 1, 403);
                    killAtHold(MESSAGES, Phase.BEFORE, false);
                }),
                new KillPoint("13 in place (thread refused): reply received, dropped", () -> {
                    discord.rest().failNext("POST " + THREADS, 1, 403);
                    killAtHold(MESSAGES, Phase.BEFORE, true);
                }),
                new KillPoint("14 in place (thread refused): reply stored, not yet acknowledged", () -> {
                    discord.rest().failNext("POST " + THREADS, 1, 403);
                    killAtHold(MESSAGES, Phase.AFTER, false);
                }),
                new KillPoint("15 posted while down; killed while catch-up reads the history", () -> {
                    whileDownThenKillAt("GET " + MESSAGES, Phase.BEFORE);
                }),
                new KillPoint("16 posted while down; catch-up's thread created, not acknowledged", () -> {
                    whileDownThenKillAt("POST " + THREADS, Phase.AFTER);
                }),
                new KillPoint("17 posted while down; catch-up's answer received, stored after the bot died", () -> {
                    whileDownThenKillAt("POST " + MESSAGES, Phase.BEFORE);
                }),
                new KillPoint("18 posted while down; catch-up's answer stored, not acknowledged", () -> {
                    whileDownThenKillAt("POST " + MESSAGES, Phase.AFTER);
                }),
                new KillPoint("19 three diagnostics and chat at once; killed at the first answer post", () -> {
                    RestControl.Hold h = discord.rest().holdNext("POST " + MESSAGES, Phase.BEFORE);
                    postDiagnostic();
                    postChat(watched);
                    postDiagnostic();
                    postDiagnostic();
                    h.awaitHeld(WAIT);
                    kill();
                    h.release();
                }),
                new KillPoint("20 two pages missed (130 chat); killed after catch-up's first answer", () -> {
                    kill();
                    long first = postDiagnosticWhileDown();
                    for (int i = 0; i < 130; i++) {
                        postChat(watched);
                    }
                    postDiagnosticWhileDown();
                    ignored.add(discord.post(unwatched, discord.world().human(1), Pastes.read(Pastes.SEED)));
                    start(false);
                    discord.recorder()
                            .awaitRest(
                                    c -> c.is("POST", MESSAGES) && c.segment(1).equals(id(first)) && c.ok(), WAIT);
                    kill();
                }),
                new KillPoint("21 a long answer cut after its first message", () -> {
                    RestControl.Hold first = discord.rest().holdNext("POST " + MESSAGES, Phase.BEFORE);
                    RestControl.Hold second = discord.rest().holdNext("POST " + MESSAGES, Phase.BEFORE);
                    long m = postLongLog();
                    first.awaitHeld(WAIT);
                    first.release();
                    second.awaitHeld(WAIT);
                    kill();
                    second.drop();
                    assertThat(discord.world().messagesIn(m))
                            .as("one message of the answer went out")
                            .hasSize(1);
                }),
                new KillPoint("22 no answer could be posted anywhere; the checkpoint stays below the message", () -> {
                    // the post into the new thread, its retry there and the reply in place, each with the
                    // bot's one same-nonce retry of a 500
                    discord.rest().failNext("POST " + MESSAGES, 6, 500);
                    int mark = discord.recorder().restMark();
                    postDiagnostic();
                    discord.recorder()
                            .await(
                                    r -> r.restSince(mark).stream()
                                            .filter(c -> c.is("POST", MESSAGES) && c.fault())
                                            .count(),
                                    n -> n >= 6,
                                    "six refused answer posts",
                                    WAIT);
                    bot.awaitStderr("no answer could be posted", WAIT);
                    kill();
                }));
        assertThat(points).hasSize(22);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("first start", () -> start(true)));
        for (KillPoint p : points.subList(0, points())) {
            tests.add(DynamicTest.dynamicTest(p.name(), () -> {
                assertThat(bot.alive()).as("the bot runs before the round").isTrue();
                p.step().run();
                assertThat(bot.alive()).isFalse();
                discord.rest().clear();
                start(true);
                awaitEveryDiagnosticAnswered();
                assertExactlyOneAnswerEach(p.name());
            }));
        }
        tests.add(DynamicTest.dynamicTest("after a graceful stop, still exactly one answer each", () -> {
            bot.stop();
            assertThat(bot.awaitExit(WAIT)).isIn(0, ChildJvmBot.SIGTERM_STATUS);
            assertExactlyOneAnswerEach("at the end");
            assertThat(diagnostics).hasSizeGreaterThanOrEqualTo(points());
            List<RestCall> history = discord.recorder()
                    .rest(c -> c.is("GET", MESSAGES) && c.segment(1).equals(id(watched)));
            assertThat(history)
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.query()).contains("after=").contains("limit=100"));
            assertThat(discord.recorder()
                            .rest(c -> c.is("GET", MESSAGES) && c.segment(1).equals(id(unwatched))))
                    .as("an unwatched channel is never read")
                    .isEmpty();
            assertThat(discord.recorder().rest(c -> c.status() == 429 && !c.fault()))
                    .as("the bot kept to the rate limits")
                    .isEmpty();
            assertThat(discord.recorder()
                            .rest(c -> c.responseJson().path("code").asInt() == 160004))
                    .as("the bot never tried a second thread on a message")
                    .isEmpty();
            assertThat(discord.unknownRoutes()).isEmpty();
            discord.assertNoRejectedOrInvalid();
        }));
        return tests.stream();
    }

    // ---- the bot ----

    private void start(boolean awaitCatchUp) {
        bot = ChildJvmBot.start(env, dir, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        starts++;
        discord.awaitCommandsRegistered(starts, WAIT);
        if (awaitCatchUp) {
            bot.awaitStderr("Catch-up of guild", WAIT);
        }
    }

    private void kill() {
        bot.kill();
        bot.awaitExit(WAIT);
    }

    // ---- kill points ----

    private void killAtHold(String route, Phase phase, boolean drop) {
        RestControl.Hold h = discord.rest().holdNext(route.startsWith("channels") ? "POST " + route : route, phase);
        postDiagnostic();
        h.awaitHeld(WAIT);
        kill();
        if (drop) {
            h.drop();
        } else {
            h.release();
        }
    }

    private void whileDownThenKillAt(String route, Phase phase) {
        kill();
        postDiagnosticWhileDown();
        postChat(watched);
        RestControl.Hold h = discord.rest().holdNext(route, phase);
        start(false);
        h.awaitHeld(WAIT);
        kill();
        h.release();
    }

    // ---- users ----

    private long postDiagnostic() {
        long m = discord.post(watched, discord.world().human(0), Pastes.read(Pastes.SEED));
        diagnostics.add(m);
        return m;
    }

    private long postDiagnosticWhileDown() {
        return postDiagnostic(); // dispatched into the dead session: the next bot never sees it live
    }

    private void postAttachment() {
        long m = discord.post(
                watched,
                discord.world().human(2),
                "my client log",
                List.of(Attachment.text("client.log", Pastes.read(Pastes.KB_23))));
        diagnostics.add(m);
    }

    /** Posts a log whose answer takes several messages (ten corpus diagnostics). */
    private long postLongLog() {
        long m = discord.post(
                watched,
                discord.world().human(2),
                "all of today's failures",
                List.of(Attachment.text("failures.log", Pastes.longLog())));
        diagnostics.add(m);
        return m;
    }

    private void postChat(long channel) {
        discord.post(channel, discord.world().human(1), Pastes.read(Pastes.NO_DIAGNOSTIC));
    }

    // ---- what Discord holds ----

    /**
     * Returns how many answers the bot gave {@code message}: its replies to it in the channel, or the copies of
     * its answer in the thread on it (an answer may take several messages, so a copy is a repeat of the same
     * message; the same paste always renders the same), or 2 when it answered both ways.
     */
    private int answers(long message) {
        long self = discord.world().botUserId();
        int replies = 0;
        for (JsonNode m : discord.world().messagesIn(watched)) {
            if (author(m) == self
                    && m.path("message_reference").path("message_id").asText().equals(id(message))) {
                replies++;
            }
        }
        Map<String, Integer> copies = new HashMap<>();
        for (JsonNode m : discord.world().messagesIn(message)) {
            if (author(m) == self) {
                String payload = m.path("content").toString() + m.path("embeds") + m.path("components");
                copies.merge(payload, 1, Integer::sum);
            }
        }
        int inThread =
                copies.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (replies > 0 && inThread > 0) {
            return 2;
        }
        return replies + inThread;
    }

    private List<String> callsNaming(long message) {
        String m = id(message);
        return discord.recorder().rest(c -> c.path().contains(m) || c.body().contains(m)).stream()
                .map(c -> c + " " + c.path() + " at " + c.at())
                .toList();
    }

    private long author(JsonNode m) {
        return Long.parseUnsignedLong(m.path("author").path("id").asText());
    }

    private void awaitEveryDiagnosticAnswered() {
        discord.recorder()
                .await(
                        r -> diagnostics.stream()
                                .filter(m -> answers(m) == 0 || !whole(m))
                                .toList(),
                        List::isEmpty,
                        "a whole answer to every diagnostic",
                        WAIT);
    }

    /**
     * Returns false when the bot's messages in the thread on {@code message} have no buttons: the buttons come
     * only once the whole answer is out, so messages without them are an answer cut short.
     */
    private boolean whole(long message) {
        List<JsonNode> own = discord.world().messagesIn(message).stream()
                .filter(x -> author(x) == discord.world().botUserId())
                .toList();
        return own.isEmpty() || own.stream().anyMatch(x -> !x.path("components").isEmpty());
    }

    private void assertExactlyOneAnswerEach(String when) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        diagnostics.forEach(m -> counts.put(m, answers(m)));
        assertThat(diagnostics)
                .as(when + ": every answer in a thread is whole (it has its buttons)")
                .allMatch(this::whole);
        assertThat(counts)
                .as(when + ": answers per diagnostic")
                .allSatisfy((m, n) -> assertThat(n).isEqualTo(1));
        for (long m : ignored) {
            assertThat(discord.world().messagesIn(m))
                    .as("no thread in an unwatched channel")
                    .isEmpty();
        }
    }

    private String id(long id) {
        return Long.toUnsignedString(id);
    }
}
