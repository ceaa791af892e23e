package io.icewarn.bot.safety;

import java.util.regex.Pattern;

/**
 * Hides IP addresses and host names in text shown to others. Stateless and thread-safe; the patterns
 * have bounded quantifiers only, so the work is linear in the text length.
 */
public final class Redactor {
    /** What an IP address becomes. */
    public static final String IP = "[ip]";
    /** What a host name becomes. */
    public static final String HOST = "[host]";

    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w.]*\\w)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}(?::|[0-9A-Fa-f]{1,4})(?![\\w:])|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?<![\\w.@-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,10}[A-Za-z][A-Za-z0-9-]{1,62}(?![\\w-])");

    private Redactor() {}

    /** Returns {@code text} with every IPv4/IPv6 address and dotted host name replaced by a placeholder. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String t = IPV4.matcher(text).replaceAll(IP);
        t = IPV6.matcher(t).replaceAll(IP);
        return HOSTNAME.matcher(t).replaceAll(HOST);
    }
}
