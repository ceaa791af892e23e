package io.icewarn.bot.features.admin;

import io.icewarn.bot.config.Settings;
import io.icewarn.bot.features.autoreply.ChannelScope;
import io.icewarn.bot.store.GuildOverrides;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The settings in force in one server: its {@code /icewarn-admin} overrides over the environment's
 * defaults. Immutable; get it from {@link GuildSettingsResolver}.
 *
 * @param autoReply whether diagnostics are answered without being asked
 * @param channelIds channels or categories that get automatic answers; empty = every channel
 * @param excludedRoleIds roles whose members get no automatic answers
 * @param redact whether answers hide IP addresses and host names
 * @param privateReplies whether command answers are private unless the user says otherwise
 * @param dedupWindow how long the same paste in a channel is answered once; zero = off
 */
public record GuildSettings(
        boolean autoReply,
        Set<Long> channelIds,
        Set<Long> excludedRoleIds,
        boolean redact,
        boolean privateReplies,
        Duration dedupWindow) {
    public GuildSettings {
        channelIds = Set.copyOf(channelIds);
        excludedRoleIds = Set.copyOf(excludedRoleIds);
        Objects.requireNonNull(dedupWindow, "dedupWindow");
    }

    /** Returns the environment's defaults (what a server without overrides, or a direct message, gets). */
    public static GuildSettings defaults(Settings env) {
        return of(env, GuildOverrides.none());
    }

    /** Returns {@code overrides} over the defaults in {@code env}. */
    public static GuildSettings of(Settings env, GuildOverrides overrides) {
        return new GuildSettings(
                overrides.autoReply().orElse(env.autoReply()),
                overrides.channelIds().orElse(env.allowedChannelIds()),
                overrides.excludedRoleIds().orElse(env.excludedRoleIds()),
                overrides.redact().orElse(env.redact()),
                overrides.privateReplies().orElse(env.privateReplies()),
                overrides.dedupWindow().orElse(env.dedupWindow()));
    }

    /** Returns where automatic answers are allowed. */
    public ChannelScope scope() {
        return new ChannelScope(channelIds);
    }
}
