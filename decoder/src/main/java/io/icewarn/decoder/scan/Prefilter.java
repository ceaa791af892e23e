package io.icewarn.decoder.scan;

import java.nio.ByteBuffer;

/**
 * Finds, in the low eight bits of the text's characters, the few places where the scanner can do
 * anything: an anchor, a QoE tag, or a SIP status or request line. Each of them contains one of six
 * trigger bytes within {@link #BACK} characters after where it starts, unless a line wrap splits it (see
 * below): {@code g} ({@code diagnostics} of
 * every header, {@code MediaDebug}), {@code ;} ({@code 25; reason=} of the report form, {@code Q.850;cause=}
 * of a Reason header), {@code /} ({@code SIP/2.0}, which begins a status line and ends a request line),
 * {@code <} (QoE tags), {@code f} ({@code Final SIP code} and the other Teams labels that start with
 * {@code final}) and a capital {@code E} ({@code CallEndSubReason}, {@code Call End Reason}). These are rare
 * in logs next to {@code = - : /} of dates, addresses and SIP parameters. Eight bytes at a time are tested
 * for them (SWAR), each trigger is checked against the byte before and after it with two table look-ups, and
 * only one that passes a closer check sends the scanner to look at the characters around it.
 *
 * <p>A line feed is a seventh trigger: a pasted line may be wrapped anywhere, also inside an anchor
 * ({@code ms-client-diag} / {@code nostics}). Its check joins the {@link #WRAP_SIDE} bytes before the break
 * with those after it (the next line's indentation and quote markers taken out) and passes when a trigger
 * passes there that does not where it is written, or that reveals an anchor starting before the break.
 *
 * <p>The check is conservative: it may pass a place where nothing starts (the scanner then finds
 * nothing), but never rejects one where something does, also when a character above U+00FF has low
 * bits that look like ASCII. So skipping the text between hits changes nothing in the result.
 */
final class Prefilter {
    /** The most spaces the report form allows around its {@code ;}. */
    private static final int REPORT_GAP = 8;

    /** Where {@code g} is in {@code CallerMediaDebug}, the longest way back from a {@code g} to its anchor. */
    private static final int MEDIA_DEBUG_G = Anchor.MEDIA_DEBUG_KEY_LENGTH - 1;

    /**
     * How many bytes on each side of a line break are joined to look for a trigger the break splits (the
     * longest anchor, {@code ms-client-diagnostics}, and the report form's digits and gap fit in it).
     */
    static final int WRAP_SIDE = 24;

    /** A place that matters starts at most this many characters before the hit that reveals it. */
    static final int BACK = Math.max(Math.max(MEDIA_DEBUG_G, Anchor.MAX_CODE_DIGITS + REPORT_GAP), WRAP_SIDE + 1);

    /** The most characters of a QoE tag's name that {@link #qoeTag} reads. */
    private static final int QOE_NAME_CHARS = 64;

    /**
     * The check of a trigger reads at most this many bytes after it: a QoE tag's {@code </}, its name, and
     * {@code connectivity} at the name's last position, after a line break's joined neighbours (its next line's
     * prefix and {@link #WRAP_SIDE} bytes). Hits found in a window are exact up to this far before the window's
     * end.
     */
    static final int AHEAD = 64 + WRAP_SIDE + 2 + QOE_NAME_CHARS + "connectivity".length();

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long G = ONES * 'g';
    /** {@code (b | 0x21) == 'g'} holds for {@code f F g G}: the Teams {@code final} costs no extra test. */
    private static final long F_G_BITS = ONES * 0x21;
    /** A capital {@code E}, of Teams' {@code CallEnd}, is tested exactly. */
    private static final long E = ONES * 'E';
    /** {@code (b | 0x14) == '?'} holds for {@code / ;} (and the rare {@code + ?}, which the tables reject). */
    private static final long SLASH_SEMI_BITS = ONES * 0x14;

    private static final long SLASH_SEMI = ONES * '?';
    private static final long LT = ONES * '<';
    /** A line feed: a line wrap may split an anchor. */
    private static final long LF = ONES * '\n';

    private Prefilter() {}

