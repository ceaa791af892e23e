package io.icewarn.bot.config;

import io.icewarn.bot.features.secrets.TokenRedactor;
import java.util.Objects;

/**
 * A value that must never be printed, such as the Discord bot token. {@link #toString()} masks it; only
 * {@link #reveal()} returns it, and only the code that hands it to Discord should call that.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Returns a secret holding {@code value}, which must not be blank. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank secret");
        }
        String stripped = value.strip();
        TokenRedactor.register(stripped); // masked in JSON logs from now on
        return new Secret(stripped);
    }

    /** Returns the secret value itself. Never log or format the result. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret && ((Secret) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
