package io.icewarn.bot.features.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.icewarn.bot.config.Settings;
import io.icewarn.bot.store.GuildOverrides;
import io.icewarn.bot.store.GuildOverridesRepository;
import io.icewarn.bot.store.StoreException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the bot reads per-server settings from: the stored overrides over the environment's
 * defaults, kept in a small Caffeine cache that this process's writes invalidate at once. Another process
 * sharing the database sees a change within {@link #REFRESH}. When the store cannot be read, the defaults
 * apply (and the failure is logged) rather than the message going unanswered. Thread-safe.
 */
public final class GuildSettingsResolver {
    private static final Logger LOG = LoggerFactory.getLogger(GuildSettingsResolver.class);
    /** How long a server's settings are cached; bounds how stale another process's change can be. */
    public static final Duration REFRESH = Duration.ofSeconds(60);

    private final Settings env;
    private final GuildOverridesRepository repository;
    private final Cache<Long, GuildOverrides> cache =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REFRESH).build();

    public GuildSettingsResolver(Settings env, GuildOverridesRepository repository) {
        this.env = Objects.requireNonNull(env, "env");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** Returns the settings in {@code guild}; the defaults when it is null (a direct message). */
    public GuildSettings forGuild(Guild guild) {
        return guild == null ? defaults() : forGuild(guild.getIdLong());
    }

    /** Returns the settings where {@code message} was posted (the defaults in direct messages). */
    public GuildSettings forMessage(Message message) {
        return message.isFromGuild() ? forGuild(message.getGuild().getIdLong()) : defaults();
    }

    /** Returns the settings in the server {@code guildId}. */
    public GuildSettings forGuild(long guildId) {
        return GuildSettings.of(env, overrides(guildId));
    }

    /** Returns the environment's defaults. */
    public GuildSettings defaults() {
        return GuildSettings.defaults(env);
    }

    /** Returns what {@code guildId} overrides; none when the store cannot be read. */
    public GuildOverrides overrides(long guildId) {
        GuildOverrides cached = cache.getIfPresent(guildId);
        if (cached != null) {
            return cached;
        }
        try {
            GuildOverrides read = repository.find(guildId);
            cache.put(guildId, read);
            return read;
        } catch (StoreException e) {
            LOG.warn("{}; using the default settings", e.getMessage());
            return GuildOverrides.none();
        }
    }

    /**
     * Applies {@code change} to the stored overrides of {@code guildId} and returns the settings now in force.
     *
     * @throws StoreException when the store cannot be written
     */
    public GuildSettings update(long guildId, UnaryOperator<GuildOverrides> change) {
        cache.invalidate(guildId); // stays invalid when the write fails: the next read goes to the store
        GuildOverrides stored = repository.update(guildId, change);
        cache.put(guildId, stored);
        return GuildSettings.of(env, stored);
    }

    /**
     * Forgets every override of {@code guildId} and returns the defaults.
     *
     * @throws StoreException when the store cannot be written
     */
    public GuildSettings reset(long guildId) {
        cache.invalidate(guildId);
        repository.reset(guildId);
        cache.invalidate(guildId);
        return defaults();
    }
}
