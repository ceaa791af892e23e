package io.icewarn.decoder.scan;

import java.util.OptionalInt;

/**
 * Tracks the SIP status line that the next diagnostic belongs to: the nearest {@code SIP/2.0 <code>}
 * before it, forgotten at a request line such as {@code BYE sip:… SIP/2.0} (a new message that is not a
 * response). Both are recognised at their {@code SIP/2.0}: a request line is the line that ends with it,
 * so the scan needs to look only where {@code SIP/2.0} is written.
 */
final class SipContext {
    private static final String[] METHODS = {
        "INVITE",
        "ACK",
        "BYE",
        "CANCEL",
        "OPTIONS",
        "REGISTER",
        "SUBSCRIBE",
        "NOTIFY",
        "MESSAGE",
        "INFO",
        "PRACK",
        "UPDATE",
        "REFER",
        "PUBLISH",
        "SERVICE",
        "NEGOTIATE",
        "BENOTIFY"
    };

    /**
     * A request line's method starts at most this many characters before its {@code SIP/2.0}; a stream
     * keeps at least this much text before where its scan resumes.
     */
    static final int MAX_REQUEST_LINE_CHARS = 2048;

    private OptionalInt status = OptionalInt.empty();

    OptionalInt status() {
        return status;
    }

    /**
     * Updates the status when {@code SIP/2.0} at {@code i} begins a status line or ends a request line.
     * Looks at a bounded number of characters: at most {@link #MAX_REQUEST_LINE_CHARS} before {@code i}.
     */
    void observe(Source s, int i) {
        char c = s.at(i);
        if ((c != 'S' && c != 's') || !s.matches(i, "sip/2.0") || !s.wordStartsAt(i)) {
            return;
        }
        int j = i + 7;
        if (Source.isSpace(s.at(j))) {
            int k = s.skipSpace(j, 4);
            if (Source.isDigit(s.at(k))
                    && Source.isDigit(s.at(k + 1))
                    && Source.isDigit(s.at(k + 2))
                    && !Source.isDigit(s.at(k + 3))
                    && s.at(k) >= '1'
                    && s.at(k) <= '6') {
                status = OptionalInt.of((s.at(k) - '0') * 100 + (s.at(k + 1) - '0') * 10 + (s.at(k + 2) - '0'));
                return;
            }
        }
        int k = s.skipSpace(j, 64);
        if ((k >= s.length() || Source.isLineBreak(s.at(k))) && requestLineEndsAt(s, i)) {
            status = OptionalInt.empty();
        }
    }

    /** Returns true when a request line ({@code METHOD sip:…}) starts on the line that {@code SIP/2.0} at {@code end} ends. */
    private static boolean requestLineEndsAt(Source s, int end) {
        int from = Math.max(s.base(), end - MAX_REQUEST_LINE_CHARS);
        int lineStart = end;
        while (lineStart > from && !Source.isLineBreak(s.at(lineStart - 1))) {
            lineStart--;
        }
        for (int j = lineStart; j < end; j++) {
            char c = s.at(j);
            if (c >= 'A' && c <= 'Z' && s.wordStartsAt(j) && isRequestLine(s, j)) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when a SIP request line ({@code METHOD sip:…}) starts at {@code i}. */
    static boolean isRequestLine(Source s, int i) {
        for (String m : METHODS) {
            if (s.matchesExactly(i, m) && s.at(i + m.length()) == ' ') {
                int j = i + m.length() + 1;
                if (s.matches(j, "sip:") || s.matches(j, "sips:") || s.matches(j, "tel:")) {
                    return true;
                }
            }
        }
        return false;
    }
}
