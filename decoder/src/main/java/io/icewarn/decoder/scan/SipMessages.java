package io.icewarn.decoder.scan;

import java.util.Optional;

/**
 * Finds the SIP message a diagnostic was written in, in pasted text, and reads its Call-ID. A diagnostic
 * belongs to a message only when it starts its own line and nothing but that message's lines lie between them: header lines going
 * back to its start line (a status line {@code SIP/2.0 488 …} or a request line {@code BYE sip:… SIP/2.0}),
 * or, for an SDP attribute in the body, SDP lines and the one empty line before the headers. Chat text, a
 * log record line or a second empty line in between means the diagnostic stands on its own. Looks at most
 * {@link #MAX_CHARS} characters either way, so the cost per diagnostic is bounded. Stateless.
 */
public final class SipMessages {
    /** The most characters looked at before a diagnostic (for the start line) and after that line (for the Call-ID). */
    static final int MAX_CHARS = 64 * 1024;

    private static final String[] CALL_ID = {"call-id", "i"};

    private SipMessages() {}

    /**
     * Returns the Call-ID of the SIP message that holds the diagnostic starting at {@code offset} of
     * {@code text}, or empty when it is not inside a SIP message whose headers are there or the message has
     * no Call-ID. Never throws for an offset within the text.
     */
    public static Optional<String> callId(CharSequence text, int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int floor = Math.max(0, at - MAX_CHARS);
        int lineStart = lineStart(text, at, floor);
        int first = lineStart;
        while (first < at && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
            first++;
        }
        if (first < at && !(at - first == 2 && isSdp(text, first, at))) {
            return Optional.empty(); // not a header or SDP line of its own: chat text that quotes one
        }
        boolean inBody = isSdp(text, lineStart, lineEnd(text, lineStart, at + MAX_CHARS));
        boolean crossedBlank = false;
        int start = -1;
        int line = lineStart;
        while (line > floor) {
            int prevEnd = line - 1; // the line break before the current line
            int prev = lineStart(text, prevEnd, floor);
            if (prev == floor && floor > 0) {
                return Optional.empty(); // too far back to know
            }
            int end = trimEnd(text, prev, prevEnd);
            if (isStartLine(text, prev, end)) {
                start = prev;
                break;
            }
            if (end == prev) {
                if (!inBody || crossedBlank) {
                    return Optional.empty();
                }
                crossedBlank = true;
            } else if (!(isHeader(text, prev, end)
                    || isContinuation(text, prev, end)
                    || (inBody && !crossedBlank && isSdp(text, prev, end)))) {
                return Optional.empty();
            }
            line = prev;
        }
        return start < 0 ? Optional.empty() : headerValue(text, lineEnd(text, start, start + MAX_CHARS) + 1, CALL_ID);
    }

    /** Returns the value of the first header named one of {@code names} in the header block starting at {@code from}. */
    private static Optional<String> headerValue(CharSequence text, int from, String[] names) {
        int line = from;
        int limit = from + MAX_CHARS;
        while (line < text.length() && line < limit) {
            int next = lineEnd(text, line, limit);
            int end = trimEnd(text, line, next);
            if (end == line || isStartLine(text, line, end)) {
                return Optional.empty();
            }
            for (String name : names) {
                int colon = headerColon(text, line, end);
                if (colon - line == name.length() && regionMatches(text, line, name)) {
                    String value = text.subSequence(colon + 1, end).toString().strip();
                    int space = value.indexOf(' ');
                    value = space < 0 ? value : value.substring(0, space);
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
            }
            line = next + 1;
        }
        return Optional.empty();
    }

    /** Returns true for {@code SIP/2.0 <3 digits>} or {@code METHOD sip:… SIP/2.0} on the line {@code [from, end)}. */
    static boolean isStartLine(CharSequence text, int from, int end) {
        if (end - from >= 11 && regionMatches(text, from, "sip/2.0 ")) {
            return digit(text, from + 8)
                    && digit(text, from + 9)
                    && digit(text, from + 10)
                    && (end - from == 11 || text.charAt(from + 11) == ' ');
        }
        if (end - from < 12 || !regionMatches(text, end - 8, " sip/2.0")) {
            return false;
        }
        int i = from;
        while (i < end && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z') {
            i++;
        }
        return i > from
                && i < end
                && text.charAt(i) == ' '
                && (regionMatches(text, i + 1, "sip:")
                        || regionMatches(text, i + 1, "sips:")
                        || regionMatches(text, i + 1, "tel:"));
    }

    /** Returns true for a {@code Name: value} line: a header token and a colon. */
    private static boolean isHeader(CharSequence text, int from, int end) {
        return headerColon(text, from, end) > from;
    }

    /** Returns where the colon after a header name on the line is, or -1 when the line does not start with one. */
    private static int headerColon(CharSequence text, int from, int end) {
        int i = from;
        while (i < end && tokenChar(text.charAt(i))) {
            i++;
        }
        int name = i;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return name > from && i < end && text.charAt(i) == ':' ? i : -1;
    }

    /** Returns true for a folded header line, which starts with a space or tab. */
    private static boolean isContinuation(CharSequence text, int from, int end) {
        return end > from && (text.charAt(from) == ' ' || text.charAt(from) == '\t');
    }

    /** Returns true for an SDP line such as {@code a=…} or {@code m=audio …}. */
    private static boolean isSdp(CharSequence text, int from, int end) {
        return end - from >= 2 && text.charAt(from) >= 'a' && text.charAt(from) <= 'z' && text.charAt(from + 1) == '=';
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '!'
                || c == '%'
                || c == '*'
                || c == '+'
                || c == '~'
                || c == '\'';
    }

    private static boolean digit(CharSequence text, int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    private static boolean regionMatches(CharSequence text, int from, String lowerCase) {
        if (from < 0 || from + lowerCase.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lowerCase.length(); k++) {
            if (Character.toLowerCase(text.charAt(from + k)) != lowerCase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Returns where the line holding {@code i} starts, or {@code floor} when it starts before that. */
    private static int lineStart(CharSequence text, int i, int floor) {
        int j = Math.min(i, text.length());
        while (j > floor && text.charAt(j - 1) != '\n') {
            j--;
        }
        return j;
    }

    /** Returns where the line starting at {@code from} ends (its line break, or the end of the text), at most {@code limit}. */
    private static int lineEnd(CharSequence text, int from, int limit) {
        int j = from;
        int stop = Math.min(text.length(), Math.max(from, limit));
        while (j < stop && text.charAt(j) != '\n') {
            j++;
        }
        return j;
    }

    /** Returns {@code end} moved back over trailing blanks and a carriage return. */
    private static int trimEnd(CharSequence text, int from, int end) {
        int e = end;
        while (e > from && (text.charAt(e - 1) == '\r' || text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
            e--;
        }
        return e;
    }
}
