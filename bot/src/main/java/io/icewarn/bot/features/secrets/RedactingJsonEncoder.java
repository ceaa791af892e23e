package io.icewarn.bot.features.secrets;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * Logback's one-JSON-object-per-line encoder with bot tokens masked by {@link TokenRedactor}. {@code logback-json.xml}
 * (selected by {@code ICEWARN_LOG_FORMAT=json}) uses it; thread safe as logback encoders are.
 */
public class RedactingJsonEncoder extends JsonEncoder {

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] raw = super.encode(event);
        String text = new String(raw, StandardCharsets.UTF_8);
        String redacted = TokenRedactor.redact(text);
        return redacted.equals(text) ? raw : redacted.getBytes(StandardCharsets.UTF_8);
    }
}
