package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.ChildJvmBot;
import io.icewarn.bot.e2e.sim.GatewayOp;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimInteraction;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import io.icewarn.bot.e2e.sim.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenario 10: a whole session of the packaged jar with our packages logging at TRACE (login, a paste and
 * its threaded answer, every command, autocomplete, the context menu, a button, a resumed gateway, failed
 * and unknown interactions, SIGTERM) writes neither the bot token nor any interaction token to its output,
 * log lines and exception messages and stack traces included.
 */
final class TokenSecrecyIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void noTokenInAnyLogLineOfATraceSession(String logFormat) {
        List<String> interactionTokens = new ArrayList<>();
        String out;
        String err;
        String token;
        String appId;
        try (SimulatedDiscord discord = SimulatedDiscord.start()) {
            token = discord.token();
            appId = Long.toUnsignedString(discord.world().applicationId());
            Map<String, String> env = new HashMap<>(discord.botEnvironment());
            env.put("ICEWARN_LOG_LEVEL", "TRACE");
            env.put("ICEWARN_LOG_FORMAT", logFormat);
            World w = discord.world();
            try (ChildJvmBot bot = ChildJvmBot.start(env, dir)) {
                discord.awaitBotReady(WAIT);

                long paste = discord.post(w.channel(0), w.human(0), Pastes.read(Pastes.SEED));
                discord.recorder().awaitRest(Calls.wholeAnswerIn(paste), WAIT);

                List<SimInteraction> all = new ArrayList<>();
                all.add(discord.slashCommand(
                        w.channel(0), w.human(1), "icewarn", "decode", Map.of("text", Pastes.read(Pastes.KB_23))));
                all.add(discord.slashCommand(
                        w.channel(0),
                        w.human(1),
                        "icewarn",
                        "decode",
                        Map.of("text", Pastes.read(Pastes.SERVER) + "x".repeat(2100))));
                all.add(discord.slashCommand(w.channel(1), w.human(2), "icewarn", "flag", Map.of("value", "0x320")));
                all.add(discord.slashCommand(w.channel(1), w.human(2), "icewarn", "flag", Map.of("value", "nope")));
                all.add(discord.slashCommand(w.channel(1), w.human(0), "icewarn", "code", Map.of("code", 24L)));
                all.add(discord.autocomplete(w.channel(1), w.human(0), "icewarn", "code", "code", "52", 4));
                all.add(discord.messageContextMenu(w.human(2), "Decode diagnostic", paste));
                for (SimInteraction i : all) {
                    discord.recorder().awaitRest(i::isCallback, WAIT);
                }
                // the deferred ones finish with a follow-up
                discord.recorder().awaitRest(all.get(1)::isWebhook, WAIT);
                RestCall menuAnswer = discord.recorder()
                        .awaitRest(
                                c -> all.get(6).isWebhook(c)
                                        && !c.json().path("components").isEmpty(),
                                WAIT);
                String raw = menuAnswer.json().path("components").findValuesAsText("custom_id").stream()
                        .filter(id -> id.contains(":raw:"))
                        .findFirst()
                        .orElseThrow();
                SimInteraction press = discord.button(
                        w.human(2),
                        raw,
                        Long.parseUnsignedLong(
                                menuAnswer.responseJson().path("id").asText()));
                all.add(press);
                discord.recorder().awaitRest(press::isCallback, WAIT);

                // a callback Discord answers 500 (JDA does not retry it); then an interaction that expired
                discord.rest().failNext("POST interactions/{id}/{token}/callback", 1, 500);
                SimInteraction failing =
                        discord.slashCommand(w.channel(0), w.human(0), "icewarn", "flag", Map.of("value", "0x1"));
                all.add(failing);
                discord.recorder().awaitRest(c -> failing.isCallback(c) && c.fault(), WAIT);
                discord.rest().expireNextInteractions(1);
                SimInteraction expired =
                        discord.slashCommand(w.channel(0), w.human(1), "icewarn", "code", Map.of("code", 1008L));
                all.add(expired);
                discord.recorder().awaitRest(c -> expired.isCallback(c) && c.status() == 404, WAIT);
                bot.awaitStderr("could not answer an interaction", WAIT);

                // the gateway drops and the bot resumes (RESUME carries the token)
                discord.gateway().closeLive(4000);
                discord.recorder().awaitGateway(g -> g.dispatched("RESUMED"), WAIT);
                assertThat(discord.recorder().sentByBot(GatewayOp.RESUME)).isEqualTo(1);
                long late = discord.post(w.channel(0), w.human(1), Pastes.read(Pastes.CODE_BLOCK));
                discord.recorder().awaitRest(Calls.wholeAnswerIn(late), WAIT);

                all.forEach(i -> interactionTokens.add(i.token()));
                assertThat(discord.unknownRoutes()).isEmpty();
                discord.assertNoRejectedOrInvalid();
                bot.stop();
                assertThat(bot.awaitExit(WAIT)).as(bot.stderr()).isIn(0, ChildJvmBot.SIGTERM_STATUS);
                out = bot.stdout();
                err = bot.stderr();
            }
        }

        // THEN the session was logged below INFO (our code logs little under INFO; a library's DEBUG line proves
        // the root level took effect) and the failures were logged with Discord's status and error code
        assertThat(err)
                .contains("Registered")
                .containsPattern(" DEBUG |\"level\":\"DEBUG\"")
                .contains("could not answer an interaction")
                .contains("Discord answered 404 with code 10062");
        // AND no secret appears (the output is the session's: it names the application)
        assertThat(err).contains(appId);
        // AND neither the token, its secret parts, any interaction token nor its random part
        String all = out + err;
        String[] parts = token.split("\\.");
        assertThat(all)
                .doesNotContain(token)
                .doesNotContain(parts[1] + "." + parts[2])
                .doesNotContain(parts[2]);
        for (String t : interactionTokens) {
            assertThat(all).doesNotContain(t).doesNotContain(t.substring(t.lastIndexOf(':') + 1));
        }
    }
}
