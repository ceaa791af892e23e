package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icewarn.bot.e2e.launch.InProcessBot;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import io.icewarn.bot.render.discord.DiscordLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 1: a paste in an allowed channel gets a thread on that message, and the answer lands in it. */
final class PasteThreadIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static SimulatedDiscord discord;
    static InProcessBot bot;

    @BeforeAll
    static void start() {
        discord = SimulatedDiscord.start();
        Map<String, String> env = new HashMap<>(discord.botEnvironment());
        env.put(
                "ICEWARN_ALLOWED_CHANNELS",
                Long.toUnsignedString(discord.world().channel(0)));
        bot = InProcessBot.start(env, dir);
        discord.awaitBotReady(WAIT);
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
            assertThat(bot.awaitExit(WAIT)).as(bot.stderr()).isZero();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void aPasteGetsAThreadAndTheAnswerInIt() {
        // GIVEN a user's paste of the seed diagnostic in the allowed channel
        long channel = discord.world().channel(0);
        long message = discord.post(channel, discord.world().human(0), Pastes.read(Pastes.SEED));

        // WHEN the bot answers
        RestCall thread = discord.recorder()
                .awaitRest(
                        c -> c.is("POST", "channels/{id}/messages/{id}/threads")
                                && c.segment(3).equals(Long.toUnsignedString(message)),
                        WAIT);
        RestCall reply = discord.recorder()
                .awaitRest(
                        c -> c.is("POST", "channels/{id}/messages")
                                && c.segment(1).equals(Long.toUnsignedString(message)),
                        WAIT);

        // THEN the thread is on that message in that channel, named within Discord's limit
        assertThat(thread.status()).isEqualTo(201);
        assertThat(thread.segment(1)).isEqualTo(Long.toUnsignedString(channel));
        String name = thread.json().path("name").asText();
        assertThat(name).isNotBlank().hasSizeLessThanOrEqualTo(DiscordLimits.THREAD_NAME);
        // AND the answer went to the thread (whose ID is the message's), decoded, within every limit
        assertThat(reply.ok()).isTrue();
        JsonNode body = reply.json();
        assertThat(WirePayloads.violations(body)).isEmpty();
        assertThat(body.toString()).contains("24").containsIgnoringCase("0x320");
        // AND nothing went to the channel itself, and the bot called no route Discord would not know
        List<RestCall> inChannel = discord.recorder()
                .rest(c ->
                        c.is("POST", "channels/{id}/messages") && c.segment(1).equals(Long.toUnsignedString(channel)));
        assertThat(inChannel).isEmpty();
        assertThat(discord.unknownRoutes()).isEmpty();
        assertThat(discord.recorder().rest(c -> !c.ok())).isEmpty();
    }
}
