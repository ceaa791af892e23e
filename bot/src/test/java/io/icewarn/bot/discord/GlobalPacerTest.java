package io.icewarn.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The global pacer hands out one turn per interval and exempts the interaction routes. */
final class GlobalPacerTest {

    @Test
    void reserve_spacesTurnsByTheInterval() {
        GlobalPacer pacer = new GlobalPacer(50);
        long last = 0;
        for (int i = 0; i < 100; i++) {
            last = pacer.reserve();
        }
        // the 100th of a burst waits about 99 intervals of 20 ms: two seconds for 100 requests
        assertThat(last).isBetween(TimeUnit.MILLISECONDS.toNanos(1_900), TimeUnit.MILLISECONDS.toNanos(2_000));
    }

    @Test
    void exempt_onlyInteractionRoutes() {
        assertThat(GlobalPacer.exempt("/api/v10/interactions/1/tok/callback")).isTrue();
        assertThat(GlobalPacer.exempt("/api/v10/webhooks/1/tok")).isTrue();
        assertThat(GlobalPacer.exempt("/api/v10/channels/1/messages")).isFalse();
    }
}
