package io.icewarn.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SettingsLoaderTest {
    private static final String TOKEN = "FAKE.token.value-for-tests-only";

    @TempDir
    Path dir;

    @Test
    void nothingSetGivesTheDefaultsAndConsoleMode() throws SettingsException {
        // GIVEN no environment and no .env file
        // WHEN the settings are loaded
        Settings s = new SettingsLoader(Map.of(), dir).load();
        // THEN every default applies
        assertThat(s).isEqualTo(Settings.defaults());
        assertThat(s.consoleMode()).isTrue();
        assertThat(s.cacheSize()).isEqualTo(10_000);
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(s.userCooldown()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.dedupWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.attachmentMaxBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(s.fetchTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.maxConcurrentDecodes()).isEqualTo(2);
        assertThat(s.redact()).isFalse();
        assertThat(s.privateReplies()).isFalse();
        assertThat(s.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(s.discordEndpoints()).isEqualTo(DiscordEndpoints.DISCORD);
        assertThat(s.discordEndpoints().isDiscord()).isTrue();
    }

    @Test
    void everySettingIsRead() throws SettingsException {
        // GIVEN every variable set
        Map<String, String> env = Map.ofEntries(
                Map.entry("DISCORD_TOKEN", TOKEN),
                Map.entry("ICEWARN_APPLICATION_ID", "123456789012345678"),
                Map.entry("ICEWARN_ALLOWED_CHANNELS", "1, 2,3"),
                Map.entry("ICEWARN_EXCLUDED_ROLES", "44"),
                Map.entry("ICEWARN_CACHE_SIZE", "50"),
                Map.entry("ICEWARN_CACHE_TTL", "30m"),
                Map.entry("ICEWARN_USER_COOLDOWN", "500ms"),
                Map.entry("ICEWARN_DEDUP_WINDOW", "PT2H"),
                Map.entry("ICEWARN_ATTACHMENT_MAX_BYTES", "512k"),
                Map.entry("ICEWARN_FETCH_TIMEOUT", "3s"),
                Map.entry("ICEWARN_MAX_CONCURRENT_DECODES", "4"),
                Map.entry("ICEWARN_REDACT", "yes"),
                Map.entry("ICEWARN_PRIVATE_REPLIES", "true"),
                Map.entry("ICEWARN_LOG_LEVEL", "debug"),
                Map.entry("ICEWARN_LOG_FORMAT", "JSON"),
                Map.entry("ICEWARN_DISCORD_API_URL", "http://127.0.0.1:8999/api/v10"),
                Map.entry("ICEWARN_DISCORD_GATEWAY_URL", "ws://127.0.0.1:9000/"));
        // WHEN loaded
        Settings s = new SettingsLoader(env, dir).load();
        // THEN each value is parsed
        assertThat(s.discordToken()).map(Secret::reveal).contains(TOKEN);
        assertThat(s.applicationId()).hasValue(123456789012345678L);
        assertThat(s.allowedChannelIds()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(s.excludedRoleIds()).containsExactly(44L);
        assertThat(s.cacheSize()).isEqualTo(50);
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.userCooldown()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.dedupWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(s.attachmentMaxBytes()).isEqualTo(512 * 1024);
        assertThat(s.fetchTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.maxConcurrentDecodes()).isEqualTo(4);
        assertThat(s.redact()).isTrue();
        assertThat(s.privateReplies()).isTrue();
        assertThat(s.logLevel()).contains("DEBUG");
        assertThat(s.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(s.discordEndpoints().restBase()).hasToString("http://127.0.0.1:8999/api/v10/");
        assertThat(s.discordEndpoints().gateway()).hasToString("ws://127.0.0.1:9000/");
        assertThat(s.discordEndpoints().isDiscord()).isFalse();
        assertThat(s.consoleMode()).isFalse();
    }

    @Test
    void theEnvironmentWinsOverTheDotenvFile() throws IOException, SettingsException {
        // GIVEN a .env file and an environment that both set the cache TTL
        Files.writeString(dir.resolve(".env"), "ICEWARN_CACHE_TTL=5m\nICEWARN_CACHE_SIZE=7\n");
        // WHEN loaded
        Settings s = new SettingsLoader(Map.of("ICEWARN_CACHE_TTL", "2h"), dir).load();
        // THEN the environment value wins and the file fills the rest
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(s.cacheSize()).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ICEWARN_CACHE_TTL|abc|ICEWARN_CACHE_TTL: expected a duration like 10m, got \"abc\"",
                "ICEWARN_USER_COOLDOWN|-5s|ICEWARN_USER_COOLDOWN: expected a duration like 10m, got \"-5s\"",
                "ICEWARN_CACHE_SIZE|lots|ICEWARN_CACHE_SIZE: expected a whole number of at least 0, got \"lots\"",
                "ICEWARN_MAX_CONCURRENT_DECODES|0|ICEWARN_MAX_CONCURRENT_DECODES: expected a whole number of at least 1, got \"0\"",
                "ICEWARN_ATTACHMENT_MAX_BYTES|8 parsecs|ICEWARN_ATTACHMENT_MAX_BYTES: expected a size like 8MB, got \"8 parsecs\"",
                "ICEWARN_ALLOWED_CHANNELS|1,general|ICEWARN_ALLOWED_CHANNELS: expected a Discord ID (digits, comma-separated for lists), got \"general\"",
                "ICEWARN_REDACT|maybe|ICEWARN_REDACT: expected true or false, got \"maybe\"",
                "ICEWARN_LOG_FORMAT|xml|ICEWARN_LOG_FORMAT: expected text or json, got \"xml\"",
                "ICEWARN_LOG_LEVEL|loud|ICEWARN_LOG_LEVEL: expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got \"loud\"",
                "ICEWARN_DISCORD_API_URL|ws://127.0.0.1/|ICEWARN_DISCORD_API_URL: expected an absolute http:// or https:// URL, got \"ws://127.0.0.1/\"",
                "ICEWARN_DISCORD_GATEWAY_URL|localhost:9000|ICEWARN_DISCORD_GATEWAY_URL: expected an absolute ws:// or wss:// URL, got \"localhost:9000\""
            })
    void aMalformedValueGivesOneLineNamingTheSetting(String name, String value, String message) {
        // GIVEN one malformed setting
        Map<String, String> env = Map.of(name, value);
        // WHEN loaded THEN the error is exactly one line naming the setting
        assertThatThrownBy(() -> new SettingsLoader(env, dir).load())
                .isInstanceOf(SettingsException.class)
                .hasMessage(message)
                .hasNoCause();
    }

    @Test
    void aMalformedValueWithALineBreakStillGivesOneLine() {
        // GIVEN a value with control characters
        Map<String, String> env = Map.of("ICEWARN_CACHE_TTL", "1\nh");
        // WHEN loaded THEN the message has no line break
        assertThatThrownBy(() -> new SettingsLoader(env, dir).load()).message().doesNotContain("\n");
    }

    @Test
    void theTokenCanComeFromAFile() throws IOException, SettingsException {
        // GIVEN a secret file and no DISCORD_TOKEN
        Path secret = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        // WHEN loaded THEN the token is read from it, trimmed
        Settings s = new SettingsLoader(Map.of("DISCORD_TOKEN_FILE", secret.toString()), dir).load();
        assertThat(s.discordToken()).map(Secret::reveal).contains(TOKEN);
        // AND a missing file is a one-line error
        assertThatThrownBy(() -> new SettingsLoader(
                                Map.of("DISCORD_TOKEN_FILE", dir.resolve("nope").toString()), dir)
                        .load())
                .hasMessage("DISCORD_TOKEN_FILE: cannot read the file it names");
    }

    @Test
    void theTokenNeverAppearsInToString() throws SettingsException {
        // GIVEN a configured token
        Settings s = new SettingsLoader(Map.of("DISCORD_TOKEN", TOKEN), dir).load();
        // WHEN printed THEN it is masked
        assertThat(s.toString()).doesNotContain(TOKEN).contains("discordToken=****");
        assertThat(s.discordToken().get().toString()).isEqualTo("****");
        assertThat(Optional.of(s.discordToken().get()).toString()).doesNotContain(TOKEN);
    }

    @Test
    void aMalformedDotenvFileIsReportedWithoutItsContent() throws IOException {
        // GIVEN a .env line the library cannot read, holding a token
        Files.writeString(dir.resolve(".env"), "DISCORD_TOKEN " + TOKEN + "\n");
        // WHEN loaded THEN the message does not echo the line
        assertThatThrownBy(() -> new SettingsLoader(Map.of(), dir).load())
                .isInstanceOf(SettingsException.class)
                .message()
                .doesNotContain(TOKEN)
                .startsWith(".env:");
    }

    @Test
    void envExampleListsEverySetting() throws IOException {
        // GIVEN the .env.example at the project root
        Path example = Path.of("..", ".env.example");
        String text = Files.readString(example);
        // THEN every setting name appears as KEY= at the start of a line, with a comment above it
        Arrays.stream(SettingName.values())
                .forEach(n -> assertThat(text).containsPattern("(?m)^# .+\\n" + n.name() + "="));
    }

    @Test
    void effectiveEnvironment_overlaysDotenvWithTheEnvironment() throws Exception {
        // GIVEN shard settings in .env, one of them also in the environment
        Files.writeString(dir.resolve(".env"), "ICEWARN_SHARDS_TOTAL=8\nICEWARN_REPLICAS=2\n");

        // WHEN the components that read their own settings ask for them
        Map<String, String> env = new SettingsLoader(Map.of("ICEWARN_REPLICAS", "4"), dir).effectiveEnvironment();

        // THEN .env fills in and the environment wins
        assertThat(env).containsEntry("ICEWARN_SHARDS_TOTAL", "8").containsEntry("ICEWARN_REPLICAS", "4");
    }

    @Test
    void theStoreSettingsAreReadAndThePasswordNeverShows() throws SettingsException {
        // GIVEN PostgreSQL settings, a data directory and auto-reply off
        Map<String, String> env = Map.of(
                "ICEWARN_DATA_DIR", "/var/lib/icewarn",
                "ICEWARN_DATABASE_URL", "jdbc:postgresql://db:5432/icewarn?sslmode=require",
                "ICEWARN_DATABASE_USER", "icewarn",
                "ICEWARN_DATABASE_PASSWORD", "pw-secret-value",
                "ICEWARN_DATABASE_SCHEMA", "bot_state",
                "ICEWARN_AUTO_REPLY", "off");
        // WHEN loaded
        Settings s = new SettingsLoader(env, dir).load();
        // THEN each is there, and neither toString nor the description shows the password or the URL's query
        DatabaseSettings db = s.database();
        assertThat(db.dataDirectory()).isEqualTo(Path.of("/var/lib/icewarn"));
        assertThat(db.jdbcUrl()).contains("jdbc:postgresql://db:5432/icewarn?sslmode=require");
        assertThat(db.user()).contains("icewarn");
        assertThat(db.password()).map(Secret::reveal).contains("pw-secret-value");
        assertThat(db.schema()).contains("bot_state");
        assertThat(db.embedded()).isFalse();
        assertThat(s.autoReply()).isFalse();
        assertThat(s.toString()).doesNotContain("pw-secret-value").doesNotContain("sslmode");
        assertThat(db.describe()).isEqualTo("jdbc:postgresql://db:5432/icewarn (schema bot_state)");
    }

    @Test
    void withoutAUrlTheStoreIsTheEmbeddedFileUnderData() throws SettingsException {
        DatabaseSettings db = new SettingsLoader(Map.of(), dir).load().database();
        assertThat(db.embedded()).isTrue();
        assertThat(db.dataDirectory()).isEqualTo(Path.of("data"));
    }

    @Test
    void theDatabasePasswordCanComeFromAFile() throws IOException, SettingsException {
        Path file = Files.writeString(dir.resolve("db_password"), "from-a-file\n");
        Settings s = new SettingsLoader(Map.of("ICEWARN_DATABASE_PASSWORD_FILE", file.toString()), dir).load();
        assertThat(s.database().password()).map(Secret::reveal).contains("from-a-file");
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlIsRefusedWithoutEchoingIt() {
        // GIVEN a URL of another kind, with credentials in it
        Map<String, String> env = Map.of("ICEWARN_DATABASE_URL", "mysql://root:hunter2@db/icewarn");
        // WHEN / THEN one line naming the setting and what is expected, without the value
        assertThatThrownBy(() -> new SettingsLoader(env, dir).load())
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("ICEWARN_DATABASE_URL: expected a jdbc:postgresql://")
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void aSchemaNameMustBeAPlainIdentifier() {
        Map<String, String> env = Map.of("ICEWARN_DATABASE_SCHEMA", "x; drop table y");
        assertThatThrownBy(() -> new SettingsLoader(env, dir).load())
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("ICEWARN_DATABASE_SCHEMA: expected a schema name");
    }
}
