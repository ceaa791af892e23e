package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.ChildJvmBot;
import io.icewarn.bot.e2e.sim.Attachment;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimInteraction;
import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import io.icewarn.bot.e2e.sim.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 9: without the Message Content intent, MESSAGE_CREATE arrives with empty content and no
 * attachments. The bot (the packaged jar, so its log is its standard error) sends nothing for such
 * messages, logs one warning that says how to enable the intent, and slash commands still work.
 */
final class ContentIntentIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The start of the warning, once per process. */
    private static final String WARNING = "the Message Content intent is not granted";

    @TempDir
    Path dir;

    private static Predicate<RestCall> login() {
        return c -> c.route().equals("GET gateway/bot")
                || c.route().equals("GET users/@me")
                || c.route().equals(SimulatedDiscord.REGISTER_COMMANDS);
    }

    @Test
    void emptyMessagesGetNoReplyOneWarningAndCommandsStillWork() {
        try (SimulatedDiscord discord =
                        SimulatedDiscord.start(SimOptions.defaults().withMessageContentGranted(false));
                ChildJvmBot bot = ChildJvmBot.start(discord.botEnvironment(), dir)) {
            discord.awaitBotReady(WAIT);
            World w = discord.world();

            // GIVEN pastes (one with a log attached) that reach the bot without their content
            discord.post(w.channel(0), w.human(0), Pastes.read(Pastes.SEED));
            discord.post(
                    w.channel(1),
                    w.human(1),
                    "log attached",
                    List.of(Attachment.text("client.log", Pastes.read(Pastes.KB_23))));
            discord.post(w.channel(0), w.human(2), Pastes.read(Pastes.SERVER));
            // WHEN a user then runs a slash command (the gateway delivers it after the messages)
            SimInteraction flag =
                    discord.slashCommand(w.channel(0), w.human(0), "icewarn", "flag", Map.of("value", "0x320"));

            // THEN the command is answered
            RestCall cb = discord.recorder().awaitRest(flag::isCallback, WAIT);
            assertThat(cb.ok()).isTrue();
            assertThat(cb.json().path("data").toString()).contains("0x200");
            // AND nothing else was sent: no reply, no thread, no download
            assertThat(discord.recorder().rest(login().negate().and(c -> !flag.owns(c))))
                    .isEmpty();
            // AND the log has the warning once, saying where to turn the intent on
            String log = bot.awaitStderr(WARNING, WAIT);
            assertThat(log.split(WARNING, -1)).hasSize(2);
            String line =
                    log.lines().filter(l -> l.contains(WARNING)).findFirst().orElseThrow();
            assertThat(line)
                    .contains("WARN")
                    .contains("Developer Portal")
                    .contains("Privileged Gateway Intents")
                    .contains("Message Content Intent")
                    .contains("restart the bot");

            bot.stop();
            assertThat(bot.awaitExit(WAIT)).as(bot.stderr()).isIn(0, ChildJvmBot.SIGTERM_STATUS);
            discord.assertNoRejectedOrInvalid();
        }
    }
}