    /**
     * Writes to {@code out} the offsets in {@code b[from, to)}, {@code from >= 1}, of the triggers whose
     * neighbours allow {@link #passes}, and returns how many; {@code out} needs room for one more than
     * {@code to - from}. When {@code b[from, to)} holds a byte above 0x7F the result has {@link #NOT_ASCII}
     * set as well. No branch depends on the kind of trigger or on the tables, so a block costs about the
     * same whatever is in it: a word of eight bytes is tested for triggers at once, and each trigger is
     * written and counted only when both tables allow it.
     */
    static int candidates(ByteBuffer b, int from, int to, int[] out) {
        int n = 0;
        long seen = 0;
        int i = from;
        int wordsEnd = Math.min(to, b.limit() - 1) - 8; // a word's last trigger still has a byte after it
        for (; i <= wordsEnd; i += 8) {
            long w = b.getLong(i);
            seen |= w;
            long m = triggers(w);
            while (m != 0) {
                int p = i + (Long.numberOfTrailingZeros(m) >>> 3);
                int trigger = b.get(p) & 0xFF;
                out[n] = p;
                n += BEFORE[(b.get(p - 1) & 0xFF) << 8 | trigger] & AFTER[trigger << 8 | b.get(p + 1) & 0xFF];
                m &= m - 1;
            }
        }
        for (; i < to; i++) {
            seen |= b.get(i) & 0xFF;
            if (candidate(b, i)) {
                out[n++] = i;
            }
        }
        return (seen & HIGH) != 0 ? n | NOT_ASCII : n;
    }

    /** Set in what {@link #candidates} returns when the block is not all ASCII. */
    static final int NOT_ASCII = Integer.MIN_VALUE;

    /** Returns a word with the high bit set in each byte of {@code w} that may be a trigger (and in none that is not). */
    private static long triggers(long w) {
        long g = (w | F_G_BITS) ^ G;
        long slashSemi = (w | SLASH_SEMI_BITS) ^ SLASH_SEMI;
        long lt = w ^ LT;
        long e = w ^ E;
        long lf = w ^ LF;
        // a byte of x is zero where a trigger is; (x - 1) & ~x has its high bit there, or after a borrow
        // where x is 1 above a zero byte: the tables reject those
        return ((g - ONES) & ~g
                        | (slashSemi - ONES) & ~slashSemi
                        | (lt - ONES) & ~lt
                        | (e - ONES) & ~e
                        | (lf - ONES) & ~lf)
                & HIGH;
    }

    /**
     * Returns the first offset at which something revealed by the passing hit at {@code p} may start:
     * the scanner looks at the characters from there to {@code p}.
     */
    static int windowStart(ByteBuffer b, int p) {
        switch (b.get(p)) {
            case 'g':
            case 'G':
                return p - MEDIA_DEBUG_G; // CallerMediaDebug, ms-client-diagnostics
            case ';':
                return p - (Anchor.MAX_CODE_DIGITS + REPORT_GAP); // 123456789 ; reason=
            case '/':
                return p - 3; // SIP/2.0
            case '\n':
                return p - WRAP_SIDE - 1; // an anchor split by a wrap, CRLF included
            default:
                return p; // <, and Teams' final and End, whose anchors are read at the trigger
        }
    }

    /**
     * Returns true when the trigger at offset 0, which has no byte before it for the tables, passes: only
     * {@code <} and Teams' {@code final} can start the text.
     */
    static boolean passesAtStart(ByteBuffer b, int limit, boolean ascii) {
        int c = b.get(0);
        return (c == '<' || (c | 0x20) == 'f') && passes(b, limit, 0, ascii);
    }

    /**
     * Returns false when the bytes around {@code p > 0} rule out {@link #passes}: two table look-ups. The
     * byte after the text's end may be stale or absent: a trigger there cannot pass anyway, since each
     * needs more text after it.
     */
    static boolean candidate(ByteBuffer b, int p) {
        int trigger = b.get(p) & 0xFF;
        int after = p + 1 < b.limit() ? b.get(p + 1) & 0xFF : 0;
        return (BEFORE[(b.get(p - 1) & 0xFF) << 8 | trigger] & AFTER[trigger << 8 | after]) != 0;
    }

    /**
     * For each pair (the byte before, the trigger), 1 where {@link #passes} can hold: {@code ag ug}
     * ({@code diagnostics}, {@code MediaDebug}), a digit or a possible space before {@code ;}, {@code p/}
     * ({@code SIP/}), every {@code <} and every {@code f} (a word may start after any character above U+00FF),
     * and {@code lE tE} or a space before {@code E} ({@code CallEnd}, {@code ParticipantEnd}, {@code Call End});
     * else 0, so that candidates are counted without a branch.
     */
    private static final byte[] BEFORE = new byte[1 << 16];

