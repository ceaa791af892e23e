package io.icewarn.decoder.flow;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the pieces of one line of a SIP log: start lines, headers, the log frames of a {@code .uccapilog}
 * and a server trace, times, URIs, tags and hosts. Every method looks at one line (capped by the caller)
 * once, without regular expressions, and never throws for any input.
 */
final class SipLines {
    private SipLines() {}

    /** The most characters of a method name. */
    static final int MAX_METHOD_CHARS = 32;

    /** The most characters of a header name. */
    static final int MAX_NAME_CHARS = 64;

    /**
     * A start line.
     *
     * @param method the request's method; empty for a response
     * @param requestUri the request's URI; empty for a response
     * @param status the response's status; 0 for a request
     * @param reason the response's reason phrase; empty for a request
     */
    record StartLine(String method, String requestUri, int status, String reason) {
        boolean isRequest() {
            return status == 0;
        }
    }

    /** What a line that starts like a status line but is not one is reported as; null when it is fine or no such line. */
    static String badStatusLine(String c) {
        if (!c.regionMatches(true, 0, "SIP/2.0 ", 0, 8)) {
            return null;
        }
        int k = skipSpaces(c, 8);
        int digits = 0;
        while (k + digits < c.length() && isDigit(c.charAt(k + digits))) {
            digits++;
        }
        if (digits == 0 || startLine(c) != null) {
            return null;
        }
        return "A SIP status line with a status that is not 100-699 was skipped.";
    }

    /** Returns the start line {@code c} holds ({@code SIP/2.0 488 Not Acceptable Here}, {@code INVITE sip:… SIP/2.0}), or null. */
    static StartLine startLine(String c) {
        int n = c.length();
        if (c.regionMatches(true, 0, "SIP/2.0", 0, 7)) {
            int k = 7;
            if (k >= n || !isSpace(c.charAt(k))) {
                return null;
            }
            k = skipSpaces(c, k);
            if (k + 3 > n
                    || !isDigit(c.charAt(k))
                    || !isDigit(c.charAt(k + 1))
                    || !isDigit(c.charAt(k + 2))
                    || (k + 3 < n && !isSpace(c.charAt(k + 3)))) {
                return null;
            }
            int status = (c.charAt(k) - '0') * 100 + (c.charAt(k + 1) - '0') * 10 + (c.charAt(k + 2) - '0');
            if (status < 100 || status > 699) {
                return null;
            }
            return new StartLine("", "", status, c.substring(k + 3).strip());
        }
        int m = 0;
        while (m < n && m <= MAX_METHOD_CHARS && isMethodChar(c.charAt(m))) {
            m++;
        }
        if (m < 2 || m > MAX_METHOD_CHARS || m >= n || c.charAt(m) != ' ') {
            return null;
        }
        int uriStart = m + 1;
        int uriEnd = uriStart;
        while (uriEnd < n && !isSpace(c.charAt(uriEnd))) {
            uriEnd++;
        }
        if (uriEnd == uriStart || !hasScheme(c, uriStart, uriEnd)) {
            return null;
        }
        int v = skipSpaces(c, uriEnd);
        if (v == uriEnd || !c.regionMatches(true, v, "SIP/2.0", 0, 7) || skipSpaces(c, v + 7) != n) {
            return null;
        }
        return new StartLine(c.substring(0, m), c.substring(uriStart, uriEnd), 0, "");
    }

    /** Returns the offset of the colon when {@code c} is a header line ({@code Name: value}), else -1. */
    static int headerColon(String c) {
        int n = Math.min(c.length(), MAX_NAME_CHARS + 8);
        int k = 0;
        while (k < n && isTokenChar(c.charAt(k))) {
            k++;
        }
        if (k == 0 || k > MAX_NAME_CHARS) {
            return -1;
        }
        int colon = skipSpaces(c, k);
        return colon < c.length() && c.charAt(colon) == ':' ? colon : -1;
    }

    /**
     * The prefix of a {@code .uccapilog} line, {@code 04/16/2013|03:17:30.168 1F68:C14 INFO  :: }.
     *
     * @param time the time it gives
     * @param contentStart where the text after {@code ::} starts
     */
    record LogPrefix(Optional<LocalDateTime> time, int contentStart) {}

    /** Returns the {@code .uccapilog} prefix of {@code line}, or null when it has none. */
    static LogPrefix uccapiPrefix(String line) {
        if (line.length() < 24 || line.charAt(10) != '|') {
            return null;
        }
        Optional<LocalDateTime> time = dateTime(line, 0, '|');
        if (time.isEmpty()) {
            return null;
        }
        int k = 23;
        while (k < line.length() && isDigit(line.charAt(k))) {
            k++;
        }
        int limit = Math.min(line.length() - 1, k + 64);
        for (int j = k; j < limit; j++) {
            if (line.charAt(j) == ':' && line.charAt(j + 1) == ':') {
                return new LogPrefix(time, skipSpaces(line, j + 2));
            }
        }
        return null;
    }

