package io.icewarn.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class FatalCloseTest {
    @Test
    void aRejectedTokenSaysWhereToGetANewOne() {
        assertThat(FatalClose.explain(4004))
                .hasValueSatisfying(line -> assertThat(line)
                        .contains("4004", "token", "Developer Portal", "DISCORD_TOKEN")
                        .doesNotContain("\n"));
    }

    @Test
    void aDisallowedIntentSaysHowToEnableMessageContent() {
        assertThat(FatalClose.explain(4014))
                .hasValueSatisfying(line -> assertThat(line)
                        .contains("4014", "Message Content Intent", "Privileged Gateway Intents", "Developer Portal")
                        .doesNotContain("\n"));
    }

    @Test
    void otherClosesJdaGivesUpOnAreNamed() {
        assertThat(FatalClose.explain(4011))
                .hasValueSatisfying(line -> assertThat(line).contains("4011", "sharding required"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1006, 4000, 4007, 4009, 4900, 1005})
    void closesJdaRecoversFromAreNotFatal(int code) {
        assertThat(FatalClose.explain(code)).isEmpty();
    }
}
