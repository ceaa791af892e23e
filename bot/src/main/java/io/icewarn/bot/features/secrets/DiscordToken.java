package io.icewarn.bot.features.secrets;

import java.util.Objects;

/**
 * The bot token. {@link #toString()} never shows it, so logging the object is safe; only {@link #reveal()} does.
 * Creating one registers the value with {@link TokenRedactor}, so the JSON logs mask it even if some library prints
 * it. Immutable and thread safe.
 */
public final class DiscordToken {

    private final String value;
    private final String origin;

    DiscordToken(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = Objects.requireNonNull(origin, "origin");
        TokenRedactor.register(value);
    }

    /** Returns the token itself, for {@code DefaultShardManagerBuilder.create*(token)} only. */
    public String reveal() {
        return value;
    }

    /** Returns where the token came from (a variable name or a file path), for logs. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "DiscordToken[from " + origin + ", redacted]";
    }
}
