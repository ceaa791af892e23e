package io.icewarn.bot.config;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link Settings} from environment variables and an optional {@code .env} file; a variable set in
 * the environment wins over the same name in the file. Stateless and thread-safe.
 */
public final class SettingsLoader {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9}) ?(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12}) ?(b|k|kb|kib|m|mb|mib|g|gb|gib)?");
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private final Map<String, String> environment;
    private final Path dotenvDirectory;

    /**
     * Returns a loader over {@code environment} (usually {@code System.getenv()}) and the {@code .env} file
     * in {@code dotenvDirectory}, which may be absent.
     */
    public SettingsLoader(Map<String, String> environment, Path dotenvDirectory) {
        this.environment = Map.copyOf(environment);
        this.dotenvDirectory = dotenvDirectory;
    }

    /**
     * Returns every variable of the {@code .env} file overlaid with the environment (the environment wins),
     * for components that read their own settings (sharding, health endpoint).
     */
    public Map<String, String> effectiveEnvironment() throws SettingsException {
        Map<String, String> merged = new HashMap<>(readDotenv());
        merged.putAll(environment);
        return Map.copyOf(merged);
    }

    /** Returns the settings; throws with a one-line message naming the first malformed setting. */
    public Settings load() throws SettingsException {
        Map<String, String> values = new HashMap<>(readDotenv());
        for (SettingName name : SettingName.values()) {
            String v = environment.get(name.name());
            if (v != null) {
                values.put(name.name(), v);
            }
        }
        Settings d = Settings.defaults();
        return new Settings(
                token(values),
                optionalId(values, SettingName.ICEWARN_APPLICATION_ID),
                ids(values, SettingName.ICEWARN_ALLOWED_CHANNELS),
                ids(values, SettingName.ICEWARN_EXCLUDED_ROLES),
                count(values, SettingName.ICEWARN_CACHE_SIZE, d.cacheSize(), 0),
                duration(values, SettingName.ICEWARN_CACHE_TTL, d.cacheTtl()),
                duration(values, SettingName.ICEWARN_USER_COOLDOWN, d.userCooldown()),
                duration(values, SettingName.ICEWARN_DEDUP_WINDOW, d.dedupWindow()),
                size(values, SettingName.ICEWARN_ATTACHMENT_MAX_BYTES, d.attachmentMaxBytes()),
                duration(values, SettingName.ICEWARN_FETCH_TIMEOUT, d.fetchTimeout()),
                (int) count(values, SettingName.ICEWARN_MAX_CONCURRENT_DECODES, d.maxConcurrentDecodes(), 1),
                bool(values, SettingName.ICEWARN_REDACT, d.redact()),
                bool(values, SettingName.ICEWARN_PRIVATE_REPLIES, d.privateReplies()),
                bool(values, SettingName.ICEWARN_DIRECT_MESSAGES, d.directMessages()),
                level(values),
                format(values),
                endpoints(values),
                database(values),
                bool(values, SettingName.ICEWARN_AUTO_REPLY, d.autoReply()),
                duration(values, SettingName.ICEWARN_CATCH_UP_MAX_AGE, d.catchUpMaxAge()));
    }

    private static DatabaseSettings database(Map<String, String> values) throws SettingsException {
        Path dir = DatabaseSettings.defaults().dataDirectory();
        Optional<String> dirText = text(values, SettingName.ICEWARN_DATA_DIR);
        if (dirText.isPresent()) {
            try {
                dir = Path.of(dirText.get());
            } catch (InvalidPathException e) {
                throw malformed(SettingName.ICEWARN_DATA_DIR, "a directory path", dirText.get());
            }
        }
        Optional<String> url = text(values, SettingName.ICEWARN_DATABASE_URL);
        if (url.isPresent() && !url.get().startsWith("jdbc:postgresql:")) {
            // never echo the value: a URL may carry a password
            throw new SettingsException(
                    "ICEWARN_DATABASE_URL: expected a jdbc:postgresql://host:port/database URL (leave it empty for the embedded database)");
        }
        Optional<String> schema = text(values, SettingName.ICEWARN_DATABASE_SCHEMA);
        if (schema.isPresent() && !schema.get().matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw malformed(SettingName.ICEWARN_DATABASE_SCHEMA, "a schema name (letters, digits, _)", schema.get());
        }
        return new DatabaseSettings(
                dir, url, text(values, SettingName.ICEWARN_DATABASE_USER), databasePassword(values), schema);
    }

    /** Returns the password from ICEWARN_DATABASE_PASSWORD, else from the file ICEWARN_DATABASE_PASSWORD_FILE names. */
    private static Optional<Secret> databasePassword(Map<String, String> values) throws SettingsException {
        String direct = values.get(SettingName.ICEWARN_DATABASE_PASSWORD.name());
        if (direct != null && !direct.isEmpty()) {
            return Optional.of(Secret.of(direct));
        }
        Optional<String> file = text(values, SettingName.ICEWARN_DATABASE_PASSWORD_FILE);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Secret.of(Files.readString(Path.of(file.get())).strip()));
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw new SettingsException("ICEWARN_DATABASE_PASSWORD_FILE: cannot read the file it names");
        }
    }

    private Map<String, String> readDotenv() throws SettingsException {
        if (dotenvDirectory == null || !Files.isRegularFile(dotenvDirectory.resolve(".env"))) {
            return Map.of();
        }
        try {
            Dotenv dotenv = Dotenv.configure()
                    .directory(dotenvDirectory.toString())
                    .ignoreIfMissing()
                    .load();
            Map<String, String> out = new HashMap<>();
            for (DotenvEntry e : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        } catch (DotenvException e) {
            // the library's message may quote the offending line, which can hold the token
            throw new SettingsException(".env: malformed line (the file is read as KEY=value lines)");
        }
    }

    /** Returns the token from DISCORD_TOKEN, else from the file DISCORD_TOKEN_FILE names (container secrets). */
    private static Optional<Secret> token(Map<String, String> values) throws SettingsException {
        Optional<String> direct = text(values, SettingName.DISCORD_TOKEN);
        if (direct.isPresent()) {
            return direct.map(Secret::of);
        }
        Optional<String> file = text(values, SettingName.DISCORD_TOKEN_FILE);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            String token = Files.readString(Path.of(file.get())).strip();
            if (token.isEmpty()) {
                throw new SettingsException("DISCORD_TOKEN_FILE: the file is empty");
            }
            return Optional.of(Secret.of(token));
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw new SettingsException("DISCORD_TOKEN_FILE: cannot read the file it names");
        }
    }

    private static Optional<String> text(Map<String, String> values, SettingName name) {
        String v = values.get(name.name());
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static OptionalLong optionalId(Map<String, String> values, SettingName name) throws SettingsException {
        Optional<String> v = text(values, name);
        return v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(id(name, v.get()));
    }

    private static Set<Long> ids(Map<String, String> values, SettingName name) throws SettingsException {
        Optional<String> v = text(values, name);
        if (v.isEmpty()) {
            return Set.of();
        }
        Set<Long> out = new LinkedHashSet<>();
        for (String part : v.get().split(",", -1)) {
            if (!part.isBlank()) {
                out.add(id(name, part.strip()));
            }
        }
        return out;
    }

    private static long id(SettingName name, String v) throws SettingsException {
        if (v.matches("\\d{1,19}")) {
            try {
                long id = Long.parseLong(v);
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the message below
            }
        }
        throw malformed(name, "a Discord ID (digits, comma-separated for lists)", v);
    }

    private static long count(Map<String, String> values, SettingName name, long dflt, long min)
            throws SettingsException {
        Optional<String> v = text(values, name);
        if (v.isEmpty()) {
            return dflt;
        }
        if (v.get().matches("\\d{1,9}")) {
            long n = Long.parseLong(v.get());
            if (n >= min) {
                return n;
            }
        }
        throw malformed(name, "a whole number of at least " + min, v.get());
    }

    /** Returns {@code text} read as a duration: {@code 500ms}, {@code 10s}, {@code 10m}, {@code 1h}, {@code 2d} or ISO-8601. */
    public static Optional<Duration> parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Optional.of(Duration.ofMillis(n));
                case "s":
                    return Optional.of(Duration.ofSeconds(n));
                case "m":
                    return Optional.of(Duration.ofMinutes(n));
                case "h":
                    return Optional.of(Duration.ofHours(n));
                default:
                    return Optional.of(Duration.ofDays(n));
            }
        }
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                Duration d = Duration.parse(text.strip());
                return d.isNegative() ? Optional.empty() : Optional.of(d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Duration duration(Map<String, String> values, SettingName name, Duration dflt)
            throws SettingsException {
        Optional<String> v = text(values, name);
        if (v.isEmpty()) {
            return dflt;
        }
        Optional<Duration> d = parseDuration(v.get());
        if (d.isEmpty()) {
            throw malformed(name, "a duration like 10m", v.get());
        }
        return d.get();
    }

    /** Returns {@code text} read as a byte count: {@code 8388608}, {@code 512k}, {@code 8MB}, {@code 1GiB} (binary units). */
    static OptionalLong parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor;
        switch (unit.charAt(0)) {
            case 'k':
                factor = 1024L;
                break;
            case 'm':
                factor = 1024L * 1024;
                break;
            case 'g':
                factor = 1024L * 1024 * 1024;
                break;
            default:
                factor = 1;
        }
        if (n <= 0 || n > Long.MAX_VALUE / factor) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(n * factor);
    }

    private static long size(Map<String, String> values, SettingName name, long dflt) throws SettingsException {
        Optional<String> v = text(values, name);
        if (v.isEmpty()) {
            return dflt;
        }
        OptionalLong n = parseSize(v.get());
        if (n.isEmpty()) {
            throw malformed(name, "a size like 8MB", v.get());
        }
        return n.getAsLong();
    }

    private static boolean bool(Map<String, String> values, SettingName name, boolean dflt) throws SettingsException {
        Optional<String> v = text(values, name);
        if (v.isEmpty()) {
            return dflt;
        }
        switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
            case "1":
                return true;
            case "false":
            case "no":
            case "off":
            case "0":
                return false;
            default:
                throw malformed(name, "true or false", v.get());
        }
    }

    private static Optional<String> level(Map<String, String> values) throws SettingsException {
        Optional<String> v = text(values, SettingName.ICEWARN_LOG_LEVEL);
        if (v.isEmpty()) {
            return v;
        }
        String upper = v.get().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(upper)) {
            throw malformed(SettingName.ICEWARN_LOG_LEVEL, "one of TRACE, DEBUG, INFO, WARN, ERROR, OFF", v.get());
        }
        return Optional.of(upper);
    }

    private static LogFormat format(Map<String, String> values) throws SettingsException {
        Optional<String> v = text(values, SettingName.ICEWARN_LOG_FORMAT);
        if (v.isEmpty()) {
            return LogFormat.TEXT;
        }
        switch (v.get().toLowerCase(Locale.ROOT)) {
            case "text":
                return LogFormat.TEXT;
            case "json":
                return LogFormat.JSON;
            default:
                throw malformed(SettingName.ICEWARN_LOG_FORMAT, "text or json", v.get());
        }
    }

    private static DiscordEndpoints endpoints(Map<String, String> values) throws SettingsException {
        DiscordEndpoints d = DiscordEndpoints.DISCORD;
        return new DiscordEndpoints(
                url(values, SettingName.ICEWARN_DISCORD_API_URL, "http", d.restBase()),
                url(values, SettingName.ICEWARN_DISCORD_GATEWAY_URL, "ws", d.gateway()));
    }

    /** Returns the absolute URL of {@code name} whose scheme is {@code scheme} or its secure form, else {@code dflt}. */
    private static URI url(Map<String, String> values, SettingName name, String scheme, URI dflt)
            throws SettingsException {
        Optional<String> v = text(values, name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            URI uri = new URI(v.get());
            String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((s.equals(scheme) || s.equals(scheme + "s")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // falls through to the message below
        }
        throw malformed(name, "an absolute " + scheme + ":// or " + scheme + "s:// URL", v.get());
    }

    private static SettingsException malformed(SettingName name, String expected, String got) {
        String oneLine = got.replaceAll("\\p{Cntrl}", "?");
        String shown = oneLine.codePointCount(0, oneLine.length()) > 60
                ? oneLine.substring(0, oneLine.offsetByCodePoints(0, 60)) + "…"
                : oneLine;
        return new SettingsException(name.name() + ": expected " + expected + ", got \"" + shown + "\"");
    }
}
