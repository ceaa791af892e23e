package io.icewarn.bot.features.health;

import io.icewarn.bot.features.decode.CacheStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The bot's meters in one Prometheus registry, rendered by {@link #scrape()} for {@code /metrics}.
 *
 * <p>Micrometer names (dot style) and the Prometheus series they render to:
 *
 * <ul>
 *   <li>{@value #DECODES} → {@code icewarn_decodes_total{header,code}}
 *   <li>{@value #CACHE_HITS} / {@value #CACHE_MISSES} → {@code icewarn_cache_hits_total} / {@code
 *       icewarn_cache_misses_total}
 *   <li>{@value #REPLIES_SENT} / {@value #REPLIES_FAILED} → {@code icewarn_replies_sent_total} / {@code
 *       icewarn_replies_failed_total}
 *   <li>{@value #RATELIMIT_HITS} → {@code icewarn_rest_ratelimit_hits_total}
 *   <li>{@value #GATEWAY_PING} → {@code icewarn_gateway_ping_ms{shard}} (-1 while unknown)
 *   <li>{@value #SHARD_STATUS} → {@code icewarn_shard_status{shard}} (1 connected, 0 otherwise)
 *   <li>JVM: {@code jvm_memory_*}, {@code jvm_gc_*}, {@code jvm_threads_*}, {@code jvm_classes_*}, {@code
 *       system_cpu_*}/{@code process_cpu_*}, {@code process_uptime_seconds}
 * </ul>
 *
 * <p>Label values are bounded: header and code are normalised and at most {@value #MAX_TAG_VALUES} distinct values of
 * each are kept (later ones are dropped), so pasted input cannot blow up the series count. Thread safe.
 */
public final class Metrics implements AutoCloseable {

    public static final String DECODES = "icewarn.decodes";
    public static final String CACHE_HITS = "icewarn.cache.hits";
    public static final String CACHE_MISSES = "icewarn.cache.misses";
    public static final String REPLIES_SENT = "icewarn.replies.sent";
    public static final String REPLIES_FAILED = "icewarn.replies.failed";
    public static final String RATELIMIT_HITS = "icewarn.rest.ratelimit.hits";
    public static final String GATEWAY_PING = "icewarn.gateway.ping.ms";
    public static final String SHARD_STATUS = "icewarn.shard.status";
    public static final String WORK_IN_FLIGHT = "icewarn.work.in.flight";

    static final int MAX_TAG_VALUES = 200;
    private static final Pattern SAFE_TAG = Pattern.compile("[a-z0-9._-]{1,40}");

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final AtomicReference<Supplier<CacheStats>> cacheStats = new AtomicReference<>(CacheStats::empty);
    private final Counter repliesSent;
    private final Counter repliesFailed;
    private final Counter rateLimitHits;

    private Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        registry.config()
                .meterFilter(MeterFilter.maximumAllowableTags(DECODES, "code", MAX_TAG_VALUES, MeterFilter.deny()))
                .meterFilter(MeterFilter.maximumAllowableTags(DECODES, "header", MAX_TAG_VALUES, MeterFilter.deny()));
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // registered up front so dashboards see 0 rather than no series
        FunctionCounter.builder(CACHE_HITS, cacheStats, r -> r.get().get().hits())
                .description("Decode cache lookups that found a result")
                .register(registry);
        FunctionCounter.builder(CACHE_MISSES, cacheStats, r -> r.get().get().misses())
                .description("Decode cache lookups that had to decode")
                .register(registry);
        repliesSent = counter(REPLIES_SENT, "Replies the bot sent to Discord");
        repliesFailed = counter(REPLIES_FAILED, "Replies Discord refused or that timed out");
        rateLimitHits = counter(RATELIMIT_HITS, "HTTP 429 responses from Discord's REST API");
    }

    /** Returns a new registry with the JVM binders and the bot's counters registered. */
    public static Metrics create() {
        return new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * Counts one decoded diagnostic.
     *
     * @param header the header or source it came from (e.g. {@code ms-client-diagnostics}); null or odd values
     *     count as {@code other}
     * @param code the diagnostic code (e.g. {@code 52001}); null or odd values count as {@code other}
     */
    public void decoded(String header, String code) {
        registry.counter(DECODES, "header", tagValue(header), "code", tagValue(code))
                .increment();
    }

    /** Reports the decode cache's own hit and miss counts (Caffeine statistics) from now on. */
    public void bindCache(Supplier<CacheStats> stats) {
        cacheStats.set(stats);
    }

    /** Counts a reply that Discord accepted. */
    public void replySent() {
        repliesSent.increment();
    }

    /** Counts a reply that failed. */
    public void replyFailed() {
        repliesFailed.increment();
    }

    /** Counts one REST rate-limit hit (HTTP 429). See {@link RateLimitCounter} for an OkHttp interceptor. */
    public void restRateLimitHit() {
        rateLimitHits.increment();
    }

    /** Reports how many answers are running or queued (downloads, decodes, replies being written) from {@code inFlight}. */
    public void bindWork(IntSupplier inFlight) {
        Objects.requireNonNull(inFlight, "inFlight");
        Gauge.builder(WORK_IN_FLIGHT, inFlight, IntSupplier::getAsInt)
                .strongReference(true) // the supplier is often a lambda nothing else keeps
                .description("Answers running or queued")
                .register(registry);
    }

    /**
     * Registers the per-shard gauges for every shard {@code source} owns now. Call it once the owned ids are known
     * (for an auto-sized {@code ShardManager}: after it is built); shards already registered are left as they are.
     */
    public void bindShards(ShardStatusSource source) {
        Objects.requireNonNull(source, "source");
        for (ShardStatus shard : source.snapshot()) {
            int id = shard.shardId();
            String tag = Integer.toString(id);
            Gauge.builder(
                            GATEWAY_PING,
                            source,
                            s -> s.status(id)
                                    .map(ShardStatus::gatewayPingMillis)
                                    .orElse(-1L))
                    .description("Last gateway heartbeat round trip in ms, -1 while unknown")
                    .tag("shard", tag)
                    .register(registry);
            Gauge.builder(
                            SHARD_STATUS,
                            source,
                            s -> s.status(id)
                                    .map(st -> st.connected() ? 1.0 : 0.0)
                                    .orElse(0.0))
                    .description("1 when the shard is CONNECTED, 0 otherwise")
                    .tag("shard", tag)
                    .register(registry);
        }
    }

    /** Returns the registry, for binders of other components (e.g. a Caffeine cache). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Returns every meter in Prometheus text format 0.0.4 ({@link #CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    static String tagValue(String raw) {
        if (raw == null) {
            return "other";
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        return SAFE_TAG.matcher(value).matches() ? value : "other";
    }
}
