package io.icewarn.bot.discord;

import com.github.benmanes.caffeine.cache.Ticker;
import io.icewarn.bot.config.DiscordEndpoints;
import io.icewarn.bot.config.Settings;
import io.icewarn.bot.core.DiscordBot;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.features.admin.GuildSettingsResolver;
import io.icewarn.bot.features.answer.Answerer;
import io.icewarn.bot.features.answer.CallPictures;
import io.icewarn.bot.features.fetch.Gatherer;
import io.icewarn.bot.features.fetch.HttpAttachmentFetcher;
import io.icewarn.bot.features.fetch.PasteSites;
import io.icewarn.bot.features.health.HealthServer;
import io.icewarn.bot.features.health.HealthSettings;
import io.icewarn.bot.features.health.Metrics;
import io.icewarn.bot.features.health.RateLimitCounter;
import io.icewarn.bot.features.health.ShardManagerStatusSource;
import io.icewarn.bot.features.sharding.ShardManagerPlans;
import io.icewarn.bot.features.sharding.ShardPlan;
import io.icewarn.bot.render.discord.DiscordRenderer;
import io.icewarn.bot.render.markdown.TicketRenderer;
import io.icewarn.bot.store.FreshDataDirectory;
import io.icewarn.bot.store.Store;
import io.icewarn.bot.store.StoreException;
import io.icewarn.bot.store.StoreTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord front end: builds a light {@link ShardManager} (only the intents in {@link Gateway}, no
 * optional caches, no member cache) over the shards the {@link ShardPlan} gives this process, starts the
 * health endpoint (readiness from the shard manager, Prometheus metrics), opens the {@link Store} (exit code 1
 * with one line when it cannot be opened or migrated), registers the {@link Features}, registers the slash and context
 * commands once when the first shard is ready, prints the invite URL (never the token), and shuts down
 * cleanly on SIGTERM: stop taking work, let replies in flight finish and JDA send every queued request
 * (bounded), then close JDA and the store. JDA's own shutdown hook is off because it cancels queued requests.
 * Before anything else a {@link LoginCheck} asks Discord about the token: a network failure ends {@link #run}
 * with 1, a refused token with {@link FatalClose#EXIT_STATUS}, each with one line on standard error, before the
 * store (and its data directory) exists. A login Discord refuses on the gateway (bad token, intent not enabled)
 * ends it with {@link FatalClose#EXIT_STATUS} and one line too and, when no shard was ever ready, removes the data
 * directory this start created.
 */
public final class JdaDiscordBot implements DiscordBot {
    private static final Logger LOG = LoggerFactory.getLogger(JdaDiscordBot.class);
    /** How long shutdown waits for replies in flight. */
    public static final Duration GRACE = Duration.ofSeconds(10);
    /** Threads running JDA's success and failure callbacks (JDA's default is the common pool). */
    private static final int CALLBACK_THREADS = 4;

    private final Map<String, String> environment;
    private volatile Runnable stopper;

    /**
     * Returns the bot.
     *
     * @param environment where the shard plan ({@code ICEWARN_SHARDS_TOTAL}, {@code ICEWARN_SHARD_IDS},
     *     {@code ICEWARN_REPLICAS}, {@code ICEWARN_REPLICA_INDEX}) and the health endpoint
     *     ({@code ICEWARN_HTTP_*}) are read from
     */
    public JdaDiscordBot(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Returns the shared context for {@code services}: the production fetcher, renderers, work pool and
     * cooldown, and the per-server settings read from {@code store}.
     */
    public static BotContext context(Services services, BotMetrics metrics, Store store) {
        Settings s = services.settings();
        return new BotContext(
                services,
                new DiscordRenderer(),
                new TicketRenderer(),
                new Gatherer(
                        new HttpAttachmentFetcher(s.fetchTimeout()),
                        PasteSites.standard(),
                        s.attachmentMaxBytes(),
                        s.fetchTimeout()),
                new Answerer(services, metrics, CallPictures.of(services.decoder(), s)),
                Work.pooled(Math.max(2, s.maxConcurrentDecodes() * 2)),
                new Cooldown(s.userCooldown(), Ticker.systemTicker()),
                metrics,
                store,
                new GuildSettingsResolver(s, store.guildOverrides()));
    }

    @Override
    public int run(Services services, PrintStream err) throws InterruptedException {
        Settings settings = services.settings();
        ShardPlan plan;
        HealthSettings health;
        try {
            plan = ShardPlan.fromEnv(environment);
            health = HealthSettings.fromEnv(environment, false);
        } catch (IllegalArgumentException e) {
            err.println("icewarn: " + e.getMessage());
            return 2;
        }
        // before the store and JDA: a network failure or a refused token is one line, and leaves no data directory
        Optional<LoginCheck.Refusal> refusal = LoginCheck.standard()
                .check(
                        settings.discordEndpoints().restBase(),
                        settings.discordToken().orElseThrow().reveal());
        if (refusal.isPresent()) {
            err.println("icewarn: " + refusal.get().message());
            return refusal.get().exitStatus();
        }
        FreshDataDirectory fresh = FreshDataDirectory.before(settings.database());
        Store store;
        try {
            store = Store.open(StoreTarget.of(settings.database()));
        } catch (StoreException e) {
            err.println("icewarn: " + e.getMessage());
            return 1;
        }
        // belt and braces: the global default too, though every message sets its own
        MessageRequest.setDefaultMentions(Outgoing.noMentions());
        Metrics metrics = Metrics.create();
        metrics.bindCache(services.decodeService()::stats);
        BotMetrics counted = new MetricsBotMetrics(metrics);
        BotContext ctx = context(services, counted, store);
        ctx.answerer().warmUp();
        metrics.bindWork(ctx.work()::inFlight);
        Features features = Features.of(ctx, Ticker.systemTicker());
        Router router = new Router(features, ctx.work(), counted);
        settings.applicationId().ifPresent(id -> LOG.info("Invite the bot with {}", Gateway.inviteUrl(id)));
        LOG.info("Shards: {}", plan.describe());
        PendingRequests pending = new PendingRequests();
        ExecutorService callbacks = pending.callbackPool(CALLBACK_THREADS);
        FatalClose fatal = new FatalClose();
        StartUp startUp = new StartUp(router, settings);
        ShardManager manager;
        try {
            DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(
                            settings.discordToken().orElseThrow().reveal(), Gateway.intents(settings))
                    .disableCache(Gateway.disabledCaches())
                    .setMemberCachePolicy(MemberCachePolicy.NONE)
                    .setChunkingFilter(ChunkingFilter.NONE)
                    .setEnableShutdownHook(false)
                    .setHttpClientBuilder(new OkHttpClient.Builder()
                            .addInterceptor(new RateLimitCounter(metrics))
                            .addInterceptor(new GlobalPacer(GlobalPacer.PER_SECOND)))
                    .setCallbackPool(callbacks, false)
                    .setGatewayPoolProvider(new GatewayPools())
                    .addEventListeners(router, startUp, fatal)
                    .addEventListeners(features.sessionListeners().toArray());
            builder.setRestConfig(restConfig(settings.discordEndpoints(), pending));
            pointAt(settings.discordEndpoints(), builder);
            manager = ShardManagerPlans.apply(plan, builder).build();
        } catch (RuntimeException e) {
            // the check passed, then JDA's own requests failed; its messages never hold the token, but be sure:
            // name the failure only
            LoginCheck.Refusal failed =
                    LoginCheck.Refusal.ofLogin(e, settings.discordEndpoints().restBase(), LoginCheck.TIMEOUT);
            err.println("icewarn: " + failed.message());
            LOG.debug("login failed: {}", e.getClass().getName());
            metrics.close();
            store.close();
            fresh.remove();
            callbacks.shutdown();
            return failed.exitStatus();
        }
        ShardManagerStatusSource shards = ShardManagerStatusSource.of(manager, plan);
        metrics.bindShards(shards);
        Optional<HealthServer> server;
        try {
            server = HealthServer.startIfEnabled(health, metrics, shards);
        } catch (IOException e) {
            err.println("icewarn: could not start the health endpoint on " + health.address() + " ("
                    + e.getClass().getSimpleName() + ")");
            manager.shutdown();
            metrics.close();
            store.close();
            callbacks.shutdown();
            return 1;
        }
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                shutdown(ctx.work(), pending, manager);
                server.ifPresent(HealthServer::close);
                metrics.close();
                store.close(); // after the answers in flight, which may still write
                callbacks.shutdown();
                exit.complete(0);
            }
        };
        Thread hook = new Thread(stop, "icewarn-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        stopper = () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // the JVM is exiting: the hook runs the same stop
            }
            stop.run();
        };
        fatal.refused().thenAccept(reason -> {
            err.println("icewarn: " + reason);
            exit.complete(FatalClose.EXIT_STATUS);
        });
        int status;
        try {
            status = exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        stopper.run(); // after a refused login: close what is left; after a stop: nothing more to do
        if (status == FatalClose.EXIT_STATUS && !startUp.wasReady()) {
            fresh.remove(); // the bot never started: no data directory of this start is left behind
        }
        return status;
    }

    /**
     * Stops a bot started by {@link #run} in this JVM the way SIGTERM does (finish answers in flight, then
     * close JDA) and makes {@code run} return; does nothing before the bot has logged in. For tests that run
     * the bot in-process.
     */
    public void stop() {
        Runnable s = stopper;
        if (s != null) {
            s.run();
        }
    }

    /**
     * Returns JDA's REST settings: the REST base of {@code endpoints} unless it is Discord's own, and JDA's
     * rate limiter counted by {@code pending} so shutdown can wait for queued requests.
     */
    static RestConfig restConfig(DiscordEndpoints endpoints, PendingRequests pending) {
        RestConfig config = new RestConfig().setRateLimiterFactory(pending.rateLimiterFactory());
        return endpoints.isDiscord()
                ? config
                : config.setBaseUrl(endpoints.restBase().toString());
    }

    /** Points JDA's fallback gateway at {@code endpoints} unless they are Discord's own. */
    static void pointAt(DiscordEndpoints endpoints, DefaultShardManagerBuilder builder) {
        if (endpoints.isDiscord()) {
            return;
        }
        String gateway = endpoints.gateway().toString();
        builder.setSessionController(new ConcurrentSessionController() {
            @Override
            public String getGateway() {
                return gateway;
            }
        });
    }

    /**
     * Stops within {@link #GRACE}: takes no new work, lets answers being written finish, waits until JDA has
     * sent every queued request (rate-limited ones too: JDA's shutdown would refuse the follow-up messages
     * their callbacks queue), then closes the gateway normally (1000) and waits for JDA to finish.
     */
    static void shutdown(Work work, PendingRequests pending, ShardManager manager) {
        LOG.info("Shutting down: finishing answers in flight");
        long deadline = System.nanoTime() + GRACE.toNanos();
        try {
            if (!work.shutdown(GRACE)) {
                LOG.warn("{} answers were still in flight after {}s", work.inFlight(), GRACE.toSeconds());
            }
            if (!pending.awaitIdle(left(deadline))) {
                LOG.warn("{} requests to Discord were still queued after {}s", pending.pending(), GRACE.toSeconds());
            }
            manager.shutdown();
            for (JDA shard : manager.getShards()) {
                if (!shard.awaitShutdown(left(deadline))) {
                    LOG.warn("shard {} had not shut down after {}s", shard.getShardInfo(), GRACE.toSeconds());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            manager.shutdown();
        }
        LOG.info("Stopped: every queued request was sent and the gateway closed");
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    }

    /** Registers the commands and prints the invite URL once, when the first shard is ready. */
    private static final class StartUp extends ListenerAdapter {
        private final Router router;
        private final Settings settings;
        private final AtomicBoolean done = new AtomicBoolean();

        StartUp(Router router, Settings settings) {
            this.router = router;
            this.settings = settings;
        }

        /** Returns true once a shard was ready (logged in with its guilds). */
        boolean wasReady() {
            return done.get();
        }

        @Override
        public void onReady(ReadyEvent event) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            if (settings.applicationId().isEmpty()) {
                LOG.info(
                        "Invite the bot with {}",
                        Gateway.inviteUrl(event.getJDA().getSelfUser().getApplicationIdLong()));
            }
            if (!event.getJDA().getGatewayIntents().contains(GatewayIntent.MESSAGE_CONTENT)) {
                LOG.warn("MESSAGE_CONTENT intent missing");
            }
            event.getJDA()
                    .updateCommands()
                    .addCommands(router.commandData())
                    .queue(
                            cmds -> LOG.info("Registered {} commands", cmds.size()),
                            e -> LOG.warn("Could not register commands: {}", e.toString()));
        }
    }
}
