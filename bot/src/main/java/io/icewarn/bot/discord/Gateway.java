package io.icewarn.bot.discord;

import io.icewarn.bot.config.Settings;
import java.util.EnumSet;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.cache.CacheFlag;

/** The gateway intents, caches and permissions the bot asks for, and its invite URL. */
public final class Gateway {
    /** The permissions the invite asks for; the bot needs nothing else. */
    public static final EnumSet<Permission> PERMISSIONS = EnumSet.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES,
            Permission.MESSAGE_HISTORY);

    private Gateway() {}

    /** Returns GUILD_MESSAGES and MESSAGE_CONTENT, plus DIRECT_MESSAGES when DMs are on. */
    public static EnumSet<GatewayIntent> intents(Settings settings) {
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT);
        if (settings.directMessages()) {
            intents.add(GatewayIntent.DIRECT_MESSAGES);
        }
        return intents;
    }

    /** Returns every cache flag: the bot keeps none of them (no voice, presence, emoji, stickers, …). */
    public static EnumSet<CacheFlag> disabledCaches() {
        return EnumSet.allOf(CacheFlag.class);
    }

    /** Returns the invite URL for {@code applicationId} with the bot and applications.commands scopes. */
    public static String inviteUrl(long applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + Long.toUnsignedString(applicationId)
                + "&scope=bot+applications.commands&permissions=" + Permission.getRaw(PERMISSIONS);
    }
}