    /**
     * For each pair (the trigger, the byte after), 1 where {@link #passes} can hold: {@code gn}, or {@code g}
     * before {@code =} or a possible space; {@code ;} before {@code r}, {@code c}, {@code t} or a possible space;
     * {@code /2}; {@code <} before a letter or {@code /}; {@code fi}; {@code En}; else 0.
     */
    private static final byte[] AFTER = new byte[1 << 16];

    static {
        // only the trigger columns are set: a start-up cost of a few thousand steps, not 2 x 65,536
        for (int c = 0; c < 256; c++) {
            int lower = c | 0x20;
            boolean space = maybeSpace((byte) c);
            allow(BEFORE, c << 8 | 'g', lower == 'a' || lower == 'u');
            allow(BEFORE, c << 8 | 'G', lower == 'a' || lower == 'u');
            allow(AFTER, 'g' << 8 | c, lower == 'n' || c == '=' || space);
            allow(AFTER, 'G' << 8 | c, lower == 'n' || c == '=' || space);
            allow(BEFORE, c << 8 | ';', Source.isDigit((char) c) || space);
            allow(AFTER, ';' << 8 | c, lower == 'r' || lower == 'c' || lower == 't' || space);
            allow(BEFORE, c << 8 | '/', lower == 'p');
            allow(AFTER, '/' << 8 | c, c == '2');
            allow(BEFORE, c << 8 | '<', true);
            allow(AFTER, '<' << 8 | c, c == '/' || Source.isAsciiLetter((char) c));
            allow(BEFORE, c << 8 | 'f', true);
            allow(BEFORE, c << 8 | 'F', true);
            allow(AFTER, 'f' << 8 | c, lower == 'i');
            allow(AFTER, 'F' << 8 | c, lower == 'i');
            allow(BEFORE, c << 8 | 'E', lower == 'l' || lower == 't' || c == ' ');
            allow(AFTER, 'E' << 8 | c, lower == 'n');
            allow(BEFORE, c << 8 | '\n', c != '\n');
            allow(AFTER, '\n' << 8 | c, c != '\n' && c != '\r');
        }
    }

    private static void allow(byte[] table, int pair, boolean allowed) {
        table[pair] = (byte) (allowed ? 1 : 0);
    }

    /**
     * Returns true when the trigger byte at {@code p} may belong to something the scanner reacts to. The
     * buffer is little-endian and read at absolute offsets; only {@code b[0, limit)} holds text. With
     * {@code ascii} the bytes are the characters themselves; otherwise they are the low eight bits of each
     * character.
     */
    static boolean passes(ByteBuffer b, int limit, int p, boolean ascii) {
        switch (b.get(p)) {
            case 'g': // ms-client-diagnostics, (x-)ms-diagnostics(-public), x-ms-SDP-diagnostics;
            // Caller/CalleeMediaDebug
            case 'G':
                return is(b, limit, p - 3, "diagnostics") || is(b, limit, p - 9, "mediadebug");
            case ';': // 25; reason=…, Q.850;cause=…, with up to 8 spaces on each side of the ';'
                return reportAround(b, limit, p) || q850Around(b, limit, p);
            case 'f': // Final SIP code, finalSipCode, …
            case 'F':
                return is(b, limit, p, "final");
            case 'E': // CallEnd…, Call End…, ParticipantEnd…
                return is(b, limit, p, "end")
                        && (is(b, limit, p - 4, "call")
                                || is(b, limit, p - 5, "call ")
                                || is(b, limit, p - 11, "participant")
                                || is(b, limit, p - 12, "participant "));
            case '<':
                return qoeTag(b, limit, p);
            case '\n':
                return splitsTrigger(b, limit, p, ascii);
            case '/': // SIP/2.0, unless SIP/2.0/TLS of a Via header (a U+202F space has the low bits of '/')
                return is(b, limit, p - 3, "sip")
                        && is(b, limit, p + 1, "2.0")
                        && (!ascii || at(b, limit, p + 4) != '/');
            default:
                return false;
        }
    }

