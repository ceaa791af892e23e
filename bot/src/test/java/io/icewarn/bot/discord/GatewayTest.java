package io.icewarn.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.config.Settings;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.Test;

final class GatewayTest {
    @Test
    void inviteUrlNamesTheApplicationScopesAndPermissions() {
        String url = Gateway.inviteUrl(123456789012345678L);
        long bits = Permission.getRaw(
                Permission.VIEW_CHANNEL,
                Permission.MESSAGE_SEND,
                Permission.MESSAGE_SEND_IN_THREADS,
                Permission.CREATE_PUBLIC_THREADS,
                Permission.MESSAGE_EMBED_LINKS,
                Permission.MESSAGE_ATTACH_FILES,
                Permission.MESSAGE_HISTORY);
        assertThat(url)
                .isEqualTo("https://discord.com/oauth2/authorize?client_id=123456789012345678"
                        + "&scope=bot+applications.commands&permissions=" + bits);
    }

    @Test
    void intentsAreOnlyMessagesAndContentUnlessDmsAreOn() {
        assertThat(Gateway.intents(Settings.defaults()))
                .containsExactlyInAnyOrder(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT);
    }
}
