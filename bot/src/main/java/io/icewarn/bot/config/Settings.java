package io.icewarn.bot.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The bot's configuration, immutable. Read it with {@link SettingsLoader}; {@link #defaults()} is the
 * configuration with nothing set. {@link #toString()} never shows the token.
 *
 * @param discordToken the bot token ({@code DISCORD_TOKEN}); empty means console mode
 * @param applicationId the Discord application ID ({@code ICEWARN_APPLICATION_ID}), if set
 * @param allowedChannelIds channel or category IDs the bot answers in; empty means everywhere
 * @param excludedRoleIds members with any of these roles get no automatic answers
 * @param cacheSize the most decode results kept in memory
 * @param cacheTtl how long a decode result is kept after it was written
 * @param userCooldown the least time between two automatic answers to the same user
 * @param dedupWindow how long the same paste in the same channel is answered only once
 * @param attachmentMaxBytes the most bytes an attachment may unpack to before it is refused
 * @param fetchTimeout how long downloading an attachment may take
 * @param maxConcurrentDecodes how many decodes may run at the same time
 * @param redact whether replies hide IP addresses and host names
 * @param privateReplies whether answers are ephemeral (visible only to the asker) by default
 * @param directMessages whether the bot reads and answers direct messages (adds the DIRECT_MESSAGES intent)
 * @param logLevel the root log level name ({@code WARN}, {@code INFO}, …), if set; otherwise the mode
 *     picks one (INFO for the bot, WARN for console and command line)
 * @param logFormat how log lines are written
 * @param discordEndpoints where Discord's REST API and gateway are ({@link DiscordEndpoints#DISCORD} unless a
 *     test points the bot at a simulated Discord)
 * @param database where durable state (per-server settings, votes, checkpoints) is kept
 * @param autoReply whether messages holding a diagnostic are answered without being asked (servers may
 *     override it with {@code /icewarn-admin})
 * @param catchUpMaxAge how far back the bot reads a watched channel's history after a restart to answer
 *     diagnostics it missed; zero turns catch-up off
 */
public record Settings(
        Optional<Secret> discordToken,
        OptionalLong applicationId,
        Set<Long> allowedChannelIds,
        Set<Long> excludedRoleIds,
        long cacheSize,
        Duration cacheTtl,
        Duration userCooldown,
        Duration dedupWindow,
        long attachmentMaxBytes,
        Duration fetchTimeout,
        int maxConcurrentDecodes,
        boolean redact,
        boolean privateReplies,
        boolean directMessages,
        Optional<String> logLevel,
        LogFormat logFormat,
        DiscordEndpoints discordEndpoints,
        DatabaseSettings database,
        boolean autoReply,
        Duration catchUpMaxAge) {

    public Settings {
        Objects.requireNonNull(discordToken, "discordToken");
        Objects.requireNonNull(applicationId, "applicationId");
        allowedChannelIds = Set.copyOf(allowedChannelIds);
        excludedRoleIds = Set.copyOf(excludedRoleIds);
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(userCooldown, "userCooldown");
        Objects.requireNonNull(dedupWindow, "dedupWindow");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(discordEndpoints, "discordEndpoints");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(catchUpMaxAge, "catchUpMaxAge");
        if (cacheSize < 0 || attachmentMaxBytes <= 0 || maxConcurrentDecodes <= 0) {
            throw new IllegalArgumentException("sizes and counts must be positive");
        }
    }

    /** Returns the settings used when nothing is configured. */
    public static Settings defaults() {
        return new Settings(
                Optional.empty(),
                OptionalLong.empty(),
                Set.of(),
                Set.of(),
                10_000,
                Duration.ofHours(1),
                Duration.ofSeconds(10),
                Duration.ofMinutes(10),
                8L * 1024 * 1024,
                Duration.ofSeconds(10),
                2,
                false,
                false,
                false,
                Optional.empty(),
                LogFormat.TEXT,
                DiscordEndpoints.DISCORD,
                DatabaseSettings.defaults(),
                true,
                Duration.ofHours(24));
    }

    /** Returns true when no token is configured, so the bot runs as a local console. */
    public boolean consoleMode() {
        return discordToken.isEmpty();
    }

    @Override
    public String toString() {
        return "Settings[discordToken=" + (discordToken.isPresent() ? "****" : "<none>")
                + ", applicationId=" + applicationId
                + ", allowedChannelIds=" + allowedChannelIds
                + ", excludedRoleIds=" + excludedRoleIds
                + ", cacheSize=" + cacheSize
                + ", cacheTtl=" + cacheTtl
                + ", userCooldown=" + userCooldown
                + ", dedupWindow=" + dedupWindow
                + ", attachmentMaxBytes=" + attachmentMaxBytes
                + ", fetchTimeout=" + fetchTimeout
                + ", maxConcurrentDecodes=" + maxConcurrentDecodes
                + ", redact=" + redact
                + ", privateReplies=" + privateReplies
                + ", directMessages=" + directMessages
                + ", logLevel=" + logLevel.orElse("<mode default>")
                + ", logFormat=" + logFormat
                + ", discordEndpoints=" + discordEndpoints
                + ", database=" + database
                + ", autoReply=" + autoReply
                + ", catchUpMaxAge=" + catchUpMaxAge
                + "]";
    }
}