    /**
     * Returns the time of a server trace record's first line, written after {@code ::} as
     * {@code 01/18/2012-05:00:43.101}; empty when there is none.
     */
    static Optional<LocalDateTime> recordTime(String line) {
        int limit = Math.min(line.length() - 2, 256);
        for (int j = 0; j < limit; j++) {
            if (line.charAt(j) == ':' && line.charAt(j + 1) == ':' && isDigit(line.charAt(j + 2))) {
                return dateTime(line, j + 2, '-');
            }
        }
        return Optional.empty();
    }

    /** Returns the time an ISO-like timestamp at the start of {@code line} gives ({@code 2024-03-01 10:00:00.123}), or empty. */
    static Optional<LocalDateTime> isoTime(String line) {
        if (line.length() < 19
                || line.charAt(4) != '-'
                || line.charAt(7) != '-'
                || (line.charAt(10) != ' ' && line.charAt(10) != 'T')
                || line.charAt(13) != ':'
                || line.charAt(16) != ':') {
            return Optional.empty();
        }
        int year = number(line, 0, 4);
        int month = number(line, 5, 2);
        int day = number(line, 8, 2);
        return time(line, 11, year, month, day);
    }

    /** Reads {@code MM/DD/YYYY<sep>HH:MM:SS[.fff]} at {@code at}. */
    private static Optional<LocalDateTime> dateTime(String s, int at, char sep) {
        if (s.length() < at + 19 || s.charAt(at + 2) != '/' || s.charAt(at + 5) != '/' || s.charAt(at + 10) != sep) {
            return Optional.empty();
        }
        if (s.charAt(at + 13) != ':' || s.charAt(at + 16) != ':') {
            return Optional.empty();
        }
        return time(s, at + 11, number(s, at + 6, 4), number(s, at, 2), number(s, at + 3, 2));
    }

    /** Reads {@code HH:MM:SS[.fff]} at {@code at} on the given date. */
    private static Optional<LocalDateTime> time(String s, int at, int year, int month, int day) {
        int hour = number(s, at, 2);
        int minute = number(s, at + 3, 2);
        int second = number(s, at + 6, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return Optional.empty();
        }
        int nanos = 0;
        int k = at + 8;
        if (k < s.length() && (s.charAt(k) == '.' || s.charAt(k) == ',' || s.charAt(k) == ':')) {
            int scale = 100_000_000;
            k++;
            while (k < s.length() && isDigit(s.charAt(k)) && scale > 0) {
                nanos += (s.charAt(k) - '0') * scale;
                scale /= 10;
                k++;
            }
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Returns the decimal number of {@code digits} digits at {@code at}, or -1. */
    private static int number(String s, int at, int digits) {
        if (at + digits > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = at; k < at + digits; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * A {@code .uccapilog} packet frame.
     *
     * @param direction SENT for {@code Sending Packet}, RECEIVED for {@code Data Received}
     * @param remote the address it went to or came from
     * @param local the client's own address
     */
    record PacketFrame(Direction direction, String remote, String local) {}

    /** Returns the frame {@code content} (the text after a log prefix) opens, or null. */
    static PacketFrame packetFrame(String content) {
        Direction d;
        int k;
        if (content.startsWith("Sending Packet")) {
            d = Direction.SENT;
            k = 14;
        } else if (content.startsWith("Data Received")) {
            d = Direction.RECEIVED;
            k = 13;
        } else {
            return null;
        }
        while (k < content.length() && (content.charAt(k) == ' ' || content.charAt(k) == '-')) {
            k++;
        }
        int e = k;
        while (e < content.length() && !isSpace(content.charAt(e)) && content.charAt(e) != '(') {
            e++;
        }
        String remote = content.substring(k, e);
        String local = "";
        int l = content.indexOf("Local Address:", e);
        if (l >= 0) {
            int s = skipSpaces(content, l + 14);
            int t = s;
            while (t < content.length() && !isSpace(content.charAt(t)) && content.charAt(t) != ')') {
                t++;
            }
            local = content.substring(s, t);
        }
        return new PacketFrame(d, remote, local);
    }

    /** Returns true when {@code content} closes a {@code .uccapilog} packet ({@code End of Sending Packet}, {@code End of Data Received}). */
    static boolean packetEnd(String content) {
        return content.startsWith("End of Sending Packet") || content.startsWith("End of Data Received");
    }

    /** Returns the URI of a name-addr or addr-spec ({@code "Bob" <sip:bob@x>;tag=1} → {@code sip:bob@x}), without URI parameters. */
    static String uri(String value) {
        int lt = value.indexOf('<');
        String u;
        if (lt >= 0) {
            int gt = value.indexOf('>', lt);
            u = gt > lt ? value.substring(lt + 1, gt) : value.substring(lt + 1);
        } else {
            int semi = value.indexOf(';');
            u = semi >= 0 ? value.substring(0, semi) : value;
        }
        int semi = u.indexOf(';');
        if (semi >= 0) {
            u = u.substring(0, semi);
        }
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        return u.strip();
    }

    /** Returns the {@code tag} parameter of a From or To value, if any. */
    static Optional<String> tag(String value) {
        int gt = value.lastIndexOf('>');
        int from = gt >= 0 ? gt : 0;
        String lower = value.toLowerCase(Locale.ROOT);
        int t = lower.indexOf(";tag=", from);
        if (t < 0) {
            t = lower.indexOf("; tag=", from);
            if (t < 0) {
                return Optional.empty();
            }
            t++;
        }
        int s = t + 5;
        int e = s;
        while (e < value.length() && value.charAt(e) != ';' && !isSpace(value.charAt(e)) && value.charAt(e) != ',') {
            e++;
        }
        return e > s ? Optional.of(value.substring(s, e)) : Optional.empty();
    }

    /** Returns the host (with its port when written) of a URI ({@code sip:edge.contoso.com:443;lr} → {@code edge.contoso.com:443}). */
    static String uriHost(String value) {
        String u = uri(value);
        int colon = u.indexOf(':');
        String rest = colon >= 0 && isScheme(u, 0, colon) ? u.substring(colon + 1) : u;
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int at = rest.lastIndexOf('@');
        return at >= 0 ? rest.substring(at + 1) : rest;
    }

    /** Returns the sent-by host of one Via value ({@code SIP/2.0/TLS 192.0.2.1:5061;branch=…} → {@code 192.0.2.1:5061}). */
    static String viaHost(String value) {
        String v = value.strip();
        int space = 0;
        while (space < v.length() && !isSpace(v.charAt(space))) {
            space++;
        }
        int s = skipSpaces(v, space);
        int e = s;
        while (e < v.length() && v.charAt(e) != ';' && !isSpace(v.charAt(e))) {
            e++;
        }
        return v.substring(s, e);
    }

    /** Returns the host of {@code address} without its port, lower case ({@code [2001:db8::1]:5061} → {@code [2001:db8::1]}). */
    static String hostOnly(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            return close > 0 ? a.substring(0, close + 1) : a;
        }
        int colon = a.indexOf(':');
        if (colon >= 0 && a.indexOf(':', colon + 1) < 0) {
            return a.substring(0, colon);
        }
        return a;
    }

    /** Splits a header value at commas that are outside quotes and angle brackets. */
    static List<String> splitList(String value) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                add(parts, value.substring(start, k));
                start = k + 1;
            }
        }
        add(parts, value.substring(start));
        return parts;
    }

