package io.icewarn.decoder.scan;

/**
 * The quote styles a pasted value may be wrapped in. Opening and closing characters of one family are
 * interchangeable, because real pastes mix them ({@code =”…″}, {@code =“…"}).
 */
enum Quote {
    /** {@code "}, curly and prime double quotes, guillemets. */
    DOUBLE,
    /** {@code '} and curly or prime single quotes. */
    SINGLE,
    /** {@code \"} (C strings, JSON) or {@code \\\"} (escaped twice); closes at any {@code "}. */
    ESCAPED,
    /** {@code &quot;}, {@code &#34;}, {@code &#x22;} (HTML). */
    HTML;

    /** Returns the quote opening at {@code i}, or null when none does. */
    static Quote openingAt(Source s, int i) {
        char c = s.at(i);
        if (isDouble(c)) {
            return DOUBLE;
        }
        if (isSingle(c)) {
            return SINGLE;
        }
        if (c == '\\') {
            int j = i;
            while (s.at(j) == '\\' && j - i < 8) {
                j++;
            }
            return s.at(j) == '"' ? ESCAPED : null;
        }
        if (c == '&' && htmlQuoteLength(s, i) > 0) {
            return HTML;
        }
        return null;
    }

    /** Returns how many characters the opening quote at {@code i} spans. */
    int openLength(Source s, int i) {
        switch (this) {
            case ESCAPED:
                int j = i;
                while (s.at(j) == '\\') {
                    j++;
                }
                return j - i + 1;
            case HTML:
                return htmlQuoteLength(s, i);
            default:
                return 1;
        }
    }

    /** Returns how many characters a closing quote of this style at {@code i} spans, or 0 when none is there. */
    int closeLength(Source s, int i) {
        char c = s.at(i);
        switch (this) {
            case DOUBLE:
                return isDouble(c) ? 1 : 0;
            case SINGLE:
                return isSingle(c) ? 1 : 0;
            case ESCAPED:
                return c == '"' ? 1 : 0;
            default:
                return c == '&' ? htmlQuoteLength(s, i) : 0;
        }
    }

    static boolean isDouble(char c) {
        return c == '"'
                || c == '\u201C'
                || c == '\u201D'
                || c == '\u201E'
                || c == '\u201F'
                || c == '\u2033'
                || c == '\u00AB'
                || c == '\u00BB'
                || c == '\u301D'
                || c == '\u301E'
                || c == '\uFF02';
    }

    static boolean isSingle(char c) {
        return c == '\''
                || c == '\u2018'
                || c == '\u2019'
                || c == '\u201A'
                || c == '\u201B'
                || c == '\u2032'
                || c == '\u2039'
                || c == '\u203A';
    }

    private static final String[] HTML_QUOTES = {"&quot;", "&#34;", "&#x22;"};

    private static int htmlQuoteLength(Source s, int i) {
        for (String quote : HTML_QUOTES) {
            int end = s.matchWrapped(i, quote);
            if (end >= 0) {
                return end - i; // a wrap inside it included
            }
        }
        return 0;
    }
}
