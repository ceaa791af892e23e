package io.icewarn.bot.features.catchup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.icewarn.bot.store.CheckpointRepository;
import io.icewarn.bot.store.StoreException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this process has handled in each watched channel, and the stored checkpoint that follows it. A
 * message is claimed once ({@link #claim}, so the live gateway path and catch-up never answer the same
 * message twice in one process) and marked handled when its answer was posted or it was decided that it
 * needs none. The checkpoint is a low-water mark: it moves to the latest handled message below every message
 * still in flight, so a crash never leaves an unanswered message below the checkpoint. Writes go through the
 * monotonic {@link CheckpointRepository}; a failed write is logged and retried by the next one. Thread-safe.
 */
public final class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    /** How long a claimed message ID is remembered, so a late duplicate (e.g. a replayed dispatch) is ignored. */
    static final Duration CLAIM_MEMORY = Duration.ofHours(1);

    private final CheckpointRepository repository;
    private final Cache<Long, Boolean> claimed = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(CLAIM_MEMORY)
            .build();
    private final Map<Long, Channel> channels = new HashMap<>();
    private final Map<Long, Long> firstLive = new java.util.concurrent.ConcurrentHashMap<>();

    public Checkpoints(CheckpointRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** The handling of one message (or a catch-up barrier); {@link #done()} is idempotent. */
    public interface Handling {
        /** Marks the message handled: answered, or decided to need no answer. */
        void done();
    }

    /** A handling that tracks nothing, for messages outside watched guild channels. */
    public static final Handling UNTRACKED = () -> {};

    /**
     * Claims {@code messageId} in {@code channelId} for handling; empty when this process already claimed it.
     */
    public Optional<Handling> claim(long guildId, long channelId, long messageId) {
        if (claimed.asMap().putIfAbsent(messageId, Boolean.TRUE) != null) {
            return Optional.empty();
        }
        return Optional.of(start(guildId, channelId, messageId, true));
    }

    /**
     * Notes that {@code messageId} in {@code channelId} arrived through the gateway in the current session:
     * every later message of the channel arrives that way too, so catch-up need not read past it.
     */
    public void arrivedLive(long channelId, long messageId) {
        firstLive.putIfAbsent(channelId, messageId);
    }

    /** Returns the first message of {@code channelId} that arrived live in the current session, if any. */
    public Optional<Long> firstLive(long channelId) {
        return Optional.ofNullable(firstLive.get(channelId));
    }

    /** Forgets which messages arrived live: a new gateway session may have missed some in between. */
    public void newSession() {
        firstLive.clear();
    }

    /**
     * Holds the checkpoint of {@code channelId} at or below {@code afterId} until the returned handling is
     * done: catch-up takes one while it reads history after {@code afterId}, so a live message handled
     * meanwhile cannot move the checkpoint past messages catch-up has not claimed yet.
     */
    public Handling barrier(long guildId, long channelId, long afterId) {
        return start(guildId, channelId, afterId + 1, false);
    }

    /** Returns the stored checkpoint of {@code channelId}, if any. */
    public Optional<Long> stored(long channelId) {
        var found = repository.find(channelId);
        return found.isPresent() ? Optional.of(found.getAsLong()) : Optional.empty();
    }

    /** Returns the stored checkpoints of {@code guildId}'s channels (channel ID to message ID), read at once. */
    public Map<Long, Long> storedIn(long guildId) {
        return repository.forGuild(guildId);
    }

    /**
     * Stores the first checkpoints of {@code guildId}'s channels ({@code channelToMessage}) together, each
     * unless a later one is stored meanwhile.
     */
    public void storeFirst(long guildId, Map<Long, Long> channelToMessage) {
        try {
            repository.storeFirst(guildId, channelToMessage);
        } catch (StoreException e) {
            LOG.warn("{}; catch-up may re-read these channels", e.getMessage());
        }
    }

    /** Stores {@code messageId} as the checkpoint of {@code channelId} unless a later one is stored. */
    public void store(long guildId, long channelId, long messageId) {
        try {
            if (repository.advance(guildId, channelId, messageId)) {
                LOG.debug("checkpoint of channel {} is now {}", channelId, messageId);
            }
        } catch (StoreException e) {
            LOG.warn("{}; catch-up may re-read this channel", e.getMessage());
        }
    }

    private Handling start(long guildId, long channelId, long id, boolean message) {
        Channel c;
        synchronized (channels) {
            c = channels.computeIfAbsent(channelId, k -> new Channel());
        }
        synchronized (c) {
            c.inFlight.merge(id, 1, Integer::sum);
        }
        AtomicBoolean finished = new AtomicBoolean();
        return () -> {
            if (finished.compareAndSet(false, true)) {
                finish(guildId, channelId, c, id, message);
            }
        };
    }

    private void finish(long guildId, long channelId, Channel c, long id, boolean message) {
        Long target;
        synchronized (c) {
            c.inFlight.computeIfPresent(id, (k, n) -> n == 1 ? null : n - 1);
            if (message) {
                c.handled.add(id);
            }
            long floor = c.inFlight.isEmpty() ? Long.MAX_VALUE : c.inFlight.firstKey();
            target = c.handled.lower(floor);
            if (target != null) {
                c.handled.headSet(target, true).clear();
            }
        }
        if (target != null) {
            store(guildId, channelId, target);
        }
    }

    /** One channel's messages in flight (with how often each is held) and handled ones not yet stored. */
    private static final class Channel {
        final TreeMap<Long, Integer> inFlight = new TreeMap<>();
        final TreeSet<Long> handled = new TreeSet<>();
    }
}
