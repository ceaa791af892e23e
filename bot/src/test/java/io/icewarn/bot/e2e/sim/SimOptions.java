package io.icewarn.bot.e2e.sim;

import io.icewarn.bot.discord.Gateway;
import java.time.Duration;
import net.dv8tion.jda.api.Permission;

/**
 * How a {@link SimulatedDiscord} starts. Immutable; change one value with a {@code with…} method.
 *
 * @param heartbeatInterval the interval HELLO asks for (Discord's is about 41 s; short keeps zombie tests fast)
 * @param textChannels how many text channels the one guild has
 * @param messageContentGranted false makes MESSAGE_CREATE/UPDATE arrive without content, embeds and
 *     attachments, as for a bot whose Message Content intent is not granted
 * @param botPermissions the permissions of the bot's managed role (by default what its invite asks for)
 * @param bucketLimit how many requests a REST rate-limit bucket allows per window; 0 for Discord's per-route
 *     figures ({@link SimRest#DISCORD_BUCKETS})
 * @param bucketWindow the length of a bucket's window ({@code x-ratelimit-reset-after}) when {@code bucketLimit}
 *     is set
 * @param globalLimit how many requests per second the bot may make in all (Discord: 50; interaction routes
 *     are exempt)
 */
public record SimOptions(
        Duration heartbeatInterval,
        int textChannels,
        boolean messageContentGranted,
        long botPermissions,
        int bucketLimit,
        Duration bucketWindow,
        int globalLimit) {

    /** Discord's global limit: requests per second per bot. */
    public static final int DISCORD_GLOBAL_LIMIT = 50;

    /**
     * Returns the defaults: 1 s heartbeats, 3 text channels, content granted, the invite's permissions,
     * Discord's per-route buckets and its global limit of 50 requests per second.
     */
    public static SimOptions defaults() {
        return new SimOptions(
                Duration.ofSeconds(1),
                3,
                true,
                Permission.getRaw(Gateway.PERMISSIONS),
                0,
                Duration.ofSeconds(1),
                DISCORD_GLOBAL_LIMIT);
    }

    public SimOptions withHeartbeatInterval(Duration d) {
        return new SimOptions(
                d, textChannels, messageContentGranted, botPermissions, bucketLimit, bucketWindow, globalLimit);
    }

    public SimOptions withTextChannels(int n) {
        return new SimOptions(
                heartbeatInterval, n, messageContentGranted, botPermissions, bucketLimit, bucketWindow, globalLimit);
    }

    public SimOptions withMessageContentGranted(boolean granted) {
        return new SimOptions(
                heartbeatInterval, textChannels, granted, botPermissions, bucketLimit, bucketWindow, globalLimit);
    }

    public SimOptions withBotPermissions(long raw) {
        return new SimOptions(
                heartbeatInterval, textChannels, messageContentGranted, raw, bucketLimit, bucketWindow, globalLimit);
    }

    /** Gives every route and major parameter a bucket of {@code limit} per {@code window} (widening Discord's). */
    public SimOptions withBuckets(int limit, Duration window) {
        return new SimOptions(
                heartbeatInterval, textChannels, messageContentGranted, botPermissions, limit, window, globalLimit);
    }

    /** Sets the global limit in requests per second (a load test widens it). */
    public SimOptions withGlobalLimit(int perSecond) {
        return new SimOptions(
                heartbeatInterval,
                textChannels,
                messageContentGranted,
                botPermissions,
                bucketLimit,
                bucketWindow,
                perSecond);
    }
}
