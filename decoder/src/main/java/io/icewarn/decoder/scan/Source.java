package io.icewarn.decoder.scan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The scanned text with bounds-safe character access and the character classes the readers share.
 * Every method looks at a bounded number of characters.
 *
 * <p>A source may be a window of a longer stream: its characters then sit at absolute offsets
 * {@code base} to {@link #length()} (exclusive), and everything outside reads as {@link #NONE}. The
 * window is held as a string, or as ASCII bytes (one byte per character) so that a log need not be
 * turned into characters at all.
 */
final class Source {
    /** Returned by {@link #at(int)} outside the text. */
    static final char NONE = '\0';

    private final String text;
    private final ByteBuffer ascii;
    private final int base;
    private final int length;

    Source(String text) {
        this(text, 0);
    }

    /** A window holding {@code text} at absolute offsets from {@code base}. */
    Source(String text, int base) {
        this.text = text;
        this.ascii = null;
        this.base = base;
        this.length = base + text.length();
    }

    /**
     * A window holding the ASCII bytes {@code ascii[0, count)} (little-endian, read at absolute offsets) at
     * absolute offsets from {@code base}.
     */
    Source(ByteBuffer ascii, int count, int base) {
        this.text = null;
        this.ascii = ascii;
        this.base = base;
        this.length = base + count;
    }

    /** Returns the absolute offset after the last character. */
    int length() {
        return length;
    }

    /** Returns the absolute offset of the first character held. */
    int base() {
        return base;
    }

    /** Returns the character at {@code i}, or {@link #NONE} outside the text. */
    char at(int i) {
        if (i < base || i >= length) {
            return NONE;
        }
        return ascii != null ? (char) ascii.get(i - base) : text.charAt(i - base);
    }

    String slice(int start, int end) {
        int s = Math.max(base, Math.min(start, length));
        int e = Math.max(s, Math.min(end, length));
        if (ascii != null) {
            byte[] bytes = new byte[e - s];
            ascii.get(s - base, bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text.substring(s - base, e - base);
    }

    /** Returns true when the window is held as ASCII bytes: {@link #lowBytes()} are then the characters themselves. */
    boolean isAscii() {
        return ascii != null;
    }

    /**
     * Returns the low eight bits of every character, {@code [0, length() - base())}, little-endian, for the
     * byte-level prefilter: the bytes themselves for an ASCII window (not a copy).
     */
    ByteBuffer lowBytes() {
        if (ascii != null) {
            return ascii;
        }
        byte[] b = new byte[text.length()];
        lowBytes(text, b);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exactly "the low eight bits"
    private static void lowBytes(String text, byte[] into) {
        text.getBytes(0, text.length(), into, 0);
    }

    /** Returns true when {@code lower} (ASCII, lower case) is written at {@code i} in any ASCII case. */
    boolean matches(int i, String lower) {
        if (i < base || i + lower.length() > length) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char p = lower.charAt(k);
            char c = at(i + k);
            if (p >= 'a' && p <= 'z') {
                if (c != p && c != (char) (p - 32)) {
                    return false;
                }
            } else if (c != p) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns where the text goes on after a line wrap at {@code i}: the next line's content after its
     * indentation and chat-quote markers; {@code i} itself when no line break is at {@code i} or the break
     * cannot be a wrap (the next line is blank, the text ends, or the prefix is implausibly long).
     */
    int afterWrap(int i) {
        char c = at(i);
        if (c != '\n' && c != '\r') {
            return i;
        }
        int k = afterLineBreak(i);
        int content = skipQuotePrefix(k);
        if (content >= length || isLineBreak(at(content)) || content - k >= 64) {
            return i;
        }
        return content;
    }

    /**
     * Returns the offset after {@code lower} (ASCII, lower case) written at {@code i} in any ASCII case, with
     * line wraps allowed between its characters (never before the first), or -1 when it is not there.
     */
    int matchWrapped(int i, String lower) {
        if (i < base) {
            return -1;
        }
        int j = i;
        for (int k = 0; k < lower.length(); k++) {
            if (k > 0) {
                j = afterWrap(j);
            }
            char p = lower.charAt(k);
            char c = at(j);
            if (c != p && !(p >= 'a' && p <= 'z' && c == (char) (p - 32))) {
                return -1;
            }
            j++;
        }
        return j;
    }

    /**
     * Returns the index after the digits at {@code i} (at most {@code max} + 1 of them), a line wrap allowed
     * between two digits when the digits after it end the number: no letter, {@code -}, {@code :} or
     * {@code /} follows them (a date, a time or a word on the next line is not the rest of the number).
     */
    int digitsEnd(int i, int max) {
        int j = i;
        int count = 0;
        while (count <= max) {
            if (isDigit(at(j))) {
                j++;
                count++;
                continue;
            }
            int next = count > 0 ? afterWrap(j) : j;
            if (next == j || !isDigit(at(next)) || !numberEndsAfter(next, max - count)) {
                return j;
            }
            j = next;
        }
        return j;
    }

    private boolean numberEndsAfter(int i, int max) {
        int j = i;
        while (isDigit(at(j)) && j - i <= max) {
            j++;
        }
        char c = at(j);
        return !isAsciiLetter(c) && c != '-' && c != ':' && c != '/';
    }

    /**
     * Returns where the previous line's content ends when {@code i} is where a wrapped line's content starts
     * (after the line break, indentation and quote markers), else {@code i}: the inverse of {@link #afterWrap}.
     */
    int beforeWrap(int i) {
        int j = i;
        while (j > base && i - j < 64 && (isSpace(at(j - 1)) || at(j - 1) == '>')) {
            j--;
        }
        if (at(j - 1) != '\n' && at(j - 1) != '\r') {
            return i;
        }
        int lineBreak = at(j - 1) == '\n' && at(j - 2) == '\r' ? j - 2 : j - 1;
        return lineBreak > base && afterWrap(lineBreak) == i ? lineBreak : i;
    }

    /**
     * Returns where {@code lower} (ASCII, lower case) starts when it is written in any case just before
     * {@code end}, line wraps allowed between its characters, or -1.
     */
    int startWrapped(int end, String lower) {
        int j = end;
        for (int k = lower.length() - 1; k >= 0; k--) {
            if (k < lower.length() - 1) {
                j = beforeWrap(j);
            }
            j--;
            char p = lower.charAt(k);
            char c = at(j);
            if (j < base || (c != p && !(p >= 'a' && p <= 'z' && c == (char) (p - 32)))) {
                return -1;
            }
        }
        return j;
    }

    /** Returns the text of {@code [start, end)} with its line wraps (see {@link #afterWrap}) taken out. */
    String joined(int start, int end) {
        return joined(start, end, "");
    }

    /** Returns the text of {@code [start, end)} with each line wrap replaced by {@code wrapAs}. */
    String joined(int start, int end, String wrapAs) {
        StringBuilder sb = new StringBuilder(Math.max(0, end - start));
        int k = start;
        while (k < end) {
            int next = afterWrap(k);
            if (next != k) {
                sb.append(wrapAs);
                k = next;
                continue;
            }
            char c = at(k++);
            if (c != NONE) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Returns the digits of {@code [start, end)} without the wraps between them. */
    String digits(int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int k = start; k < end; k++) {
            char c = at(k);
            if (isDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Returns the first index at or after {@code i} that is not horizontal space, crossing at most one line
     * wrap (see {@link #skipGap}); at most {@code max} spaces on each side of it.
     */
    int skipSpaceOrWrap(int i, int max) {
        int j = skipSpace(i, max);
        int next = afterWrap(j);
        return next == j ? j : skipSpace(next, max);
    }

    /** Returns true when {@code exact} is written at {@code i}, case included. */
    boolean matchesExactly(int i, String exact) {
        if (i < base || i + exact.length() > length) {
            return false;
        }
        for (int k = 0; k < exact.length(); k++) {
            if (at(i + k) != exact.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns true when a name may start at {@code i}: the text starts there, or the character before is
     * not part of a word. A JSON or C escape such as {@code \n} right before counts as a break.
     */
    boolean wordStartsAt(int i) {
        if (i <= 0) {
            return true;
        }
        char prev = at(i - 1);
        if (!isWordChar(prev)) {
            return true;
        }
        return (prev == 'n' || prev == 'r' || prev == 't') && at(i - 2) == '\\';
    }

    /** Returns the first index at or after {@code i} (at most {@code max} further) that is not horizontal space. */
    int skipSpace(int i, int max) {
        int j = i;
        int limit = Math.min(length, i + max);
        while (j < limit && isSpace(at(j))) {
            j++;
        }
        return j;
    }

    /**
     * Returns the index after spaces and at most one line break (with the next line's indentation and
     * chat-quote {@code >} prefixes) starting at {@code i}; a blank line is never crossed.
     */
    int skipGap(int i) {
        int j = skipSpace(i, 64);
        if (!isLineBreak(at(j))) {
            return j;
        }
        int k = afterLineBreak(j);
        int content = skipQuotePrefix(k);
        if (content >= length || isLineBreak(at(content)) || content - k >= 64) {
            return j;
        }
        return content;
    }

    /** Returns the index after the line break at {@code i} ({@code \r\n} counts as one). */
    int afterLineBreak(int i) {
        if (at(i) == '\r' && at(i + 1) == '\n') {
            return i + 2;
        }
        return i + 1;
    }

    /** Returns the index after indentation and chat-quote prefixes ({@code >}, {@code > >}) at the start of a line. */
    int skipQuotePrefix(int i) {
        int j = i;
        int limit = Math.min(length, i + 256);
        while (j < limit && (isSpace(at(j)) || at(j) == '>')) {
            j++;
        }
        return j;
    }

    static boolean isSpace(char c) {
        return c == ' '
                || c == '\t'
                || c == '\u00A0'
                || c == '\u2007'
                || c == '\u202F'
                || c == '\u200B'
                || c == '\uFEFF'
                || c == '\f'
                || c == '\u000B';
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isWordChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_' || c == '-';
    }

    /** Characters of a parameter key such as {@code error_category}, {@code PeerServer}, {@code ms-foo}. */
    static boolean isKeyChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
