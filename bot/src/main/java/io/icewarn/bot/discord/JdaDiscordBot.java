package io.icewarn.bot.discord;

import com.github.benmanes.caffeine.cache.Ticker;
import io.icewarn.bot.config.Settings;
import io.icewarn.bot.core.DiscordBot;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.features.answer.Answerer;
import io.icewarn.bot.features.fetch.Gatherer;
import io.icewarn.bot.features.fetch.HttpAttachmentFetcher;
import io.icewarn.bot.features.fetch.PasteSites;
import io.icewarn.bot.render.discord.DiscordRenderer;
import io.icewarn.bot.render.markdown.TicketRenderer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord front end: builds a light {@link ShardManager} (only the intents in {@link Gateway}, no
 * optional caches, no member cache), registers the {@link Features}, registers the slash and context
 * commands once when the first shard is ready, prints the invite URL (never the token), and shuts down
 * cleanly on SIGTERM: stop taking work, let replies in flight finish (bounded), then close JDA. JDA's own
 * shutdown hook is off because it cancels queued requests.
 */
public final class JdaDiscordBot implements DiscordBot {
    private static final Logger LOG = LoggerFactory.getLogger(JdaDiscordBot.class);
    /** How long shutdown waits for replies in flight. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private final ShardManagerFactory shards;
    private final BotMetrics metrics;

    /** Returns the bot over all shards, counting nothing. */
    public JdaDiscordBot() {
        this(ShardManagerFactory.ALL_SHARDS, BotMetrics.NONE);
    }

    public JdaDiscordBot(ShardManagerFactory shards, BotMetrics metrics) {
        this.shards = Objects.requireNonNull(shards, "shards");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Returns the shared context for {@code services}: the production fetcher, renderers, work pool and cooldown. */
    public static BotContext context(Services services, BotMetrics metrics) {
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
                new Answerer(services, metrics),
                Work.pooled(Math.max(2, s.maxConcurrentDecodes() * 2)),
                new Cooldown(s.userCooldown(), Ticker.systemTicker()),
                metrics);
    }

    @Override
    public int run(Services services, PrintStream err) throws InterruptedException {
        Settings settings = services.settings();
        // belt and braces: the global default too, though every message sets its own
        MessageRequest.setDefaultMentions(Outgoing.noMentions());
        BotContext ctx = context(services, metrics);
        Router router = new Router(Features.of(ctx, Ticker.systemTicker()), ctx.work(), metrics);
        settings.applicationId().ifPresent(id -> LOG.info("Invite the bot with {}", Gateway.inviteUrl(id)));
        ShardManager manager;
        try {
            DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(
                            settings.discordToken().orElseThrow().reveal(), Gateway.intents(settings))
                    .disableCache(Gateway.disabledCaches())
                    .setMemberCachePolicy(MemberCachePolicy.NONE)
                    .setChunkingFilter(ChunkingFilter.NONE)
                    .setEnableShutdownHook(false)
                    .setHttpClientBuilder(new OkHttpClient.Builder().addInterceptor(chain -> {
                        Response response = chain.proceed(chain.request());
                        if (response.code() == 429) {
                            metrics.rateLimitHit();
                        }
                        return response;
                    }))
                    .addEventListeners(router, new StartUp(router, settings));
            manager = shards.plan(builder).build();
        } catch (RuntimeException e) {
            // JDA's messages never hold the token, but be sure: name the failure only
            err.println(
                    "icewarn: could not log in to Discord (" + e.getClass().getSimpleName() + "); check DISCORD_TOKEN");
            LOG.debug("login failed: {}", e.getClass().getName());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(ctx.work(), manager, stopped), "icewarn-stop"));
        stopped.await();
        return 0;
    }

    static void shutdown(Work work, ShardManager manager, CountDownLatch stopped) {
        LOG.info("Shutting down: finishing answers in flight");
        try {
            if (!work.shutdown(GRACE)) {
                LOG.warn("{} answers were still in flight after {}s", work.inFlight(), GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        manager.shutdown(); // queued requests still go out
        stopped.countDown();
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
