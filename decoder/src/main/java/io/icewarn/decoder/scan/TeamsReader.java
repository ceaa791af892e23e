package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.Fields;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.Span;
import io.icewarn.decoder.model.TeamsDiagnostic;
import io.icewarn.decoder.scan.TeamsLabels.Found;
import io.icewarn.decoder.scan.TeamsLabels.Label;
import io.icewarn.decoder.scan.TeamsLabels.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the Teams Direct Routing shapes: labelled codes in any order ({@code Final SIP code: 403, Final
 * Microsoft subcode: 510559}, {@code CallEndSubReason = 560484}, Graph's {@code "callEndSubReason": 540000}),
 * the rows of a PSTN usage report export under its header line, and {@code Reason: Q.850;cause=…}. Every read
 * is bounded: a group of labels by {@link #MAX_LABELS} and {@link #MAX_GROUP_CHARS}, an export by
 * {@link #MAX_ROWS} rows and {@link #MAX_EXPORT_CHARS}.
 */
final class TeamsReader {
    /** The most labels one diagnostic reads. */
    static final int MAX_LABELS = 40;

    /** The most characters one group of labels spans. */
    static final int MAX_GROUP_CHARS = 16 * 1024;

    /** The most rows of one export read; the rest is reported as a problem. */
    static final int MAX_ROWS = 1000;

    /** The most characters of rows of one export read. */
    static final int MAX_EXPORT_CHARS = 512 * 1024;

    /** The longest line of an export (header or row). */
    static final int MAX_LINE_CHARS = 16 * 1024;

    /** How far back from its first Teams column the start of an export's header line may be. */
    static final int MAX_HEADER_LOOKBACK = 2000;

    /** The most unknown members of a JSON object skipped between two known ones. */
    private static final int MAX_SKIPPED_MEMBERS = 64;

    private static final int MAX_CODE_DIGITS = Anchor.MAX_CODE_DIGITS;
    /** The most spaces between a label and its {@code :} (PowerShell's Format-List pads the labels). */
    private static final int MAX_PADDING = 40;

    private static final int MAX_TEXT_CHARS = 512;

    private TeamsReader() {}

    /** Reads what the label that starts at {@code start} begins: a group of labelled values, or an export. */
    static Read read(ScanState st, int start) {
        Source s = st.source();
        Found first = TeamsLabels.at(s, start);
        if (first == null) {
            return Read.NOTHING;
        }
        int delimiter = afterKeyQuote(s, first.end());
        while (s.at(delimiter) == ' ' && delimiter - first.end() < 8) {
            delimiter++; // not a tab: that is a delimiter itself
        }
        if (isDelimiter(s.at(delimiter)) && columnFollows(s, delimiter + 1)) {
            return readExport(st, start, s.at(delimiter));
        }
        return readGroup(st, first);
    }

    // ---- labelled values ----------------------------------------------------------------------------------

    private static Read readGroup(ScanState st, Found first) {
        Source s = st.source();
        boolean json = s.at(first.start() - 1) == '"';
        Map<Role, String> values = new EnumMap<>(Role.class);
        List<Field> fields = new ArrayList<>();
        int limit = first.start() + MAX_GROUP_CHARS;
        int end = -1;
        Found label = first;
        while (label != null && fields.size() < MAX_LABELS && label.end() < limit) {
            Role role = label.label().role();
            String key = s.joined(label.start(), label.end(), " ");
            if (role != Role.EXTRA ? values.containsKey(role) : has(fields, key)) {
                break; // a second group starts here
            }
            int valueStart = valueStart(s, label.end());
            Text value = role == Role.SIP || role == Role.MICROSOFT ? code(s, valueStart) : text(s, valueStart, role);
            if (value == null) {
                break;
            }
            if (role != Role.EXTRA) {
                values.put(role, value.text());
            }
            fields.add(new Field(flat(key), value.text()));
            end = value.end();
            label = next(s, end, json);
        }
        if (!values.containsKey(Role.SIP) && !values.containsKey(Role.MICROSOFT)) {
            return Read.NOTHING;
        }
        boolean report = !json && first.label().start() == TeamsLabels.Start.FINAL;
        TeamsDiagnostic d = new TeamsDiagnostic(
                new Span(first.start(), end),
                report ? Shape.TEAMS_REPORT : Shape.TEAMS_CALL_RECORD,
                number(values.get(Role.SIP)),
                number(values.get(Role.MICROSOFT)),
                OptionalInt.empty(),
                Optional.ofNullable(values.get(Role.PHRASE)).filter(p -> !p.isEmpty()),
                Optional.ofNullable(values.get(Role.CORRELATION)).filter(c -> !c.isEmpty()),
                Fields.of(fields));
        return Read.of(d, end);
    }

    private static boolean has(List<Field> fields, String key) {
        String flat = flat(key);
        for (Field f : fields) {
            if (f.key().equalsIgnoreCase(flat)) {
                return true;
            }
        }
        return false;
    }

    /** Returns {@code key} with its runs of spaces (a line wrap inside it was made one) as one space. */
    private static String flat(String key) {
        return key.replaceAll("\\s+", " ").strip();
    }

    /**
     * Returns where the value after a label ending at {@code labelEnd} starts: after the key's closing quote,
     * padding (a PowerShell list aligns its colons), a {@code :}, {@code =}, {@code ==} or dash, spaces and at
     * most one line break.
     */
    private static int valueStart(Source s, int labelEnd) {
        int p = s.skipSpaceOrWrap(afterKeyQuote(s, labelEnd), MAX_PADDING);
        char c = s.at(p);
        if (c == '=' && s.at(p + 1) == '=') {
            p++; // a query: where CallEndSubReason == 560484
        }
        if (c == ':' || c == '=' || ((c == '-' || c == '\u2013') && Source.isSpace(s.at(p + 1)))) {
            p = s.skipSpace(p + 1, 8);
        }
        return s.skipGap(p);
    }

    /** Returns the offset after a key's closing quote at {@code i} ({@code "finalSipCode":}), or {@code i}. */
    private static int afterKeyQuote(Source s, int i) {
        int p = i;
        if (s.at(p) == '\\' && s.at(p + 1) == '"') {
            p++;
        }
        return Quote.isDouble(s.at(p)) || Quote.isSingle(s.at(p)) ? p + 1 : i;
    }

    /** A value read: its text and the offset after it (and after its closing quote or markup). */
    private record Text(String text, int end) {}

    /** Reads a code: digits, perhaps in quotes or Markdown bold or code markup. */
    private static Text code(Source s, int from) {
        int p = skipMarkup(s, from);
        if (p > from && Source.isDigit(s.at(s.afterWrap(p)))) {
            p = s.afterWrap(p); // an opening quote, then the code wrapped onto the next line
        }
        int digits = p;
        p = s.digitsEnd(p, MAX_CODE_DIGITS);
        String text = s.digits(digits, p);
        if (p == digits || text.length() > MAX_CODE_DIGITS || Source.isAsciiLetter(s.at(p))) {
            return null;
        }
        if (s.at(p) == '.' && Source.isDigit(s.at(p + 1))) {
            return null; // a number with decimals is not a code
        }
        int markup = s.afterWrap(p);
        if (markup != p && skipMarkup(s, markup) > markup) {
            p = markup; // its closing quote or markup wrapped onto the next line
        }
        return new Text(text, skipMarkup(s, p));
    }

    /** Reads a phrase or another column's value: quoted, or to the end of the line or the next label. */
    private static Text text(Source s, int from, Role role) {
        Quote quote = Quote.openingAt(s, from);
        if (quote != null && quote != Quote.HTML) {
            int p = from + quote.openLength(s, from);
            int limit = p + MAX_TEXT_CHARS;
            StringBuilder sb = new StringBuilder();
            while (p < limit && p < s.length() && (!Source.isLineBreak(s.at(p)) || s.afterWrap(p) != p)) {
                if (Source.isLineBreak(s.at(p))) {
                    p = s.afterWrap(p); // a quoted phrase wrapped over two lines
                    continue;
                }
                int close = quote.closeLength(s, p);
                if (close > 0) {
                    return new Text(sb.toString().strip(), p + close);
                }
                sb.append(s.at(p));
                p++;
            }
            return new Text(sb.toString().strip(), p);
        }
        int p = from;
        int limit = from + MAX_TEXT_CHARS;
        int contentEnd = from;
        while (p < limit && p < s.length()) {
            char c = s.at(p);
            if (Source.isLineBreak(c) && p > from && valueWrapsAt(s, p, from)) {
                p = s.afterWrap(p);
                continue;
            }
            if (Source.isLineBreak(c) || c == '\t' || c == '|' || c == '"' || c == '`') {
                break;
            }
            if ((c == ',' || c == ';') && (role != Role.PHRASE || labelAfter(s, p + 1))) {
                break;
            }
            if (role != Role.PHRASE && Source.isSpace(c) && role != Role.EXTRA) {
                break;
            }
            if (p > from && Source.isAsciiLetter(c) && s.wordStartsAt(p) && TeamsLabels.at(s, p) != null) {
                break;
            }
            p++;
            if (!Source.isSpace(c)) {
                contentEnd = p;
            }
        }
        if (contentEnd == from) {
            return null;
        }
        String text = s.joined(from, contentEnd);
        while (text.endsWith("*")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.isBlank() ? null : new Text(text.strip(), contentEnd);
    }

    /** The narrowest column a mail program or a person wraps a line at. */
    private static final int MIN_WRAP_COLUMN = 10;

    /**
     * Returns true when the line break at {@code p} wraps an unquoted value (a phrase, a correlation ID) that
     * starts at {@code valueStart}: the next line is neither a label nor a new SIP line, and the value is on a
     * line of its own or its line is at least as wide as a wrap column and does not end a sentence.
     */
    private static boolean valueWrapsAt(Source s, int p, int valueStart) {
        int next = s.afterWrap(p);
        if (next == p
                || s.matches(next, "sip/2.0")
                || SipContext.isRequestLine(s, next)
                || TeamsLabels.at(s, next) != null) {
            return false;
        }
        if (s.beforeWrap(valueStart) != valueStart || Source.isLineBreak(s.at(valueStart - 1))) {
            return true; // a value on a line of its own, under its label (the admin center's detail lines)
        }
        int lineStart = p;
        while (lineStart > s.base() && p - lineStart < MIN_WRAP_COLUMN && !Source.isLineBreak(s.at(lineStart - 1))) {
            lineStart--;
        }
        char last = s.at(p - 1);
        return p - lineStart >= MIN_WRAP_COLUMN && last != '.' && last != '!' && last != '?' && last != ':';
    }

    /** Returns true when a known label follows {@code i} after spaces and an opening quote. */
    private static boolean labelAfter(Source s, int i) {
        int p = s.skipGap(i);
        Quote q = Quote.openingAt(s, p);
        if (q != null) {
            p += q.openLength(s, p);
        }
        return TeamsLabels.at(s, p) != null;
    }

    /** Returns the offset after opening or closing quotes, {@code **} and backticks at {@code i}. */
    private static int skipMarkup(Source s, int i) {
        int p = i;
        while (p - i < 4 && (s.at(p) == '*' || s.at(p) == '`' || Quote.isDouble(s.at(p)) || Quote.isSingle(s.at(p)))) {
            p++;
        }
        return p;
    }

    /**
     * Returns the label of the next field of the group after a value ending at {@code i}, or null: after a
     * separator ({@code , ; |} or a tab), spaces, at most one line break, a list bullet and an {@code and}; in a
     * JSON object, after other members as well.
     */
    private static Found next(Source s, int i, boolean json) {
        int p = s.skipSpaceOrWrap(i, 8);
        if (s.at(p) == ',' || s.at(p) == ';' || s.at(p) == '|' || s.at(p) == '\t') {
            p = s.skipSpace(p + 1, 8);
        }
        p = s.skipGap(p);
        if ((s.at(p) == '-' || s.at(p) == '*' || s.at(p) == '\u2022') && Source.isSpace(s.at(p + 1))) {
            p = s.skipSpace(p + 1, 8); // a list: "- Final Microsoft subcode: **540200**"
        }
        int and = s.matchWrapped(p, "and");
        if (and >= 0 && (Source.isSpace(s.at(and)) || s.afterWrap(and) != and)) {
            p = s.skipSpaceOrWrap(and, 8); // prose: "…, Final Microsoft subcode 540200, and Final SIP Code Phrase …"
        }
        if (json) {
            for (int skipped = 0; skipped < MAX_SKIPPED_MEMBERS && s.at(p) == '"'; skipped++) {
                if (TeamsLabels.at(s, p + 1) != null) {
                    break;
                }
                int after = skipMember(s, p);
                if (after < 0) {
                    return null;
                }
                p = after;
            }
        }
        Quote q = Quote.openingAt(s, p);
        if (q != null) {
            p += q.openLength(s, p);
        }
        return TeamsLabels.at(s, p);
    }

    /**
     * Returns where the member after the JSON member {@code "key": value,} at {@code i} starts, or -1 when it
     * is not one (a nested value, the end of the object, a long value).
     */
    private static int skipMember(Source s, int i) {
        int p = i + 1;
        int limit = p + 128;
        while (p < limit && s.at(p) != '"' && !Source.isLineBreak(s.at(p)) && s.at(p) != Source.NONE) {
            p++;
        }
        if (s.at(p) != '"') {
            return -1;
        }
        p = s.skipSpace(p + 1, 8);
        if (s.at(p) != ':') {
            return -1;
        }
        p = s.skipSpace(p + 1, 8);
        if (s.at(p) == '"') {
            p++;
            limit = p + 1024;
            while (p < limit && s.at(p) != '"' && !Source.isLineBreak(s.at(p)) && s.at(p) != Source.NONE) {
                p += s.at(p) == '\\' ? 2 : 1;
            }
            if (s.at(p) != '"') {
                return -1;
            }
            p++;
        } else {
            int start = p;
            while (p - start < 64 && (Source.isKeyChar(s.at(p)) || s.at(p) == '+' || s.at(p) == ':')) {
                p++;
            }
            if (p == start) {
                return -1;
            }
        }
        p = s.skipSpace(p, 8);
        if (s.at(p) != ',') {
            return -1;
        }
        return s.skipGap(s.skipSpace(p + 1, 8));
    }

    private static OptionalInt number(String digits) {
        if (digits == null || digits.isEmpty()) {
            return OptionalInt.empty();
        }
        long v = Long.parseLong(digits);
        return v > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) v);
    }

    // ---- the PSTN usage report export -------------------------------------------------------------------

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '\t' || c == ';' || c == '|';
    }

    /** Returns true when a column name, not a value, follows a delimiter at {@code i}: a letter, perhaps quoted. */
    private static boolean columnFollows(Source s, int i) {
        int p = s.skipSpace(i, 8);
        if (s.at(p) == '"') {
            p++;
        }
        return Source.isAsciiLetter(s.at(p));
    }

    /** A column of an export that is kept: its name as written, its label, its index. */
    private record Column(String name, Label label, int index) {}

    /**
     * Reads the header line that holds the label at {@code labelStart} and the rows under it; each row with as
     * many cells as the header and a SIP or Microsoft code is one diagnostic, all but the last emitted here.
     */
    private static Read readExport(ScanState st, int labelStart, char delimiter) {
        Source s = st.source();
        int lineStart = labelStart;
        while (lineStart > s.base() && !Source.isLineBreak(s.at(lineStart - 1))) {
            if (labelStart - lineStart >= MAX_HEADER_LOOKBACK) {
                return Read.NOTHING;
            }
            lineStart--;
        }
        int lineEnd = lineEnd(s, labelStart);
        if (lineEnd < 0) {
            return Read.NOTHING;
        }
        List<String> header = cells(s, lineStart, lineEnd, delimiter);
        List<Column> columns = new ArrayList<>();
        int sip = -1;
        int microsoft = -1;
        for (int k = 0; k < header.size(); k++) {
            Label label = TeamsLabels.whole(header.get(k));
            if (label == null) {
                continue;
            }
            columns.add(new Column(header.get(k).strip(), label, k));
            if (label.role() == Role.SIP && sip < 0) {
                sip = k;
            } else if (label.role() == Role.MICROSOFT && microsoft < 0) {
                microsoft = k;
            }
        }
        if ((sip < 0 && microsoft < 0) || columns.size() < 2) {
            return Read.NOTHING; // an export names at least a code and one more Teams column
        }
        int p = s.afterLineBreak(lineEnd);
        int rowsFrom = p;
        int rows = 0;
        int end = lineEnd;
        TeamsDiagnostic last = null;
        while (p < s.length() && !Source.isLineBreak(s.at(p)) && !st.full()) {
            int rowEnd = lineEnd(s, p);
            if (rowEnd < 0) {
                break;
            }
            if (rows >= MAX_ROWS || rowEnd - rowsFrom > MAX_EXPORT_CHARS) {
                st.problems().add(p, "Only the first " + rows + " rows of this PSTN usage report export were read.");
                break;
            }
            List<String> cells = cells(s, p, rowEnd, delimiter);
            OptionalInt sipCode = sip >= 0 && sip < cells.size() ? digits(cells.get(sip)) : OptionalInt.empty();
            OptionalInt msCode =
                    microsoft >= 0 && microsoft < cells.size() ? digits(cells.get(microsoft)) : OptionalInt.empty();
            if (cells.size() != header.size()
                    || (sipCode.isEmpty() && msCode.isEmpty())
                    || (sipCode.isPresent() && !isSipCode(sipCode.getAsInt()))) {
                break; // not a row of this export
            }
            if (last != null) {
                st.emit(last);
            }
            last = row(p, rowEnd, cells, columns, sipCode, msCode);
            rows++;
            end = rowEnd;
            p = s.afterLineBreak(rowEnd);
        }
        return last == null ? Read.skip(lineEnd) : Read.of(last, end);
    }

    private static TeamsDiagnostic row(
            int start, int end, List<String> cells, List<Column> columns, OptionalInt sip, OptionalInt ms) {
        List<Field> fields = new ArrayList<>();
        String phrase = null;
        String correlation = null;
        for (Column c : columns) {
            String value = cells.get(c.index()).strip();
            if (value.isEmpty()) {
                continue;
            }
            fields.add(new Field(c.name(), value));
            if (c.label().role() == Role.PHRASE && phrase == null) {
                phrase = value;
            } else if (c.label().role() == Role.CORRELATION && correlation == null) {
                correlation = value;
            }
        }
        return new TeamsDiagnostic(
                new Span(start, end),
                Shape.TEAMS_CSV_ROW,
                sip,
                ms,
                OptionalInt.empty(),
                Optional.ofNullable(phrase),
                Optional.ofNullable(correlation),
                Fields.of(fields));
    }

    /** Returns true for a final SIP code a report can show: 0 (none) or 100 to 699. */
    private static boolean isSipCode(int code) {
        return code == 0 || (code >= 100 && code <= 699);
    }

    private static OptionalInt digits(String cell) {
        String v = cell.strip();
        if (v.isEmpty() || v.length() > MAX_CODE_DIGITS) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < v.length(); i++) {
            if (!Source.isDigit(v.charAt(i))) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(v));
    }

    /** Returns the offset of the line break (or text end) that ends the line holding {@code i}, or -1 when too far. */
    private static int lineEnd(Source s, int i) {
        int p = i;
        int limit = i + MAX_LINE_CHARS;
        while (p < s.length() && !Source.isLineBreak(s.at(p))) {
            if (p >= limit) {
                return -1;
            }
            p++;
        }
        return p;
    }

    /** Returns the cells of the CSV line {@code [from, to)}: quoted cells unquoted ({@code ""} is a quote). */
    static List<String> cells(Source s, int from, int to, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int p = from;
        boolean quoted = false;
        boolean cellStart = true;
        while (p < to) {
            char c = s.at(p);
            if (quoted) {
                if (c == '"' && s.at(p + 1) == '"' && p + 1 < to) {
                    cell.append('"');
                    p += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStart = true;
                p++;
                continue;
            } else if (c == '"' && cellStart && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else {
                cell.append(c);
            }
            cellStart = false;
            p++;
        }
        cells.add(cell.toString());
        return cells;
    }

    // ---- Reason: Q.850 --------------------------------------------------------------------------------------

    /** Reads {@code Q.850;cause=63;text="…"} at {@code at}; {@code semicolon} is where its first {@code ;} is. */
    static Read readQ850(ScanState st, int at, int semicolon) {
        Source s = st.source();
        ParamReader.Result r = ParamReader.read(s, s.matchWrapped(at, "q.850"), true, st.problems());
        int end = Math.max(semicolon + 1, r.end());
        OptionalInt cause = OptionalInt.empty();
        String text = null;
        List<Field> fields = new ArrayList<>();
        for (Param p : r.params()) {
            fields.add(new Field(p.key(), p.value().text()));
            if (p.is("cause") && cause.isEmpty()) {
                cause = digits(p.value().text());
            } else if (p.is("text") && text == null) {
                text = p.value().text().strip();
            }
        }
        if (cause.isEmpty()) {
            st.problems().add(at, "A Q.850 reason without a cause number was skipped.");
            return Read.skip(end);
        }
        Optional<String> correlation = Optional.empty();
        Optional<String> phrase = Optional.ofNullable(text).filter(t -> !t.isEmpty());
        if (text != null && text.length() > 37 && text.charAt(36) == ';' && isGuid(text.substring(0, 36))) {
            correlation = Optional.of(text.substring(0, 36));
            phrase = Optional.of(text.substring(37).strip()).filter(t -> !t.isEmpty());
        }
        TeamsDiagnostic d = new TeamsDiagnostic(
                new Span(at, end),
                Shape.Q850_REASON,
                st.sipStatus(at),
                OptionalInt.empty(),
                cause,
                phrase,
                correlation,
                Fields.of(fields));
        return Read.of(d, end);
    }

    /** Returns true for a GUID written {@code 8-4-4-4-12} hex digits. */
    static boolean isGuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
