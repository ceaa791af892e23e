package io.icewarn.decoder.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An ICE warning bitmask as written, with its numeric value.
 *
 * @param raw the text it was parsed from, stripped
 * @param value the unsigned 32-bit value (0 to 0xFFFFFFFF)
 * @param radix how {@code raw} was read
 */
public record IceWarn(String raw, long value, Radix radix) {
    /** How a written value was read. */
    public enum Radix {
        /** Written with a {@code 0x} prefix. */
        HEX,
        /** Hex digits without a prefix, read as hex because a letter a–f made that certain. */
        HEX_UNPREFIXED,
        /** Decimal digits only, read as decimal (the caller may want to mention the hex reading). */
        DECIMAL
    }

    public IceWarn {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ICEWarn out of 32-bit range: " + value);
        }
        raw = raw.strip();
    }

    /**
     * Returns the value written in {@code text}: {@code 0x320} or {@code 0X320} as hex, digits with a
     * letter a–f as hex, digits only as decimal; empty when it is not a 32-bit unsigned number.
     */
    public static Optional<IceWarn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        boolean prefixed = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X');
        String digits = prefixed ? t.substring(2) : t;
        if (digits.isEmpty() || digits.length() > 10) {
            return Optional.empty();
        }
        boolean hexLetter = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            boolean dec = c >= '0' && c <= '9';
            boolean hex = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!dec && !hex) {
                return Optional.empty();
            }
            hexLetter |= hex;
        }
        Radix radix = prefixed ? Radix.HEX : hexLetter ? Radix.HEX_UNPREFIXED : Radix.DECIMAL;
        if ((radix != Radix.DECIMAL && digits.length() > 8)) {
            return Optional.empty();
        }
        long v = Long.parseLong(digits, radix == Radix.DECIMAL ? 10 : 16);
        if (v > 0xFFFF_FFFFL) {
            return Optional.empty();
        }
        return Optional.of(new IceWarn(t, v, radix));
    }

    /**
     * Returns why {@code text} is not an ICEWarn value, in one sentence for the user, or empty when
     * {@link #parse} reads it. Says precisely what is wrong: no digits, a character that is no digit, a sign,
     * or a value over 32 bits.
     */
    public static Optional<String> problem(String text) {
        if (parse(text).isPresent()) {
            return Optional.empty();
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.of("the value is empty; give it as 0x320 (hex) or 800 (decimal)");
        }
        if (t.startsWith("-")) {
            return Optional.of(t + " is negative; an ICEWarn value is a bitmask from 0x0 to 0xffffffff");
        }
        boolean prefixed = t.length() >= 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X');
        String digits = prefixed ? t.substring(2) : t;
        if (digits.isEmpty()) {
            return Optional.of(t + " has no digits after 0x; give it as 0x320");
        }
        boolean hexLetter = false;
        for (int i = 0; i < digits.length(); i = digits.offsetByCodePoints(i, 1)) {
            int c = digits.codePointAt(i);
            boolean dec = c >= '0' && c <= '9';
            boolean hex = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!dec && !hex) {
                return Optional.of("'" + new String(Character.toChars(c)) + "' is not a digit of a hex (0-9, a-f) or"
                        + " decimal number; give the value as 0x320 or 800");
            }
            hexLetter |= hex;
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (prefixed || hexLetter) {
            if (significant.length() > 8) {
                return Optional.of(t + " is over 32 bits (" + (significant.length() * 4) + " bits of hex digits);"
                        + " an ICEWarn value is at most 0xffffffff");
            }
            return Optional.of(t + " has more than 8 hex digits; write it without the leading zeros, as "
                    + (prefixed ? "0x" : "") + significant);
        }
        return Optional.of(t + " is over 32 bits; an ICEWarn value is at most 4294967295 (0xffffffff)");
    }

    /** Returns the set bits, lowest first, each as a single-bit value. */
    public List<Long> setBits() {
        List<Long> bits = new ArrayList<>(Long.bitCount(value));
        long rest = value;
        while (rest != 0) {
            long low = Long.lowestOneBit(rest);
            bits.add(low);
            rest &= ~low;
        }
        return bits;
    }

    /** Returns the value as {@code 0x…} in lower case. */
    public String hex() {
        return "0x" + Long.toHexString(value).toLowerCase(Locale.ROOT);
    }

    /** Returns {@code bit} written as {@code 0x…} in lower case. */
    public static String hex(long bit) {
        return "0x" + Long.toHexString(bit).toLowerCase(Locale.ROOT);
    }
}
