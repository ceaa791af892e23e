package io.icewarn.bot.e2e;

import io.icewarn.bot.e2e.launch.ChildJvmBot;
import io.icewarn.bot.e2e.sim.GatewayOp;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import io.icewarn.bot.features.answer.Answerer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark of one full shard (not a test: {@code verify} never runs it): the packaged bot, in its own JVM
 * with the container's JVM flags ({@code JAVA_TOOL_OPTIONS} of {@code deploy/Dockerfile}, under the 512 MB
 * memory limit of {@code deploy/compose.yaml}), against the simulated Discord holding {@value #DEFAULT_GUILDS}
 * guilds (Discord's maximum per shard) of 10 text channels each. It measures the time from the JVM's start to
 * the bot's first READY with every guild loaded, the bot's RSS and live heap once ready and after a steady
 * load of pastes (20 per second by default, each a distinct paste in a random channel), the heap per guild
 * (against a one-guild run), and the latency from the MESSAGE_CREATE dispatch to the first REST call of the
 * answer, with the count of "busy" replies. Figures and the command: {@code docs/PERFORMANCE.md}.
 *
 * <p>System properties: {@code icewarn.shard.guilds}, {@code .channels}, {@code .rate} (pastes per second),
 * {@code .seconds} (the steady load), {@code .warmup} (seconds of it left out of the latency figures),
 * {@code .baseline} ({@code false} skips the one-guild run), {@code .jvmflags} (added to the container's, e.g.
 * {@code -XX:NativeMemoryTracking=summary}, which also prints the JVM's native memory at the end). Needs {@code target/icewarn.jar} (run from the bot
 * module) and a JDK's {@code jcmd}.
 */
public final class ShardBench {
    static final int DEFAULT_GUILDS = 2500;
    /** The container's memory limit (compose {@code mem_limit}, the Kubernetes limit): sizes the heap. */
    static final String CONTAINER_MEMORY = "512m";

    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final List<String> CORPUS = List.of(Pastes.SEED, Pastes.KB_23, Pastes.SERVER, Pastes.CODE_BLOCK);

    private ShardBench() {}

    public static void main(String[] args) throws Exception {
        int guilds = Integer.getInteger("icewarn.shard.guilds", DEFAULT_GUILDS);
        int channels = Integer.getInteger("icewarn.shard.channels", 10);
        double rate = Double.parseDouble(System.getProperty("icewarn.shard.rate", "20"));
        int seconds = Integer.getInteger("icewarn.shard.seconds", 180);
        int warmup = Integer.getInteger("icewarn.shard.warmup", Math.min(30, seconds / 3));
        boolean baseline = Boolean.parseBoolean(System.getProperty("icewarn.shard.baseline", "true"));
        String flags = (containerFlags() + " " + System.getProperty("icewarn.shard.jvmflags", "")).strip();
        say("JVM flags of the bot: JAVA_TOOL_OPTIONS=\"%s\"", flags);

        Memory one = baseline ? readyOnly(1, channels, flags) : null;
        Path dir = Files.createTempDirectory("icewarn-shard-bench");
        SimOptions options = SimOptions.defaults()
                .withTextChannels(channels)
                .withHeartbeatInterval(Duration.ofMillis(41_250)); // Discord's
        try (SimulatedDiscord discord = SimulatedDiscord.start(options)) {
            List<Long> all = new ArrayList<>(discord.world().textChannels());
            all.addAll(discord.world().addGuilds(guilds - 1, channels));
            Map<String, String> env = environment(discord, flags);

            long start = System.nanoTime();
            try (ChildJvmBot bot = ChildJvmBot.start(env, dir)) {
                RestCall registered = discord.awaitCommandsRegistered(1, WAIT).get(0);
                GatewayOp identify = discord.recorder()
                        .gateway(g -> g.fromBot(GatewayOp.IDENTIFY))
                        .get(0);
                say(
                        "ready with %d guilds, %d channels: %.2f s after the JVM started (%.2f s after IDENTIFY)",
                        guilds,
                        all.size(),
                        (registered.nanos() - start) / 1e9,
                        (registered.nanos() - identify.nanos()) / 1e9);
                say(
                        "catch-up of every guild (a first start: a checkpoint per channel) done %.1f s after ready",
                        (caughtUp(bot, guilds) - registered.nanos()) / 1e9);
                Memory ready = Memory.of(bot.pid());
                if (Boolean.getBoolean("icewarn.shard.debug")) {
                    Memory.jcmd(bot.pid(), "GC.class_histogram")
                            .lines()
                            .limit(30)
                            .forEach(l -> say("heap: %s", l));
                }
                say("once ready: %s", ready);
                if (one != null) {
                    say(
                            "live heap per guild: %,d bytes (%s live with %d guilds, %s with 1)",
                            (ready.liveHeap() - one.liveHeap()) / (guilds - 1),
                            mb(ready.liveHeap()),
                            guilds,
                            mb(one.liveHeap()));
                }

                Load load = new Load(discord, all, rate, seconds, warmup);
                load.run(bot.pid());
                load.report();
                say("after the load: %s", Memory.of(bot.pid()));
                if (flags.contains("NativeMemoryTracking")) {
                    say("native memory:%n%s", Memory.jcmd(bot.pid(), "VM.native_memory summary"));
                }
                say(
                        "REST calls %d (%d answered 4xx/5xx), %s; load average %s; %d cores",
                        discord.recorder().rest().size(),
                        discord.recorder().rest(c -> c.status() >= 400).size(),
                        discord.unknownRoutes().isEmpty() ? "no unknown routes" : "unknown " + discord.unknownRoutes(),
                        loadAverage(),
                        Runtime.getRuntime().availableProcessors());
                if (Boolean.getBoolean("icewarn.shard.debug")) {
                    bot.stderr()
                            .lines()
                            .filter(l -> l.contains("WARN") || l.contains("ERROR") || l.contains("could not"))
                            .limit(20)
                            .forEach(l -> say("bot: %s", l));
                }
                if (!bot.alive()) {
                    say("the bot died: %s", bot.stderr());
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Waits (at most 3 minutes) until the bot has logged the catch-up of {@code guilds} guilds; returns when. */
    private static long caughtUp(ChildJvmBot bot, int guilds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (bot.stderr().split("Catch-up of guild", -1).length - 1 >= guilds) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
        say("catch-up not done after 3 minutes");
        return System.nanoTime();
    }

    /** Starts the bot over {@code guilds} guilds, waits until it is ready and returns its memory then. */
    private static Memory readyOnly(int guilds, int channels, String flags) throws Exception {
        Path dir = Files.createTempDirectory("icewarn-shard-bench");
        try (SimulatedDiscord discord = SimulatedDiscord.start(
                SimOptions.defaults().withTextChannels(channels).withHeartbeatInterval(Duration.ofMillis(41_250)))) {
            discord.world().addGuilds(guilds - 1, channels);
            try (ChildJvmBot bot = ChildJvmBot.start(environment(discord, flags), dir)) {
                discord.awaitCommandsRegistered(1, WAIT);
                caughtUp(bot, guilds);
                Memory m = Memory.of(bot.pid());
                say("baseline, %d guild once ready: %s", guilds, m);
                return m;
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static Map<String, String> environment(SimulatedDiscord discord, String flags) {
        Map<String, String> env = new HashMap<>(discord.botEnvironment());
        env.put("JAVA_TOOL_OPTIONS", flags);
        env.put("ICEWARN_LOG_FORMAT", "json"); // as in the container
        return env;
    }

    /**
     * Returns the {@code JAVA_TOOL_OPTIONS} of {@code deploy/Dockerfile} with {@code -XX:MaxRAM} set to the
     * container's memory limit, which {@code -XX:MaxRAMPercentage} then sizes the heap from.
     */
    static String containerFlags() throws IOException {
        String dockerfile = Files.readString(Path.of("..", "deploy", "Dockerfile"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(dockerfile);
        if (!m.find()) {
            throw new IllegalStateException("deploy/Dockerfile sets no JAVA_TOOL_OPTIONS");
        }
        return m.group(1) + " -XX:MaxRAM=" + CONTAINER_MEMORY;
    }

    /** The open-loop load: pastes due at a steady rate, each distinct, in a random channel (seeded). */
    private static final class Load {
        private final SimulatedDiscord discord;
        private final List<Long> channels;
        private final double rate;
        private final int seconds;
        private final int warmup;
        private final Set<Long> posted = ConcurrentHashMap.newKeySet();
        private final Map<Long, RestCall> first = new ConcurrentHashMap<>();
        private final Map<Long, Long> postedAt = new ConcurrentHashMap<>();
        private long warmEnd;

        Load(SimulatedDiscord discord, List<Long> channels, double rate, int seconds, int warmup) {
            this.discord = discord;
            this.channels = channels;
            this.rate = rate;
            this.seconds = seconds;
            this.warmup = warmup;
        }

        void run(long pid) throws InterruptedException {
            List<String> texts = new ArrayList<>();
            for (String name : CORPUS) {
                texts.add(Pastes.read(name));
            }
            discord.recorder().onRest(c -> {
                long m = answered(c);
                if (m != 0) {
                    first.putIfAbsent(m, c);
                }
            });
            Random random = new Random(16);
            int pastes = (int) (rate * seconds);
            long start = System.nanoTime();
            warmEnd = start + TimeUnit.SECONDS.toNanos(warmup);
            boolean measured = false;
            for (int i = 0; i < pastes; i++) {
                LockSupport.parkNanos(start + (long) (i * 1e9 / rate) - System.nanoTime());
                if (!measured && System.nanoTime() >= warmEnd) {
                    measured = true;
                    say("after %d s of warm-up: %s", warmup, Memory.of(pid));
                }
                long channel = channels.get(random.nextInt(channels.size()));
                String text = texts.get(i % texts.size()) + "\nshard paste " + i;
                long id = discord.post(channel, discord.world().human(i % 3), text);
                posted.add(id);
                postedAt.put(id, System.nanoTime());
            }
            say("offered %d pastes in %.1f s", pastes, (System.nanoTime() - start) / 1e9);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!first.keySet().containsAll(posted) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        /**
         * Returns the message {@code c} is the first answer of (a thread started on it, or a reply to it), or 0;
         * the bot may answer before {@link #posted} holds the paste, so pastes are picked out afterwards.
         */
        private static long answered(RestCall c) {
            if (c.is("POST", "channels/{id}/messages/{id}/threads")) {
                return Long.parseUnsignedLong(c.segment(3));
            }
            if (c.is("POST", "channels/{id}/messages")) {
                String to =
                        c.json().path("message_reference").path("message_id").asText("");
                if (!to.isEmpty()) {
                    return Long.parseUnsignedLong(to);
                }
            }
            return 0;
        }

        void report() {
            Map<Long, Long> dispatched = new HashMap<>();
            for (GatewayOp g : discord.recorder().gateway(g -> g.dispatched("MESSAGE_CREATE"))) {
                long id = Long.parseUnsignedLong(g.d().path("id").asText());
                if (posted.contains(id)) {
                    dispatched.putIfAbsent(id, g.nanos());
                }
            }
            List<Long> warm = new ArrayList<>();
            List<Long> everything = new ArrayList<>();
            int busy = 0;
            int busyWarm = 0;
            Map<String, Integer> other = new HashMap<>();
            first.keySet().retainAll(posted);
            int threads = 0;
            for (Map.Entry<Long, RestCall> e : first.entrySet()) {
                long latency = e.getValue().nanos() - dispatched.get(e.getKey());
                boolean afterWarmUp = postedAt.get(e.getKey()) >= warmEnd;
                everything.add(latency);
                if (afterWarmUp) {
                    warm.add(latency);
                }
                if (e.getValue().route().endsWith("/threads")) {
                    threads++;
                } else if (e.getValue().body().contains(Answerer.BUSY)) {
                    busy++;
                    busyWarm += afterWarmUp ? 1 : 0;
                } else {
                    other.merge(
                            e.getValue()
                                    .body()
                                    .substring(
                                            0, Math.min(120, e.getValue().body().length())),
                            1,
                            Integer::sum);
                }
            }
            if (Boolean.getBoolean("icewarn.shard.debug")) {
                Map<Long, int[]> byGuild = new java.util.TreeMap<>();
                for (Map.Entry<Long, RestCall> e : first.entrySet()) {
                    long ch = Long.parseUnsignedLong(e.getValue().segment(1));
                    int[] k = byGuild.computeIfAbsent(discord.world().guildOf(ch), x -> new int[2]);
                    k[e.getValue().route().endsWith("/threads") ? 0 : 1]++;
                }
                byGuild.forEach((g, k) -> say("guild %d: %d threads, %d in place", g, k[0], k[1]));
            }
            say(
                    "%d other in-place replies",
                    other.values().stream().mapToInt(Integer::intValue).sum());
            say(
                    "%d pastes at %.1f/s over %d channels: %d answered (%d in a thread, %d in-place 'busy' replies,"
                            + " %d of them after warm-up), %d unanswered",
                    posted.size(),
                    rate,
                    channels.size(),
                    first.size(),
                    threads,
                    busy,
                    busyWarm,
                    posted.size() - first.size());
            say("MESSAGE_CREATE -> first REST call of the answer, after warm-up: %s", percentiles(warm));
            say("the same for every paste, warm-up included: %s", percentiles(everything));
        }

        private static String percentiles(List<Long> latencies) {
            if (latencies.isEmpty()) {
                return "none";
            }
            latencies.sort(null);
            return String.format(
                    Locale.ROOT,
                    "n %d, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                    latencies.size(),
                    rank(latencies, 0.50),
                    rank(latencies, 0.90),
                    rank(latencies, 0.99),
                    latencies.get(latencies.size() - 1) / 1e6);
        }

        /** Nearest-rank percentile, in milliseconds. */
        private static double rank(List<Long> sorted, double p) {
            return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    /**
     * What the bot's JVM holds: resident set now and at its peak ({@code /proc}), and the live heap after a
     * full collection with the committed heap ({@code jcmd GC.run}, {@code GC.heap_info}).
     */
    record Memory(long rss, long peakRss, long liveHeap, long committedHeap, long rssAfterGc) {
        private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

        static Memory of(long pid) {
            long rss = procStatus(pid, "VmRSS:");
            long peak = procStatus(pid, "VmHWM:");
            jcmd(pid, "GC.run");
            String info = jcmd(pid, "GC.heap_info");
            long used = 0;
            long total = 0;
            for (String line : info.lines().toList()) {
                if (line.contains("generation") || line.contains("garbage-first heap")) {
                    Matcher m = USED.matcher(line);
                    if (m.find()) {
                        total += Long.parseLong(m.group(1)) * 1024;
                        used += Long.parseLong(m.group(2)) * 1024;
                    }
                }
            }
            return new Memory(rss, peak, used, total, procStatus(pid, "VmRSS:"));
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "RSS %s (peak %s), live heap after a full GC %s of %s committed, RSS then %s",
                    mb(rss),
                    mb(peakRss),
                    mb(liveHeap),
                    mb(committedHeap),
                    mb(rssAfterGc));
        }

        private static long procStatus(long pid, String key) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith(key)) {
                        return Long.parseLong(line.substring(key.length())
                                        .replace("kB", "")
                                        .strip())
                                * 1024;
                    }
                }
                return -1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String jcmd(long pid, String command) {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
            line.addAll(List.of(command.split(" ")));
            try {
                Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor(60, TimeUnit.SECONDS);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void say(String format, Object... args) {
        System.out.println("ShardBench: " + String.format(Locale.ROOT, format, args));
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
