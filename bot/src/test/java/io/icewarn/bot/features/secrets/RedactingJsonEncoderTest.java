package io.icewarn.bot.features.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icewarn.bot.config.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class RedactingJsonEncoderTest {

    // not a real token: the right shape, made-up characters, joined at run time so that no token-shaped
    // literal sits in the repository for secret scanners to flag
    private static final String TOKEN_SHAPED =
            String.join(".", "MTAxMjM0NTY3ODkwMTIzNDU2Nw", "GAbCdE", "abcdefghijklmnopqrstuvwxyz0123456789AB");

    @Test
    void logbackJsonXml_masksSecretsAndTokenShapedValues() throws Exception {
        // GIVEN the shipped logback-json.xml and a token loaded as a Secret
        Secret.of("s3cret-registered-value");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-json.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var appender = (ConsoleAppender<?>) root.getAppender("stderr");
        assertThat(appender.getEncoder()).isInstanceOf(RedactingJsonEncoder.class);
        RedactingJsonEncoder encoder = (RedactingJsonEncoder) appender.getEncoder();

        // WHEN an event carrying both, as message arguments, is encoded
        LoggingEvent event = new LoggingEvent(
                "fqcn", context.getLogger("test"), Level.WARN, "login with {} then {}", null, new Object[] {
                    "s3cret-registered-value", TOKEN_SHAPED
                });
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        context.stop();

        // THEN it is one JSON object on one line and neither value appears anywhere in it
        assertThat(line).endsWith("\n").doesNotContain("s3cret-registered-value", TOKEN_SHAPED);
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.toString()).contains(TokenRedactor.MASK);
    }

    @Test
    void redact_leavesOrdinaryTextAlone() {
        String text =
                "decoded ms-client-diagnostics 52001; reason=\"Call failed to establish due to a media connectivity failure\"";
        assertThat(TokenRedactor.redact(text)).isEqualTo(text);
    }
}
