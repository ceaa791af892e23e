package io.icewarn.bot.e2e.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WorldTest {
    @Test
    void addedGuildsHaveTheirOwnChannelsRolesAndBotMember() {
        // GIVEN the first guild with 2 channels and 3 more guilds of 4
        World w = new World(new Snowflakes(), SimOptions.defaults().withTextChannels(2));
        List<Long> added = w.addGuilds(3, 4);

        // WHEN the gateway builds READY and the GUILD_CREATEs
        List<ObjectNode> guilds = w.guildCreates();
        JsonNode ready = w.ready("session", "ws://127.0.0.1/");

        // THEN READY lists all four, and each GUILD_CREATE holds only its own channels, its own roles and the bot
        assertThat(ready.path("guilds")).hasSize(4);
        assertThat(added).hasSize(12);
        assertThat(guilds).hasSize(4);
        assertThat(guilds.get(0).path("channels")).hasSize(2);
        for (ObjectNode g : guilds.subList(1, 4)) {
            String id = g.path("id").asText();
            assertThat(g.path("channels"))
                    .hasSize(4)
                    .allMatch(c -> c.path("guild_id").asText().equals(id));
            assertThat(g.path("roles").get(0).path("id").asText()).isEqualTo(id);
            String botRole = g.path("roles").get(1).path("id").asText();
            assertThat(g.path("members").get(0).path("roles").get(0).asText()).isEqualTo(botRole);
        }
        assertThat(guilds.stream().map(g -> g.path("roles").get(1).path("id").asText()))
                .doesNotHaveDuplicates();
    }

    @Test
    void aDispatchInAnAddedGuildCarriesThatGuildAndTheBotsRoleThere() {
        World w = new World(new Snowflakes(), SimOptions.defaults());
        long channel = w.addGuilds(1, 1).get(0);
        long guild = w.guildOf(channel);
        String botRole = w.guildCreates().get(1).path("roles").get(1).path("id").asText();
        ObjectNode echo = w.createMessage(channel, w.botUserId(), "answer", null)
                .put("guild_id", Long.toUnsignedString(w.guildId()));
        echo.set("member", w.member(w.botUserId()));

        JsonNode seen = w.inItsGuild(echo);

        assertThat(guild).isNotEqualTo(w.guildId());
        assertThat(seen.path("guild_id").asText()).isEqualTo(Long.toUnsignedString(guild));
        assertThat(seen.path("member").path("roles").get(0).asText()).isEqualTo(botRole);
        assertThat(w.inItsGuild(Json.object()
                                .put("channel_id", Long.toUnsignedString(w.channel(0)))
                                .put("guild_id", "1"))
                        .path("guild_id")
                        .asText())
                .as("the first guild's dispatches are left alone")
                .isEqualTo("1");
    }
}
