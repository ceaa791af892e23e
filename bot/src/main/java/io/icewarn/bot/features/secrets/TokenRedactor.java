package io.icewarn.bot.features.secrets;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Masks bot tokens in text: every value given to {@link #register(String)} (the bot's {@code config.Secret} registers
 * itself) and anything shaped like a Discord bot token (three base64url parts joined by dots). Used by {@link
 * RedactingJsonEncoder}; thread safe.
 */
public final class TokenRedactor {

    /** What a masked token becomes. */
    public static final String MASK = "[REDACTED]";

    // user-id part (base64 of a snowflake), timestamp part, HMAC part
    private static final Pattern TOKEN_SHAPE =
            Pattern.compile("[A-Za-z0-9_-]{23,28}\\.[A-Za-z0-9_-]{6,7}\\.[A-Za-z0-9_-]{27,40}");
    private static final Set<String> KNOWN = new CopyOnWriteArraySet<>();

    private TokenRedactor() {}

    /** Adds an exact secret to mask from now on; values shorter than 8 characters are ignored. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 8) {
            KNOWN.add(secret);
        }
    }

    /** Returns {@code text} with every registered secret and token-shaped string replaced by {@link #MASK}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : KNOWN) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return TOKEN_SHAPE.matcher(result).replaceAll(MASK);
    }
}
