package io.icewarn.decoder.scan;

import java.util.OptionalInt;

/**
 * Tracks the SIP status line that the next diagnostic belongs to: the nearest {@code SIP/2.0 <code>}
 * before it, forgotten at a request line such as {@code BYE sip:…} (a new message that is not a response).
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

    private OptionalInt status = OptionalInt.empty();

    OptionalInt status() {
        return status;
    }

    /** Updates the status when a status line or request line starts at {@code i}. Looks at a bounded number of characters. */
    void observe(Source s, int i) {
        char c = s.at(i);
        if ((c == 'S' || c == 's') && s.matches(i, "sip/2.0") && s.wordStartsAt(i)) {
            int j = i + 7;
            if (!Source.isSpace(s.at(j))) {
                return;
            }
            j = s.skipSpace(j, 4);
            if (Source.isDigit(s.at(j))
                    && Source.isDigit(s.at(j + 1))
                    && Source.isDigit(s.at(j + 2))
                    && !Source.isDigit(s.at(j + 3))
                    && s.at(j) >= '1'
                    && s.at(j) <= '6') {
                status = OptionalInt.of((s.at(j) - '0') * 100 + (s.at(j + 1) - '0') * 10 + (s.at(j + 2) - '0'));
            }
        } else if (c >= 'A' && c <= 'Z' && s.wordStartsAt(i) && isRequestLine(s, i)) {
            status = OptionalInt.empty();
        }
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
