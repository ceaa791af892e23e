package io.icewarn.bot.config;

/**
 * A setting is malformed. The message is one line that names the setting and never contains a secret
 * value, e.g. {@code ICEWARN_CACHE_TTL: expected a duration like 10m, got "abc"}.
 */
public final class SettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
