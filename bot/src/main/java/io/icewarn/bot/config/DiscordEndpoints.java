package io.icewarn.bot.config;

import java.net.URI;
import java.util.Objects;

/**
 * Where the bot reaches Discord: the REST API base and the gateway. Production uses {@link #DISCORD}; the
 * end-to-end tests point both at a simulated Discord on loopback ({@code ICEWARN_DISCORD_API_URL},
 * {@code ICEWARN_DISCORD_GATEWAY_URL}). Immutable.
 *
 * @param restBase the REST API base, ending in {@code /} (Discord's is {@code https://discord.com/api/v10/})
 * @param gateway the gateway JDA falls back to when it has no URL from {@code GET /gateway/bot} or from
 *     READY's {@code resume_gateway_url} (after a failed connection attempt)
 */
public record DiscordEndpoints(URI restBase, URI gateway) {
    /** Discord's own endpoints, JDA's defaults. */
    public static final DiscordEndpoints DISCORD =
            new DiscordEndpoints(URI.create("https://discord.com/api/v10/"), URI.create("wss://gateway.discord.gg/"));

    public DiscordEndpoints {
        Objects.requireNonNull(restBase, "restBase");
        Objects.requireNonNull(gateway, "gateway");
        if (!restBase.toString().endsWith("/")) {
            restBase = URI.create(restBase + "/");
        }
    }

    /** Returns true when these are Discord's own endpoints, so JDA is left at its defaults. */
    public boolean isDiscord() {
        return equals(DISCORD);
    }
}