    /**
     * Returns true when the line break at {@code p} may be a wrap that splits something the scanner reacts to:
     * with the break, the next line's indentation and quote markers taken out, a trigger passes that does not
     * pass where it is written.
     */
    private static boolean splitsTrigger(ByteBuffer b, int limit, int p, boolean ascii) {
        int end = p > 0 && b.get(p - 1) == '\r' ? p - 1 : p;
        if (end == 0) {
            return false;
        }
        // the indentation and quote markers the scanner skips; not '/' (a U+202F space has its low bits, but
        // "SIP" / "/2.0" is what matters here)
        int next = p + 1;
        while (next < limit && next - p < 64 && b.get(next) != '/' && (maybeSpace(b.get(next)) || b.get(next) == '>')) {
            next++;
        }
        if (next >= limit) {
            return false;
        }
        int last = b.get(end - 1) & 0xFF;
        int first = b.get(next) & 0xFF;
        int pair = last << 8 | first;
        if (WRAP_PAIR[pair] == 0 && QOE_NAME_PAIR[pair] == 0 || first == '\n' || first == '\r' || last == '\n') {
            return false; // a blank line, or two characters next to each other in no anchor
        }
        int from = end;
        while (from > 0 && end - from < WRAP_SIDE && b.get(from - 1) != '\n' && b.get(from - 1) != '\r') {
            from--;
        }
        if (WRAP_PAIR[pair] == 0 && !ltBefore(b, from, end)) {
            return false; // a QoE tag's name can be split only after its '<'
        }
        int to = next;
        while (to < limit && to - next < WRAP_SIDE && b.get(to) != '\n' && b.get(to) != '\r') {
            to++;
        }
        int before = end - from;
        byte[] joined = new byte[before + to - next];
        b.get(from, joined, 0, before);
        b.get(next, joined, before, to - next);
        ByteBuffer j = ByteBuffer.wrap(joined);
        for (int t = 0; t < joined.length; t++) {
            int c = joined[t];
            if (!isTrigger(c)) {
                continue;
            }
            int written = t < before ? from + t : next + t - before;
            // a trigger the break splits, or whole after it but revealing an anchor that starts before it
            if (passes(j, joined.length, t, ascii)
                    && (!passes(b, limit, written, ascii) || windowStart(j, t) < before)) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when a {@code <} is in {@code b[from, end)}: a QoE tag's name may be split after it. */
    private static boolean ltBefore(ByteBuffer b, int from, int end) {
        for (int i = end - 1; i >= from; i--) {
            if (b.get(i) == '<') {
                return true;
            }
        }
        return false;
    }

    /**
     * For each pair of bytes (before a wrap, after it), 1 when the two are next to each other somewhere in the
     * text {@link #passes} checks or between an anchor's start and its trigger: the letters of the anchors'
     * words in any case, digits, spaces and {@code ;} around the report form's and Q.850's {@code ;}, a QoE
     * tag's {@code <}. A wrap between any other two characters cannot split what the prefilter looks for.
     */
    private static final byte[] WRAP_PAIR = new byte[1 << 16];

    /** As {@link #WRAP_PAIR} for the characters of a QoE tag's name (any name, with its namespace prefix). */
    private static final byte[] QOE_NAME_PAIR = new byte[1 << 16];

    static {
        String[] words = {
            "ms-client-diagnostics",
            "ms-diagnostics-public",
            "x-ms-diagnostics",
            "x-ms-sdp-diagnostics",
            "callermediadebug",
            "calleemediadebug",
            "q.850",
            "sip/2.0",
            "final",
            "callend",
            "call end",
            "participantend",
            "participant end",
            "reason",
            "cause",
            "text",
            "debug="
        };
        for (String w : words) {
            for (int k = 0; k + 1 < w.length(); k++) {
                for (int a : cases(w.charAt(k))) {
                    for (int c : cases(w.charAt(k + 1))) {
                        WRAP_PAIR[a << 8 | c] = 1;
                    }
                }
            }
        }
        for (int a = 0; a < 256; a++) {
            for (int c = 0; c < 256; c++) {
                boolean digitA = a >= '0' && a <= '9';
                boolean digitC = c >= '0' && c <= '9';
                boolean spaceA = maybeSpace((byte) a) || a == ';';
                boolean spaceC = maybeSpace((byte) c) || c == ';';
                int lowerC = c | 0x20;
                boolean keyword = lowerC == 'r' || lowerC == 'c' || lowerC == 't';
                if ((digitA || spaceA) && (digitC || spaceC) || spaceA && keyword) {
                    WRAP_PAIR[a << 8 | c] = 1; // 25 ; reason=, Q.850 ; cause=
                }
                if (a == '<' && (c == '/' || Source.isAsciiLetter((char) c))
                        || a == '/' && Source.isAsciiLetter((char) c)) {
                    WRAP_PAIR[a << 8 | c] = 1; // <Ice, </Ice
                }
                boolean nameA = a < 128 && (Source.isKeyChar((char) a) || a == ':');
                boolean nameC = c < 128 && (Source.isKeyChar((char) c) || c == ':');
                QOE_NAME_PAIR[a << 8 | c] = (byte) (nameA && nameC ? 1 : 0);
            }
        }
    }

    private static int[] cases(char c) {
        return c >= 'a' && c <= 'z' ? new int[] {c, c - 32} : new int[] {c};
    }

    private static boolean isTrigger(int c) {
        return c == 'g' || c == 'G' || c == ';' || c == '<' || c == 'f' || c == 'F' || c == 'E' || c == '/';
    }

    /** Returns true when {@code <digits> <spaces> ; <spaces> reason} is written around the {@code ;} at {@code p}. */
    private static boolean reportAround(ByteBuffer b, int limit, int p) {
        int k = p - 1;
        for (int n = 0; n < REPORT_GAP && k >= 0 && maybeSpace(b.get(k)); n++) {
            k--;
        }
        int d = at(b, limit, k);
        if (d < '0' || d > '9') {
            return false;
        }
        int j = p + 1;
        for (int n = 0; n < REPORT_GAP && j < limit && maybeSpace(b.get(j)); n++) {
            j++;
        }
        return is(b, limit, j, "reason");
    }

    /** Returns true when {@code q.850 <spaces> ; <spaces>} and {@code cause} or {@code text} are around the {@code ;} at {@code p}. */
    private static boolean q850Around(ByteBuffer b, int limit, int p) {
        int k = p - 1;
        for (int n = 0; n < REPORT_GAP && k >= 0 && maybeSpace(b.get(k)); n++) {
            k--;
        }
        if (!is(b, limit, k - 4, "q.850")) {
            return false;
        }
        int j = p + 1;
        for (int n = 0; n < REPORT_GAP && j < limit && maybeSpace(b.get(j)); n++) {
            j++;
        }
        return is(b, limit, j, "cause") || is(b, limit, j, "text");
    }

    /**
     * Returns true when a tag name after {@code <} (or {@code </}) has a part, at its start or after a
     * {@code :}, that begins with {@code ice}, {@code connectivity} or {@code medialine} in any case.
     */
    private static boolean qoeTag(ByteBuffer b, int limit, int p) {
        int j = p + 1;
        if (at(b, limit, j) == '/') {
            j++;
        }
        if (!Source.isAsciiLetter((char) at(b, limit, j))) {
            return false;
        }
        int end = Math.min(limit, j + QOE_NAME_CHARS);
        while (j < end) {
            int l = b.get(j) | 0x20; // a part of the name starts at j
            if (l == 'i' && is(b, limit, j, "ice")
                    || l == 'c' && is(b, limit, j, "connectivity")
                    || l == 'm' && is(b, limit, j, "medialine")) {
                return true;
            }
            while (j < end && NAME_CHAR[b.get(j) & 0xFF] != 0) {
                j++;
            }
            if (j >= end || b.get(j) != ':') {
                return false;
            }
            j++;
        }
        return false;
    }

    /** 1 for the characters of a part of a tag name ({@link Source#isKeyChar}); the parts are split at {@code :}. */
    private static final byte[] NAME_CHAR = new byte[256];

    static {
        for (char c = 0; c < 128; c++) {
            NAME_CHAR[c] = (byte) (Source.isKeyChar(c) ? 1 : 0);
        }
    }

    /** Bytes that may be the low bits of a character {@link Source#isSpace} accepts. */
    private static boolean maybeSpace(int c) {
        return c == ' ' || c == '\t' || c == '\f' || c == 0x0B || c == 0x07 || c == '/' || c < 0;
    }

    private static int at(ByteBuffer b, int limit, int i) {
        return i >= 0 && i < limit ? b.get(i) : -1;
    }

    /** Returns true when {@code lower} (ASCII lower case) is at {@code i} in any ASCII case. */
    private static boolean is(ByteBuffer b, int limit, int i, String lower) {
        if (i < 0 || i + lower.length() > limit) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            int c = b.get(i + k);
            int p = lower.charAt(k);
            if (c != p && !(p >= 'a' && p <= 'z' && c == p - 32)) {
                return false;
            }
        }
        return true;
    }
}
