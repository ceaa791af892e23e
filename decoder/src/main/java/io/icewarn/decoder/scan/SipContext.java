package io.icewarn.decoder.scan;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Tracks the SIP status line of the message that carries the next diagnostic: the nearest {@code SIP/2.0
 * <code>} before it, forgotten at a request line such as {@code BYE sip:… SIP/2.0} (a new message that is
 * not a response) and where its message ends: at a blank line, unless the blank line only separates the
 * headers from an SDP body. A diagnostic gets the status only when it is written as part of that message:
 * a header line ({@code ms-diagnostics: …}, {@code Reason: Q.850;…}), or a line of its SDP body; a
 * diagnostic in chat after a pasted response gets none. Both lines are recognised at their {@code SIP/2.0}:
 * a request line is the line that ends with it, so the scan needs to look only where {@code SIP/2.0} is
 * written.
 *
 * <p>A log has one at every SIP message, and a diagnostic is rare, so the scan only notes where each
 * {@code SIP/2.0} is ({@link #observe}, {@link #seen}); what they mean is worked out when a diagnostic asks
 * for the status, or before the scan leaves the window that holds them, while its text is still there
 * ({@link #settle}), from the last one back: the last status or request line decides, as if each had been
 * read in turn.
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

    /** What a {@code SIP/2.0} that neither begins a status line nor ends a request line decides. */
    private static final int NOTHING = -1;

    /** What a {@code SIP/2.0} that ends a request line decides. */
    private static final int REQUEST = 0;

    private OptionalInt status = OptionalInt.empty();

    /** Where the status line of {@link #status} is. */
    private int statusAt;

    /** How far after the status line the text was read for the end of its message. */
    private int checkedTo;

    /** Whether a blank line between headers and an SDP body was passed since the status line. */
    private boolean inBody;

    /** Where the message of the status line ends, when that was found. */
    private int endAt = Integer.MAX_VALUE;

    /** A SIP message read for its end no further than this: no message of a log is longer. */
    static final int MAX_MESSAGE_CHARS = 64 * 1024;

    /**
     * The most {@code SIP/2.0} noted before the status is worked out: those of a whole window of a log, so
     * that it is worked out about once a window.
     */
    private static final int MAX_NOTED = 8192;

    /** Offsets of {@code SIP/2.0} noted since the status was last settled, in order; grown as needed. */
    private int[] noted = new int[8];

    private int notedCount;

    /** Notes {@code i} when {@code SIP/2.0} is written there. */
    void observe(Source s, int i) {
        char c = s.at(i);
        if ((c == 'S' || c == 's') && s.matchWrapped(i, "sip/2.0") >= 0) {
            seen(s, i);
        }
    }

    /** Notes {@code i}, where {@code SIP/2.0} may be written; {@code s} is the window that holds it. */
    void seen(Source s, int i) {
        if (notedCount == noted.length) {
            if (noted.length < MAX_NOTED) {
                noted = Arrays.copyOf(noted, noted.length * 2);
            } else {
                settle(s);
            }
        }
        noted[notedCount++] = i;
    }

    /**
     * Returns the status of the SIP message that carries a diagnostic written at {@code at}, the scan's
     * position; empty when the diagnostic is not part of a SIP response. {@code s} is the window that holds it.
     */
    OptionalInt status(Source s, int at) {
        settle(s);
        if (status.isEmpty()) {
            return status;
        }
        readForEnd(s, at);
        return at >= endAt || !partOfMessage(s, at) ? OptionalInt.empty() : status;
    }

    /** Reads the text after the status line up to {@code to} for the end of its message. */
    private void readForEnd(Source s, int to) {
        int p = Math.max(checkedTo, s.base());
        int limit = Math.min(to, s.length());
        if (to - statusAt > MAX_MESSAGE_CHARS) {
            endAt = Math.min(endAt, statusAt + MAX_MESSAGE_CHARS);
        }
        while (endAt == Integer.MAX_VALUE && p < limit) {
            char c = s.at(p);
            if (!Source.isLineBreak(c)) {
                p++;
                continue;
            }
            int next = s.skipQuotePrefix(s.afterLineBreak(p));
            if (next >= s.length() || !Source.isLineBreak(s.at(next))) {
                p = Math.max(p + 1, Math.min(next, limit));
                continue;
            }
            // a blank line: the headers end; only an SDP body (v=0, a=…) belongs to the message after it
            int content = next;
            while (content < s.length()
                    && content - next < 256
                    && (Source.isLineBreak(s.at(content)) || Source.isSpace(s.at(content)) || s.at(content) == '>')) {
                content++;
            }
            if (content >= s.length()) {
                break; // the text after the blank line is still to come: read it again then
            }
            if (inBody || !isSdpLine(s, content)) {
                endAt = p;
                break;
            }
            inBody = true;
            p = content;
        }
        checkedTo = Math.max(checkedTo, p);
    }

    /** Returns true for a line of an SDP body: a lower-case letter and {@code =}. */
    private static boolean isSdpLine(Source s, int i) {
        char c = s.at(i);
        return c >= 'a' && c <= 'z' && s.at(s.afterWrap(i + 1)) == '=';
    }

    /**
     * Returns true when a diagnostic at {@code at} is written as part of a message: it starts its line (after
     * indentation, quote markers or a {@code \n} escape of a JSON log), or its line starts with a header name
     * and its colon ({@code Reason: Q.850;…}) or is an SDP line ({@code a=x-ms-SDP-diagnostics:…}).
     */
    private static boolean partOfMessage(Source s, int at) {
        int lineStart = at;
        while (lineStart > s.base() && at - lineStart < 256 && !Source.isLineBreak(s.at(lineStart - 1))) {
            if (s.at(lineStart - 1) == 'n' && s.at(lineStart - 2) == '\\') {
                break;
            }
            lineStart--;
        }
        int content = s.skipQuotePrefix(lineStart);
        if (content >= at) {
            return true;
        }
        if (isSdpLine(s, content) || (s.at(content) == ':' && s.beforeWrap(content) != content)) {
            return true; // an SDP line, or a header line wrapped before its colon
        }
        int j = content;
        while ((Source.isKeyChar(s.at(j)) || s.at(j) == ' ') && j < at && j - content < 40) {
            j++; // a header name, or a label such as "Reason header"
        }
        return j > content && s.at(j) == ':';
    }

    /**
     * Works out what the noted {@code SIP/2.0} lines, all in window {@code s}, leave the status at, and reads
     * the window after the status line for the end of its message, while the window is there.
     */
    void leave(Source s) {
        settle(s);
        if (status.isPresent()) {
            readForEnd(s, s.length());
        }
    }

    /** Works out what the noted {@code SIP/2.0} lines, all in window {@code s}, leave the status at. */
    void settle(Source s) {
        for (int k = notedCount - 1; k >= 0; k--) {
            int decided = decide(s, noted[k]);
            if (decided != NOTHING) {
                status = decided == REQUEST ? OptionalInt.empty() : OptionalInt.of(decided);
                statusAt = noted[k];
                checkedTo = noted[k];
                inBody = false;
                endAt = Integer.MAX_VALUE;
                break;
            }
        }
        notedCount = 0;
    }

    /**
     * Returns the code when a status line begins at {@code i}, {@link #REQUEST} when a request line ends with
     * the {@code SIP/2.0} at {@code i}, else {@link #NOTHING}. Looks at a bounded number of characters: at
     * most {@link #MAX_REQUEST_LINE_CHARS} before {@code i}.
     */
    private static int decide(Source s, int i) {
        int j = s.matchWrapped(i, "sip/2.0");
        if (j < 0 || !s.wordStartsAt(i)) {
            return NOTHING;
        }
        if (Source.isSpace(s.at(j)) || s.afterWrap(j) != j) {
            int k = s.skipSpaceOrWrap(j, 4);
            int end = s.digitsEnd(k, 3);
            String code = s.digits(k, end);
            if (code.length() == 3 && code.charAt(0) >= '1' && code.charAt(0) <= '6') {
                return Integer.parseInt(code);
            }
        }
        int k = s.skipSpace(j, 64);
        return (k >= s.length() || Source.isLineBreak(s.at(k))) && requestLineEndsAt(s, i) ? REQUEST : NOTHING;
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
        int wrapped = s.beforeWrap(end);
        // SIP/2.0 wrapped onto a line of its own: the request line is the line before
        return wrapped != end && requestLineEndsAt(s, wrapped);
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
