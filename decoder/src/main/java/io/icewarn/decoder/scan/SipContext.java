package io.icewarn.decoder.scan;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Tracks the SIP status line that the next diagnostic belongs to: the nearest {@code SIP/2.0 <code>}
 * before it, forgotten at a request line such as {@code BYE sip:… SIP/2.0} (a new message that is not a
 * response). Both are recognised at their {@code SIP/2.0}: a request line is the line that ends with it,
 * so the scan needs to look only where {@code SIP/2.0} is written.
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
        if ((c == 'S' || c == 's') && s.matches(i, "sip/2.0")) {
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

    /** Returns the status for a diagnostic at the scan's position; {@code s} is the window that holds it. */
    OptionalInt status(Source s) {
        settle(s);
        return status;
    }

    /** Works out what the noted {@code SIP/2.0} lines, all in window {@code s}, leave the status at. */
    void settle(Source s) {
        for (int k = notedCount - 1; k >= 0; k--) {
            int decided = decide(s, noted[k]);
            if (decided != NOTHING) {
                status = decided == REQUEST ? OptionalInt.empty() : OptionalInt.of(decided);
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
        if (!s.matches(i, "sip/2.0") || !s.wordStartsAt(i)) {
            return NOTHING;
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
                return (s.at(k) - '0') * 100 + (s.at(k + 1) - '0') * 10 + (s.at(k + 2) - '0');
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
