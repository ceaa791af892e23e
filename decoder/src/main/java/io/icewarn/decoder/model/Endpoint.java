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
        int[] o = ipv4Octets();
        if (o == null) {
            return false;
        }
        return o[0] == 10
                || o[0] == 127
                || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
                || (o[0] == 192 && o[1] == 168)
                || (o[0] == 169 && o[1] == 254)
                || (o[0] == 100 && o[1] >= 64 && o[1] <= 127);
    }

    /** Returns true when the host is an IPv4 address outside the private ranges of {@link #isPrivateIpv4()}. */
    public boolean isPublicIpv4() {
        return ipv4Octets() != null && !isPrivateIpv4();
    }

    private int[] ipv4Octets() {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] o = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3) {
                return null;
            }
            for (int j = 0; j < p.length(); j++) {
                if (p.charAt(j) < '0' || p.charAt(j) > '9') {
                    return null;
                }
            }
            o[i] = Integer.parseInt(p);
            if (o[i] > 255) {
                return null;
            }
        }
        return o;
    }
}