    private static void add(List<String> parts, String part) {
        String p = part.strip();
        if (!p.isEmpty()) {
            parts.add(p);
        }
    }

    /** Returns true when {@code c} (after indentation) looks like a line of an SDP or XML body. */
    static boolean looksLikeBody(String c) {
        return (c.length() >= 2 && c.charAt(0) >= 'a' && c.charAt(0) <= 'z' && c.charAt(1) == '=')
                || c.startsWith("<")
                || c.startsWith("{");
    }

    /** Returns the index after a chat quote prefix ({@code >}, {@code > >}) and indentation at the start of {@code line}. */
    static int skipQuote(String line) {
        int k = 0;
        int limit = Math.min(line.length(), 64);
        while (k < limit && (isSpace(line.charAt(k)) || line.charAt(k) == '>')) {
            k++;
        }
        return k;
    }

    static int skipSpaces(String s, int from) {
        int k = from;
        while (k < s.length() && isSpace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    static boolean isBlank(String s) {
        return skipSpaces(s, 0) == s.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isMethodChar(char c) {
        return (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    }

    /** Header-name characters (RFC 3261 token). */
    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || isDigit(c)
                || c == '-'
                || c == '.'
                || c == '!'
                || c == '%'
                || c == '*'
                || c == '_'
                || c == '+'
                || c == '`'
                || c == '\''
                || c == '~';
    }

    /** Returns true when {@code s[from, to)} starts with a URI scheme and its colon ({@code sip:}, {@code tel:}). */
    private static boolean hasScheme(String s, int from, int to) {
        for (int k = from; k < to && k < from + 16; k++) {
            if (s.charAt(k) == ':') {
                return isScheme(s, from, k);
            }
        }
        return false;
    }

    private static boolean isScheme(String s, int from, int colon) {
        if (colon <= from) {
            return false;
        }
        for (int k = from; k < colon; k++) {
            char c = s.charAt(k);
            if (!((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (k > from && (isDigit(c) || c == '+' || c == '-' || c == '.')))) {
                return false;
            }
        }
        return true;
    }
}
