package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.InProcessSession;
import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of pastes over many channels, each within its route's bucket, at Discord's global limit of 50
 * requests per second: the bot paces itself, so no request meets the global limit's 429.
 */
final class GlobalLimitIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int CHANNELS = 20;
    private static final int PER_CHANNEL = 3;

    @TempDir
    Path dir;

    @Test
    void aBurstOverTwentyChannelsKeepsToTheGlobalLimit() {
        // GIVEN Discord's defaults (per-route buckets, 50 requests per second in all) and 20 channels
        try (InProcessSession session =
                InProcessSession.start(SimOptions.defaults().withTextChannels(CHANNELS), dir, WAIT, (sim, env) -> {})) {
            SimulatedDiscord discord = session.discord();
            // WHEN three distinct pastes arrive in each channel at once
            List<Long> posted = new ArrayList<>();
            int n = 0;
            for (int round = 0; round < PER_CHANNEL; round++) {
                for (long channel : discord.world().textChannels()) {
                    posted.add(discord.post(
                            channel,
                            discord.world().human(round),
                            Pastes.read(Pastes.SEED) + "\nglobal limit case " + n++));
                }
            }
            // THEN each is answered (in its thread, or in place when every decode permit was taken), and no
            // request met a 429 (the global one included)
            for (long m : posted) {
                String id = Long.toUnsignedString(m);
                discord.recorder()
                        .awaitRest(
                                Calls.wholeAnswerIn(m)
                                        .or(c -> c.ok()
                                                && c.is("POST", "channels/{id}/messages")
                                                && c.json()
                                                        .path("message_reference")
                                                        .path("message_id")
                                                        .asText()
                                                        .equals(id)),
                                WAIT);
            }
            assertThat(discord.recorder().rest(c -> c.status() == 429)).isEmpty();
            discord.assertNoRejectedOrInvalid();
            assertThat(discord.invalidRequests()).isZero();
        }
    }
}
