package io.icewarn.decoder.model;

import java.util.Optional;

/**
 * A client media port range such as {@code PortRange=50040:50049}.
 *
 * @param min the first port
 * @param max the last port, at least {@code min}
 */
public record PortRange(int min, int max) {
    public PortRange {
        if (min < 0 || max > 65535 || max < min) {
            throw new IllegalArgumentException("bad port range " + min + ":" + max);
        }
    }

    /** Returns the number of ports in the range. */
    public int size() {
        return max - min + 1;
    }

    /** Returns the range written as {@code min:max} (or {@code min-max}), if valid. */
    public static Optional<PortRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        int sep = t.indexOf(':');
        if (sep < 0) {
            sep = t.indexOf('-');
        }
        if (sep <= 0 || sep == t.length() - 1) {
            return Optional.empty();
        }
        String a = t.substring(0, sep).strip();
        String b = t.substring(sep + 1).strip();
        if (!digits(a) || !digits(b)) {
            return Optional.empty();
        }
        int lo = Integer.parseInt(a);
        int hi = Integer.parseInt(b);
        if (lo > 65535 || hi > 65535 || hi < lo) {
            return Optional.empty();
        }
        return Optional.of(new PortRange(lo, hi));
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
