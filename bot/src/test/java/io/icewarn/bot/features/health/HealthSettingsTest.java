package io.icewarn.bot.features.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class HealthSettingsTest {

    @Test
    void fromEnv_botMode_onByDefaultOn8080() {
        assertThat(HealthSettings.fromEnv(Map.of(), false)).isEqualTo(new HealthSettings(true, "0.0.0.0", 8080));
    }

    @Test
    void fromEnv_consoleMode_offUnlessAsked() {
        assertThat(HealthSettings.fromEnv(Map.of(), true).enabled()).isFalse();
        assertThat(HealthSettings.fromEnv(Map.of("ICEWARN_HTTP_ENABLED", "true"), true)
                        .enabled())
                .isTrue();
    }

    @Test
    void fromEnv_portAndBind() {
        HealthSettings s = HealthSettings.fromEnv(
                Map.of("ICEWARN_HTTP_PORT", "9100", "ICEWARN_HTTP_BIND", "127.0.0.1", "ICEWARN_HTTP_ENABLED", "no"),
                false);
        assertThat(s).isEqualTo(new HealthSettings(false, "127.0.0.1", 9100));
    }

    @Test
    void fromEnv_badValues_oneLineErrors() {
        assertThatThrownBy(() -> HealthSettings.fromEnv(Map.of("ICEWARN_HTTP_PORT", "http"), false))
                .hasMessage("ICEWARN_HTTP_PORT must be a number 0..65535, got 'http'");
        assertThatThrownBy(() -> HealthSettings.fromEnv(Map.of("ICEWARN_HTTP_PORT", "70000"), false))
                .hasMessage("ICEWARN_HTTP_PORT must be 0..65535, got 70000");
        assertThatThrownBy(() -> HealthSettings.fromEnv(Map.of("ICEWARN_HTTP_ENABLED", "maybe"), false))
                .hasMessage("ICEWARN_HTTP_ENABLED must be true or false, got 'maybe'");
    }
}
