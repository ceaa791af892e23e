package io.icewarn.decoder.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds, in the low eight bits of the text's characters, the few places where the scanner can do
 * anything: an anchor, a QoE tag, or a SIP status or request line. Everything the scanner reacts to is
 * ASCII and contains one of five punctuation bytes within {@link #BACK} characters after where it
 * starts: {@code -} ({@code ms-…diagnostics}), {@code =} ({@code reason=}, {@code …MediaDebug=}),
 * {@code <} (QoE tags), {@code /} ({@code SIP/2.0}) and {@code :} ({@code INVITE sip:}). Eight bytes at a
 * time are tested for those five (SWAR), and each hit is checked against its few neighbours; only a hit
 * that passes sends the scanner to look at the characters around it.
 *
 * <p>The check is conservative: it may pass a place where nothing starts (the scanner then finds
 * nothing), but never rejects one where something does, also when a character above U+00FF has low
 * bits that look like ASCII. So skipping the text between hits changes nothing in the result.
 */
final class Prefilter {
    /** A place that matters starts at most this many characters before the hit that reveals it. */
    static final int BACK = 48;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    /** {@code (b | 1) == '='} holds for {@code <} and {@code =}. */
    private static final long LT_EQ = ONES * '=';
    /** {@code (b | 2) == '/'} holds for {@code -} and {@code /}. */
    private static final long DASH_SLASH = ONES * '/';

    private static final long COLON = ONES * ':';

    private Prefilter() {}

    /**
     * Returns the first hit in {@code b[from, to)} that passes its check, or -1. Only {@code b[0, limit)}
     * holds text; the checks look at neighbours up to {@code limit}, also after {@code to}. With {@code ascii}
     * the bytes are the characters themselves; otherwise they are the low eight bits of each character.
     */
    static int next(byte[] b, int limit, int from, int to, boolean ascii) {
        int end = Math.min(to, limit);
        int i = Math.max(0, from);
        if (i == 0 && end > 0 && b[0] == '<' && passes(b, limit, 0, ascii)) {
            return 0; // the only trigger that can pass without a byte before it
        }
        i = Math.max(1, i);
        while (i + 8 <= end) {
            long w = (long) LONGS.get(b, i);
            // -, / and : count only after a letter (s- p/ p: l: s:), which rules out timestamps and dates early
            long letterBefore = ((long) LONGS.get(b, i - 1) << 1) & HIGH;
            long m = mayBeZero((w | ONES) ^ LT_EQ)
                    | (mayBeZero((w | (ONES << 1)) ^ DASH_SLASH) | mayBeZero(w ^ COLON)) & letterBefore;
            while (m != 0) {
                int p = i + (Long.numberOfTrailingZeros(m) >>> 3);
                if (candidate(b, p) && passes(b, limit, p, ascii)) {
                    return p;
                }
                m &= m - 1;
            }
            i += 8;
        }
        for (; i < end; i++) {
            if (candidate(b, i) && passes(b, limit, i, ascii)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the first offset at which something revealed by the passing hit at {@code p} may start:
     * the scanner looks at the characters from there to {@code p}.
     */
    static int windowStart(byte[] b, int p) {
        switch (b[p]) {
            case '-':
                return p - 4; // x-ms-…
            case '/':
                return p - 3; // SIP/2.0
            case ':':
                return p - 15; // NEGOTIATE sips:
            case '<':
                return p;
            default:
                return p - BACK; // 123456789 ; reason = / CallerMediaDebug =
        }
    }

    /**
     * Returns a word with the high bit set in every byte of {@code x} that is zero, and perhaps also in a
     * byte of 0x01 above a zero byte (the borrow): {@link #candidate} rules those out.
     */
    private static long mayBeZero(long x) {
        return (x - ONES) & ~x & HIGH;
    }

    /**
     * Returns false when the bytes around {@code p > 0} rule out {@link #passes}: two table look-ups, no
     * branch per kind of trigger. A byte after the text's end (stale or absent) only makes this true more often.
     */
    private static boolean candidate(byte[] b, int p) {
        int trigger = b[p] & 0xFF;
        int after = p + 1 < b.length ? b[p + 1] & 0xFF : 0;
        return BEFORE[(b[p - 1] & 0xFF) << 8 | trigger] && AFTER[trigger << 8 | after];
    }

    /**
     * For each pair (the byte before, the trigger) whether {@link #passes} can hold: {@code s-}
     * ({@code ms-}), {@code p/} ({@code SIP/}), {@code p: l: s:} ({@code sip: tel: sips:}), {@code =} after a
     * letter that ends {@code reason} or {@code MediaDebug} or after a possible space, and every {@code <}.
     * This rules out most triggers of a log (timestamps, dates, URLs, SIP parameters).
     */
    private static final boolean[] BEFORE = new boolean[1 << 16];

    /**
     * For each pair (the trigger, the byte after) whether {@link #passes} can hold: {@code -d -c -s}
     * ({@code diagnostics client- sdp-}), {@code /2} ({@code /2.0}), {@code <} before a letter or {@code /};
     * anything after {@code :} and {@code =}.
     */
    private static final boolean[] AFTER = new boolean[1 << 16];

    static {
        for (int c = 0; c < 256; c++) {
            int lower = c | 0x20;
            BEFORE[c << 8 | '-'] = lower == 's';
            BEFORE[c << 8 | '/'] = lower == 'p';
            BEFORE[c << 8 | ':'] = lower == 'p' || lower == 'l' || lower == 's';
            BEFORE[c << 8 | '='] = lower == 'n' || lower == 'g' || maybeSpace((byte) c);
            BEFORE[c << 8 | '<'] = true;
            AFTER['-' << 8 | c] = lower == 'd' || lower == 'c' || lower == 's';
            AFTER['/' << 8 | c] = c == '2';
            AFTER[':' << 8 | c] = true;
            AFTER['=' << 8 | c] = true;
            AFTER['<' << 8 | c] = c == '/' || Source.isAsciiLetter((char) c);
        }
    }

    /** Returns true when the trigger byte at {@code p} may belong to something the scanner reacts to. */
    static boolean passes(byte[] b, int limit, int p, boolean ascii) {
        switch (b[p]) {
            case '-': // ms-client-diagnostics, (x-)ms-diagnostics(-public), x-ms-SDP-diagnostics
                return is(b, limit, p - 2, "ms")
                        && (is(b, limit, p + 1, "diagnostics")
                                || is(b, limit, p + 1, "client-diagnostics")
                                || is(b, limit, p + 1, "sdp-diagnostics"));
            case '=': // 25; reason=… and CallerMediaDebug=…, with up to 8 spaces before the '='
                int j = p - 1;
                for (int k = 0; k < 8 && j >= 0 && maybeSpace(b[j]); k++) {
                    j--;
                }
                return is(b, limit, j - 9, "mediadebug")
                        || is(b, limit, j - 5, "reason") && reportBefore(b, limit, j - 6);
            case '<':
                return qoeTag(b, limit, p);
            case '/': // SIP/2.0 and a space: a status line (not Via: SIP/2.0/TLS, nor the end of a request line)
                return is(b, limit, p - 3, "sip")
                        && is(b, limit, p + 1, "2.0")
                        && (ascii ? isSpace(at(b, limit, p + 4)) : maybeSpace(at(b, limit, p + 4)));
            case ':': // a request line: METHOD sip:, sips:, tel:
                return (is(b, limit, p - 3, "sip") || is(b, limit, p - 3, "tel")) && at(b, limit, p - 4) == ' '
                        || is(b, limit, p - 4, "sips") && at(b, limit, p - 5) == ' ';
            default:
                return false;
        }
    }

    /** Returns true when {@code <digits> <spaces> ;<spaces>} ends at {@code j}, as before {@code reason} in the report form. */
    private static boolean reportBefore(byte[] b, int limit, int j) {
        int k = j;
        for (int n = 0; n < 8 && k >= 0 && maybeSpace(b[k]); n++) {
            k--;
        }
        if (at(b, limit, k) != ';') {
            return false;
        }
        k--;
        for (int n = 0; n < 8 && k >= 0 && maybeSpace(b[k]); n++) {
            k--;
        }
        int d = at(b, limit, k);
        return d >= '0' && d <= '9';
    }

    /**
     * Returns true when a tag name after {@code <} (or {@code </}) has a part, at its start or after a
     * {@code :}, that begins with {@code ice}, {@code connectivity} or {@code medialine} in any case.
     */
    private static boolean qoeTag(byte[] b, int limit, int p) {
        int j = p + 1;
        if (at(b, limit, j) == '/') {
            j++;
        }
        int start = j;
        if (!Source.isAsciiLetter((char) at(b, limit, j))) {
            return false;
        }
        boolean partStart = true;
        while (j - start < 64 && j < limit) {
            byte c = b[j];
            if (partStart) {
                int l = c | 0x20;
                if (l == 'i' && is(b, limit, j, "ice")
                        || l == 'c' && is(b, limit, j, "connectivity")
                        || l == 'm' && is(b, limit, j, "medialine")) {
                    return true;
                }
            }
            if (c == ':') {
                partStart = true;
            } else if (Source.isKeyChar((char) c)) {
                partStart = false;
            } else {
                return false;
            }
            j++;
        }
        return false;
    }

    /** ASCII characters that {@link Source#isSpace} accepts. */
    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\f' || c == 0x0B;
    }

    /** Bytes that may be the low bits of a character {@link Source#isSpace} accepts. */
    private static boolean maybeSpace(int c) {
        return c == ' ' || c == '\t' || c == '\f' || c == 0x0B || c == 0x07 || c == '/' || c < 0;
    }

    private static int at(byte[] b, int limit, int i) {
        return i >= 0 && i < limit ? b[i] : -1;
    }

    /** Returns true when {@code lower} (ASCII lower case) is at {@code i} in any ASCII case. */
    private static boolean is(byte[] b, int limit, int i, String lower) {
        if (i < 0 || i + lower.length() > limit) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            int c = b[i + k];
            int p = lower.charAt(k);
            if (c != p && !(p >= 'a' && p <= 'z' && c == p - 32)) {
                return false;
            }
        }
        return true;
    }
}
