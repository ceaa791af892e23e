package io.icewarn.decoder.scan;

/**
 * Reads one parameter value. A quoted value ends at its closing quote, the start of another
 * diagnostic, a blank line, a backtick, a {@code ;} followed by the next {@code key=} when its closing quote is
 * missing, or {@link #MAX_VALUE_CHARS}, whichever comes first, so one value never reads further than the next
 * anchor. An unquoted value ends at {@code ;}, the end of the line (unless the line is wrapped: the next line
 * goes on with more parameters), a backtick or {@code <}.
 *
 * <p>A line wrap inside a value is taken out with the next line's indentation and quote markers; a space
 * written before the break stays. In machine values (MediaDebug, hosts) the two sides are joined as they
 * are. In prose (the reason) a break with no space on either side becomes one space: prose is wrapped at
 * its spaces, and mail programs often turn the space into the break.
 */
final class ValueReader {
    /** The most characters of text one value reads. */
    static final int MAX_VALUE_CHARS = 8 * 1024;

    /** How far an unquoted value looks on a wrapped line for the {@code ;} of the next parameter. */
    private static final int MAX_LOOK_AHEAD = 512;

    private ValueReader() {}

    static Value read(Source s, int from, boolean prose, Problems problems) {
        Quote quote = Quote.openingAt(s, from);
        int p = quote == null ? from : from + quote.openLength(s, from);
        int limit = Math.min(s.length(), p + MAX_VALUE_CHARS);
        StringBuilder sb = new StringBuilder();
        int contentEnd = p;
        boolean closed = quote == null;
        boolean stopped = false;
        boolean nextParam = false;
        int end = -1;
        while (p < limit) {
            char c = s.at(p);
            if (quote != null) {
                int close = quote.closeLength(s, p);
                if (close > 0) {
                    closed = true;
                    end = p + close;
                    if (quote == Quote.ESCAPED) {
                        stripTrailingBackslashes(sb);
                    }
                    break;
                }
                if (c == ';' && quote != Quote.HTML && nextParameterAt(s, p + 1)) {
                    nextParam = true;
                    break;
                }
            }
            if (Anchor.stopsValueAt(s, p)) {
                stopped = quote != null;
                break;
            }
            if (c == '`') {
                break;
            }
            if (Source.isLineBreak(c)) {
                int next = continuation(s, p);
                if (next < 0 || (quote == null && !moreParametersOn(s, next))) {
                    break;
                }
                if (prose && sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
                p = next;
                continue;
            }
            if (quote == null && (c == ';' || c == '<')) {
                break;
            }
            if (quote == Quote.HTML && c == '&') {
                int n = appendEntity(s, p, sb);
                if (n > 0) {
                    p += n;
                    contentEnd = p;
                    continue;
                }
            }
            sb.append(c);
            p++;
            if (!Source.isSpace(c)) {
                contentEnd = p;
            }
        }
        if (end < 0) {
            end = contentEnd;
        }
        if (!closed) {
            String why = stopped
                    ? "the next diagnostic starts"
                    : nextParam ? "the next parameter" : p >= limit && p < s.length() ? "the length cap" : "the text";
            problems.add(from, "A quote opened here is not closed; the value was read up to " + why + ".");
        }
        String text = quote == null || nextParam ? stripEnd(sb) : sb.toString();
        return new Value(text, from, Math.max(end, from), quote != null, closed, stopped);
    }

    /**
     * Returns true when the next parameter, {@code key=} with the value's quote opening after it, starts at
     * {@code i} (after spaces or a wrap): the {@code ;} before it ends a value whose closing quote is missing.
     */
    private static boolean nextParameterAt(Source s, int i) {
        int p = s.skipSpaceOrWrap(i, 8);
        int keyStart = p;
        if (!Source.isAsciiLetter(s.at(p))) {
            return false;
        }
        while (Source.isKeyChar(s.at(p)) && p - keyStart < 64) {
            p++;
        }
        p = s.skipSpace(p, 8);
        if (s.at(p) != '=') {
            return false;
        }
        return Quote.openingAt(s, s.skipSpace(p + 1, 8)) != null;
    }

    /** Returns true when the line from {@code i} carries a {@code ;} before its end: the parameters go on there. */
    private static boolean moreParametersOn(Source s, int i) {
        int limit = i + MAX_LOOK_AHEAD;
        for (int p = i; p < limit; p++) {
            char c = s.at(p);
            if (c == ';') {
                return true;
            }
            if (c == Source.NONE || Source.isLineBreak(c) || c == '`' || c == '<') {
                return false;
            }
        }
        return false;
    }

    /**
     * Returns where the next line's content starts when the line break at {@code p} wraps the value, or -1
     * when the value ends there: a blank line, the end of the text, or (for an unindented line) a line that
     * starts a SIP message, an SDP attribute, a header or a code fence.
     */
    static int continuation(Source s, int p) {
        int lineStart = s.afterLineBreak(p);
        int content = s.skipQuotePrefix(lineStart);
        if (content >= s.length() || Source.isLineBreak(s.at(content)) || content - lineStart >= 256) {
            return -1;
        }
        if (!indented(s, lineStart, content) && startsNewLine(s, content)) {
            return -1;
        }
        return content;
    }

    /** Returns true when the line prefix holds indentation beyond chat-quote markers and one space after them. */
    private static boolean indented(Source s, int lineStart, int content) {
        int lastMarker = -1;
        for (int i = lineStart; i < content; i++) {
            if (s.at(i) == '>') {
                lastMarker = i;
            }
        }
        int spaces = content - (lastMarker < 0 ? lineStart : lastMarker + 1);
        return lastMarker < 0 ? spaces > 0 : spaces > 1;
    }

    /**
     * Returns true when a line starting at {@code i} looks like a new SIP, SDP or Markdown line rather than a
     * wrap. Only unmistakable shapes count, because a wrap inside MediaDebug can start with almost anything
     * ({@code e=198.51.100.7:50022} after {@code RemoteSit}).
     */
    static boolean startsNewLine(Source s, int i) {
        char c = s.at(i);
        if (c == '`' || s.matches(i, "sip/2.0")) {
            return true;
        }
        if (isSdpLine(s, i)) {
            return true;
        }
        if (!Source.isAsciiLetter(c)) {
            return false;
        }
        int j = i;
        while (Source.isWordChar(s.at(j)) && j - i < 40) {
            j++;
        }
        if (s.at(j) == ':' && Source.isSpace(s.at(j + 1))) {
            return true; // a header line such as "CSeq: 2 BYE"
        }
        return s.at(j) == ' ' && SipContext.isRequestLine(s, i);
    }

    /** Returns true for {@code a=name:…}, {@code m=audio …}, {@code c=IN …}, {@code v=0}. */
    private static boolean isSdpLine(Source s, int i) {
        if (s.at(i + 1) != '=') {
            return false;
        }
        switch (s.at(i)) {
            case 'a':
                int j = i + 2;
                while ((Source.isAsciiLetter(s.at(j)) || s.at(j) == '-') && j - i < 40) {
                    j++;
                }
                return j > i + 2 && s.at(j) == ':';
            case 'm':
                return s.matches(i + 2, "audio ")
                        || s.matches(i + 2, "video ")
                        || s.matches(i + 2, "application")
                        || s.matches(i + 2, "data ")
                        || s.matches(i + 2, "message ");
            case 'c':
            case 'o':
                return s.matches(i + 2, "in ") || s.at(i + 2) == '-';
            case 'v':
                return s.at(i + 2) == '0';
            default:
                return false;
        }
    }

    private static int appendEntity(Source s, int p, StringBuilder sb) {
        if (s.matches(p, "&amp;")) {
            sb.append('&');
            return 5;
        }
        if (s.matches(p, "&lt;")) {
            sb.append('<');
            return 4;
        }
        if (s.matches(p, "&gt;")) {
            sb.append('>');
            return 4;
        }
        if (s.matches(p, "&#39;") || s.matches(p, "&#x27;")) {
            sb.append('\'');
            return s.at(p + 2) == 'x' || s.at(p + 2) == 'X' ? 6 : 5;
        }
        if (s.matches(p, "&apos;")) {
            sb.append('\'');
            return 6;
        }
        return 0;
    }

    private static void stripTrailingBackslashes(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == '\\') {
            n--;
        }
        sb.setLength(n);
    }

    private static String stripEnd(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && Source.isSpace(sb.charAt(n - 1))) {
            n--;
        }
        return sb.substring(0, n);
    }
}
