package io.icewarn.bot.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one server changed with {@code /icewarn-admin}; an empty value means "the environment's default".
 * Immutable; the {@code with…} methods return changed copies.
 *
 * @param autoReply whether automatic answers are on
 * @param channelIds channels or categories that get automatic answers (an empty set = every channel)
 * @param excludedRoleIds roles whose members get no automatic answers
 * @param redact whether answers hide IP addresses and host names
 * @param privateReplies whether command answers are private by default
 * @param dedupWindow how long the same paste in a channel is answered once ({@link Duration#ZERO} = off)
 */
public record GuildOverrides(
        Optional<Boolean> autoReply,
        Optional<Set<Long>> channelIds,
        Optional<Set<Long>> excludedRoleIds,
        Optional<Boolean> redact,
        Optional<Boolean> privateReplies,
        Optional<Duration> dedupWindow) {
    /** The most IDs in one list (what a row's column holds with room to spare). */
    public static final int MAX_IDS = 100;

    public GuildOverrides {
        Objects.requireNonNull(autoReply, "autoReply");
        channelIds = channelIds.map(GuildOverrides::ids);
        excludedRoleIds = excludedRoleIds.map(GuildOverrides::ids);
        Objects.requireNonNull(redact, "redact");
        Objects.requireNonNull(privateReplies, "privateReplies");
        Objects.requireNonNull(dedupWindow, "dedupWindow");
        dedupWindow.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("dedupWindow must not be negative");
            }
        });
    }

    private static Set<Long> ids(Set<Long> ids) {
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " IDs");
        }
        return Set.copyOf(new TreeSet<>(ids));
    }

    /** Returns the overrides of a server that changed nothing. */
    public static GuildOverrides none() {
        return new GuildOverrides(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public GuildOverrides withAutoReply(boolean on) {
        return new GuildOverrides(Optional.of(on), channelIds, excludedRoleIds, redact, privateReplies, dedupWindow);
    }

    public GuildOverrides withChannelIds(Set<Long> ids) {
        return new GuildOverrides(autoReply, Optional.of(ids), excludedRoleIds, redact, privateReplies, dedupWindow);
    }

    public GuildOverrides withExcludedRoleIds(Set<Long> ids) {
        return new GuildOverrides(autoReply, channelIds, Optional.of(ids), redact, privateReplies, dedupWindow);
    }

    public GuildOverrides withRedact(boolean on) {
        return new GuildOverrides(autoReply, channelIds, excludedRoleIds, Optional.of(on), privateReplies, dedupWindow);
    }

    public GuildOverrides withPrivateReplies(boolean on) {
        return new GuildOverrides(autoReply, channelIds, excludedRoleIds, redact, Optional.of(on), dedupWindow);
    }

    public GuildOverrides withDedupWindow(Duration window) {
        return new GuildOverrides(autoReply, channelIds, excludedRoleIds, redact, privateReplies, Optional.of(window));
    }

    /** Returns true when nothing is overridden. */
    public boolean isEmpty() {
        return equals(none());
    }
}
