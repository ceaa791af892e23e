package io.icewarn.bot.features.catchup;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.features.admin.GuildSettings;
import io.icewarn.bot.features.autoreply.AutoReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.SessionInvalidateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the diagnostics posted while the bot was down. When a guild becomes ready (start-up, or a new
 * gateway session after one that could not be resumed; once per guild and session), reads the history of each watched text and news
 * channel after its checkpoint, no further back than {@code ICEWARN_CATCH_UP_MAX_AGE}, and hands every user
 * message this process has not claimed to {@link AutoReply#answerMissed} — unless the bot already answered
 * it: a thread the bot started on the message that holds a message of the bot's, or a message of the bot's
 * in the channel that replies to it (the process may have died after posting and before the checkpoint).
 * A channel without a checkpoint starts at its latest message: the first start answers nothing old.
 *
 * <p>Bounded and gentle: one guild at a time on its own thread (never the gateway thread), at most
 * {@link #MAX_CHANNELS} channels per guild and {@link #MAX_PAGES} pages of 100 messages per channel, at most
 * {@link #IN_FLIGHT} answers in flight, every request through JDA's rate limiter. Each process only sees its
 * own shards' guilds, so with several processes each catches up its own. Needs VIEW_CHANNEL and
 * MESSAGE_HISTORY (Read Message History) in the watched channels; a channel without them is skipped.
 */
public final class CatchUp extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);
    /** The most channels read per guild. */
    public static final int MAX_CHANNELS = 100;
    /** The most history pages (of {@link #PAGE} messages) read per channel. */
    public static final int MAX_PAGES = 10;
    /** Messages per history request: Discord's maximum. */
    public static final int PAGE = 100;
    /** The most missed messages being answered at once, so live messages keep the work pool. */
    static final int IN_FLIGHT = 2;
    /** How long catch-up waits for a slot before it moves on regardless. */
    private static final Duration SLOT_WAIT = Duration.ofSeconds(60);
    /** How many of a thread's messages are read to find the bot's answer in it. */
    private static final int THREAD_LOOK = 20;

    private final BotContext ctx;
    private final AutoReply autoReply;
    private final Checkpoints checkpoints;
    private final Duration maxAge;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "icewarn-catch-up");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots = new Semaphore(IN_FLIGHT);

    public CatchUp(BotContext ctx, AutoReply autoReply, Checkpoints checkpoints) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.autoReply = Objects.requireNonNull(autoReply, "autoReply");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.maxAge = ctx.services().settings().catchUpMaxAge();
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        schedule(event.getJDA(), event.getGuild().getIdLong());
    }

    /**
     * The session could not be resumed: what was sent until the new one was never dispatched, so every
     * channel is read again. JDA then sets the guilds up anew and fires {@link GuildReadyEvent} for each,
     * which schedules the catch-up, once per guild and session ({@code SessionRecreateEvent} comes after
     * them and schedules nothing).
     */
    @Override
    public void onSessionInvalidate(SessionInvalidateEvent event) {
        checkpoints.newSession();
    }

    private void schedule(JDA jda, long guildId) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return;
        }
        try {
            runner.execute(() -> {
                try {
                    catchUp(jda, guildId);
                } catch (RuntimeException e) {
                    LOG.warn("catch-up of guild {} failed: {}", guildId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("catch-up not scheduled: {}", e.toString());
        }
    }

    /** What one guild's catch-up did, for the log line. */
    private static final class Tally {
        int channels;
        int read;
        int answered;
        int alreadyAnswered;
    }

    private void catchUp(JDA jda, long guildId) {
        Guild guild = jda.getGuildById(guildId);
        if (guild == null || !ctx.work().accepting()) {
            return;
        }
        GuildSettings settings = ctx.guildSettings().forGuild(guild);
        if (!settings.autoReply()) {
            return;
        }
        List<GuildMessageChannel> watched = new ArrayList<>();
        guild.getTextChannels().stream().filter(c -> settings.scope().allows(c)).forEach(watched::add);
        guild.getNewsChannels().stream().filter(c -> settings.scope().allows(c)).forEach(watched::add);
        if (watched.size() > MAX_CHANNELS) {
            LOG.warn(
                    "guild {} has {} watched channels; catching up the first {}",
                    guildId,
                    watched.size(),
                    MAX_CHANNELS);
            watched = watched.subList(0, MAX_CHANNELS);
        }
        Tally tally = new Tally();
        // one query and, on a first start, one transaction per guild: a full shard has 25,000 channels
        Map<Long, Long> stored = checkpoints.storedIn(guildId);
        Map<Long, Long> first = new HashMap<>();
        for (GuildMessageChannel channel : watched) {
            if (!ctx.work().accepting()) {
                return;
            }
            if (!guild.getSelfMember().hasPermission(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_HISTORY)) {
                LOG.info("not catching up #{}: the bot lacks Read Message History there", channel.getName());
                continue;
            }
            Long checkpoint = stored.get(channel.getIdLong());
            if (checkpoint == null) {
                long latest = channel.getLatestMessageIdLong();
                first.put(
                        channel.getIdLong(),
                        latest != 0 ? latest : TimeUtil.getDiscordTimestamp(System.currentTimeMillis()));
                tally.channels++;
                continue;
            }
            try {
                catchUp(guild, channel, checkpoint, tally);
                tally.channels++;
            } catch (RuntimeException e) {
                LOG.warn("catch-up of channel {} failed: {}", channel.getIdLong(), e.toString());
            }
        }
        checkpoints.storeFirst(guildId, first);
        LOG.info(
                "Catch-up of guild {} done: {} channels, {} messages read, {} looked at for a diagnostic, {} already answered",
                guildId,
                tally.channels,
                tally.read,
                tally.answered,
                tally.alreadyAnswered);
    }

    /** Catches up {@code channel}, whose stored checkpoint is {@code stored}. */
    private void catchUp(Guild guild, GuildMessageChannel channel, long stored, Tally tally) {
        long guildId = guild.getIdLong();
        long channelId = channel.getIdLong();
        var live = checkpoints.firstLive(channelId);
        if (live.isPresent() && stored >= live.get()) {
            return; // everything after the checkpoint came through the gateway in this session
        }
        long oldest = TimeUtil.getDiscordTimestamp(System.currentTimeMillis() - maxAge.toMillis());
        long after = Math.max(stored, oldest);
        Checkpoints.Handling barrier = checkpoints.barrier(guildId, channelId, after);
        try {
            List<Message> history = read(channel, after);
            tally.read += history.size();
            long self = guild.getJDA().getSelfUser().getIdLong();
            Set<Long> repliedTo = new HashSet<>();
            for (Message m : history) {
                MessageReference ref = m.getMessageReference();
                if (m.getAuthor().getIdLong() == self && ref != null) {
                    repliedTo.add(ref.getMessageIdLong());
                }
            }
            for (Message m : history) {
                if (!ctx.work().accepting()) {
                    return;
                }
                if (m.getAuthor().isBot() || m.isWebhookMessage()) {
                    continue;
                }
                var claim = checkpoints.claim(guildId, channelId, m.getIdLong());
                if (claim.isEmpty()) {
                    continue; // answered live in this process
                }
                Checkpoints.Handling handled = claim.get();
                ThreadChannel thread = startedThread(m);
                boolean ownThread = thread != null && thread.getOwnerIdLong() == self;
                if (repliedTo.contains(m.getIdLong()) || ownThread && answeredIn(thread, self)) {
                    tally.alreadyAnswered++;
                    handled.done();
                    continue;
                }
                boolean slot = takeSlot();
                Checkpoints.Handling released = once(() -> {
                    if (slot) {
                        slots.release();
                    }
                    handled.done();
                });
                tally.answered++;
                boolean submitted = ctx.work()
                        .submit(
                                "catch-up answer",
                                () -> autoReply.answerMissed(m, ownThread ? thread : null, released),
                                () -> {});
                if (!submitted) {
                    if (slot) {
                        slots.release();
                    }
                    return; // shutting down; the next start catches up again
                }
            }
        } finally {
            barrier.done();
        }
    }

    /** Returns the thread started on {@code m}, from the message or JDA's cache (a thread has its message's ID). */
    private static ThreadChannel startedThread(Message m) {
        ThreadChannel t = m.getStartedThread();
        return t != null ? t : m.getJDA().getThreadChannelById(m.getIdLong());
    }

    /**
     * Returns true when {@code thread} holds the bot's whole answer. The bot's buttons appear on an answer's
     * first message only once the whole answer is out (posted with a one-message answer, added by an edit to a
     * two-message one), so messages of the bot without buttons are an answer cut short (or the progress
     * message of a large log) by a crash: they are deleted, and the caller answers in the thread again.
     */
    private static boolean answeredIn(ThreadChannel thread, long self) {
        List<Message> own = thread.getHistory().retrievePast(THREAD_LOOK).complete().stream()
                .filter(x -> x.getAuthor().getIdLong() == self)
                .toList();
        if (own.stream().anyMatch(x -> !x.getComponents().isEmpty())) {
            return true;
        }
        for (Message partial : own) {
            partial.delete().complete();
        }
        return false;
    }

    /** Returns the messages of {@code channel} after {@code after}, oldest first, at most {@link #MAX_PAGES} pages. */
    private static List<Message> read(GuildMessageChannel channel, long after) {
        List<Message> out = new ArrayList<>();
        long from = after;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<Message> got = MessageHistory.getHistoryAfter(channel, Long.toUnsignedString(from))
                    .limit(PAGE)
                    .complete()
                    .getRetrievedHistory();
            out.addAll(got);
            if (got.size() < PAGE) {
                out.sort(Comparator.comparingLong(Message::getIdLong));
                return out;
            }
            from = got.stream().mapToLong(Message::getIdLong).max().orElse(from);
        }
        LOG.warn(
                "catch-up of #{} stopped after {} messages; older missed messages beyond them are not answered",
                channel.getName(),
                out.size());
        out.sort(Comparator.comparingLong(Message::getIdLong));
        return out;
    }

    /** Waits for a free answer slot; returns false (go on without one) after {@link #SLOT_WAIT}. */
    private boolean takeSlot() {
        try {
            if (slots.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.warn("catch-up answers are slow; going on without waiting");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Checkpoints.Handling once(Checkpoints.Handling h) {
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                h.done();
            }
        };
    }
}
