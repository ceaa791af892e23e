package io.icewarn.bot.config;

/**
 * Every environment variable the bot reads, in the order of {@code .env.example}. To add a setting, add
 * a constant here, a component to {@link Settings}, a line to {@link SettingsLoader} and one to
 * {@code .env.example} ({@code SettingsLoaderTest} checks that file lists every constant).
 */
public enum SettingName {
    DISCORD_TOKEN,
    DISCORD_TOKEN_FILE,
    ICEWARN_APPLICATION_ID,
    ICEWARN_ALLOWED_CHANNELS,
    ICEWARN_EXCLUDED_ROLES,
    ICEWARN_CACHE_SIZE,
    ICEWARN_CACHE_TTL,
    ICEWARN_USER_COOLDOWN,
    ICEWARN_DEDUP_WINDOW,
    ICEWARN_ATTACHMENT_MAX_BYTES,
    ICEWARN_FETCH_TIMEOUT,
    ICEWARN_MAX_CONCURRENT_DECODES,
    ICEWARN_REDACT,
    ICEWARN_PRIVATE_REPLIES,
    ICEWARN_DIRECT_MESSAGES,
    ICEWARN_LOG_LEVEL,
    ICEWARN_LOG_FORMAT,
    ICEWARN_DISCORD_API_URL,
    ICEWARN_DISCORD_GATEWAY_URL,
    ICEWARN_DATA_DIR,
    ICEWARN_DATABASE_URL,
    ICEWARN_DATABASE_USER,
    ICEWARN_DATABASE_PASSWORD,
    ICEWARN_DATABASE_PASSWORD_FILE,
    ICEWARN_DATABASE_SCHEMA,
    ICEWARN_AUTO_REPLY,
    ICEWARN_CATCH_UP_MAX_AGE
}
