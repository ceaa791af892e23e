package io.icewarn.decoder.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An address field such as {@code LocalSite=10.0.0.15:50010} or {@code LocalMR=192.168.100.1::58503}.
 *
 * @param raw the value as written
 * @param host the host or IP part, possibly empty when the value was scrubbed
 * @param port the port, when one was written and is 0–65535
 */
public record Endpoint(String raw, String host, OptionalInt port) {
    /**
     * Returns the endpoint written in {@code text}: {@code host:port}, {@code host::port} or a bare host;
     * empty for an empty value.
     */
    public static Optional<Endpoint> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            return Optional.of(new Endpoint(t, t, OptionalInt.empty()));
        }
        String portText = t.substring(colon + 1);
        int hostEnd = colon;
        while (hostEnd > 0 && t.charAt(hostEnd - 1) == ':') {
            hostEnd--;
        }
        String host = t.substring(0, hostEnd);
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        if (bracketed) {
            host = host.substring(1, host.length() - 1);
        }
        OptionalInt port = parsePort(portText);
        if (!bracketed && (port.isEmpty() || host.indexOf(':') >= 0)) {
            // an IPv6 address without a port, or no usable port at all
            boolean ipv6 = t.indexOf(':') != colon || host.indexOf(':') >= 0;
            return Optional.of(ipv6 ? new Endpoint(t, t, OptionalInt.empty()) : new Endpoint(t, host, port));
        }
        return Optional.of(new Endpoint(t, host, port));
    }

    private static OptionalInt parsePort(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return OptionalInt.empty();
            }
        }
        int p = Integer.parseInt(s);
        return p <= 65535 ? OptionalInt.of(p) : OptionalInt.empty();
    }

    /** Returns true when the host is an IPv4 address in a private, loopback, link-local or CGNAT range. */
    public boolean isPrivateIpv4() {
        long address = ipv4();
        return address >= 0 && isPrivate((int) (address >>> 24), (int) (address >>> 16) & 0xFF);
    }

    /** Returns true when the host is an IPv4 address outside the private ranges of {@link #isPrivateIpv4()}. */
    public boolean isPublicIpv4() {
        long address = ipv4();
        return address >= 0 && !isPrivate((int) (address >>> 24), (int) (address >>> 16) & 0xFF);
    }

    private static boolean isPrivate(int first, int second) {
        return first == 10
                || first == 127
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 169 && second == 254)
                || (first == 100 && second >= 64 && second <= 127);
    }

    /** Returns the host as a 32-bit IPv4 address (dotted decimal, 1–3 digits per octet), or -1. */
    private long ipv4() {
        long address = 0;
        int octets = 0;
        int i = 0;
        int n = host.length();
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < n && i - start < 3 && host.charAt(i) >= '0' && host.charAt(i) <= '9') {
                octet = octet * 10 + (host.charAt(i) - '0');
                i++;
            }
            if (i == start || octet > 255) {
                return -1;
            }
            address = address << 8 | octet;
            octets++;
            if (octets < 4) {
                if (i >= n || host.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == n ? address : -1;
    }
}
