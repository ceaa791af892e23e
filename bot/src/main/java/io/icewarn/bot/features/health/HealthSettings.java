package io.icewarn.bot.features.health;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the health/metrics endpoint listens, and whether it runs at all.
 *
 * <p>Read from {@value #ENABLED} ({@code true}/{@code false}; default on for the bot, off in console mode), {@value
 * #PORT} (default {@value #DEFAULT_PORT}; {@code 0} picks a free port) and {@value #BIND} (default {@code 0.0.0.0};
 * use {@code 127.0.0.1} on a shared host).
 *
 * @param enabled whether to start the server
 * @param bindAddress the address to bind, never null
 * @param port the TCP port, {@code 0..65535}
 */
public record HealthSettings(boolean enabled, String bindAddress, int port) {

    public static final String ENABLED = "ICEWARN_HTTP_ENABLED";
    public static final String PORT = "ICEWARN_HTTP_PORT";
    public static final String BIND = "ICEWARN_HTTP_BIND";
    public static final int DEFAULT_PORT = 8080;

    public HealthSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT + " must be 0..65535, got " + port);
        }
    }

    /**
     * Returns the settings from environment-style {@code env}.
     *
     * @param consoleMode true when the process runs the console instead of connecting to Discord: the endpoint is
     *     then off unless {@value #ENABLED} is {@code true}
     * @throws IllegalArgumentException with a one-line message naming the bad variable
     */
    public static HealthSettings fromEnv(Map<String, String> env, boolean consoleMode) {
        boolean enabled = !consoleMode;
        String rawEnabled = blankToNull(env.get(ENABLED));
        if (rawEnabled != null) {
            enabled = switch (rawEnabled.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on" -> true;
                case "false", "no", "0", "off" -> false;
                default ->
                    throw new IllegalArgumentException(ENABLED + " must be true or false, got '" + rawEnabled + "'");
            };
        }
        String rawPort = blankToNull(env.get(PORT));
        int port = DEFAULT_PORT;
        if (rawPort != null) {
            try {
                port = Integer.parseInt(rawPort);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PORT + " must be a number 0..65535, got '" + rawPort + "'");
            }
        }
        String bind = blankToNull(env.get(BIND));
        return new HealthSettings(enabled, bind == null ? "0.0.0.0" : bind, port);
    }

    /** Returns the socket address to bind. */
    public InetSocketAddress address() {
        return new InetSocketAddress(bindAddress, port);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
