package io.icewarn.bot.features.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the bot token: {@value #TOKEN_FILE} (a file holding it, e.g. a Kubernetes Secret volume or a systemd
 * credential) or {@value #TOKEN} (the value, e.g. from compose's {@code .env}). Prefer the file: environment variables
 * leak into process listings, crash dumps and child processes.
 */
public final class TokenSource {

    public static final String TOKEN = "DISCORD_TOKEN";
    public static final String TOKEN_FILE = "DISCORD_TOKEN_FILE";

    private static final int MAX_FILE_BYTES = 4096;

    private TokenSource() {}

    /**
     * Returns the token from environment-style {@code env}.
     *
     * @throws IllegalArgumentException with a one-line message (never containing the token) when neither or both
     *     are set, the file cannot be read, or the value is empty or has whitespace inside
     */
    public static DiscordToken fromEnv(Map<String, String> env) {
        String file = blankToNull(env.get(TOKEN_FILE));
        String inline = blankToNull(env.get(TOKEN));
        if (file != null && inline != null) {
            throw new IllegalArgumentException("set " + TOKEN_FILE + " or " + TOKEN + ", not both");
        }
        if (file != null) {
            return fromFile(Path.of(file));
        }
        if (inline != null) {
            return checked(inline.strip(), TOKEN);
        }
        throw new IllegalArgumentException("no bot token: set " + TOKEN_FILE + " (preferred) or " + TOKEN);
    }

    /** Returns the token held in {@code file}, surrounding whitespace removed. */
    public static DiscordToken fromFile(Path file) {
        String origin = TOKEN_FILE + "=" + file;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(origin + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return checked(Files.readString(file, StandardCharsets.UTF_8).strip(), origin);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    origin + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static DiscordToken checked(String token, String origin) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException(origin + " holds an empty token");
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(origin + " holds whitespace inside the token");
        }
        return new DiscordToken(token, origin);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
