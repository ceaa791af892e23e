package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Field;
import io.icewarn.decoder.model.Fields;
import io.icewarn.decoder.model.QoeReport;
import io.icewarn.decoder.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the connectivity part of a pasted QoE report. A {@code <Connectivity>} block becomes one report
 * with every simple child element as a field; {@code <Ice>} and {@code <IceWarningFlags>} written without
 * their block are grouped by {@link ScanState#qoeElement}. Namespace prefixes such as {@code v2:} are ignored.
 */
final class QoeReader {
    /** The most characters one {@code <Connectivity>} block reads. */
    static final int MAX_BLOCK_CHARS = 8 * 1024;

    private static final int MAX_NAME_CHARS = 64;
    private static final int MAX_TAG_CHARS = 256;
    private static final int MAX_TEXT_CHARS = 256;

    private QoeReader() {}

    /** Returns the end of the element name when a QoE anchor tag starts at {@code i}, or -1. */
    static int match(Source s, int i) {
        if (s.at(i) != '<') {
            return -1;
        }
        int nameStart = s.afterWrap(i + 1);
        int nameEnd = nameEnd(s, nameStart);
        if (nameEnd < 0 || !tagContinues(s.at(nameEnd))) {
            return -1;
        }
        int local = localStart(s, nameStart, nameEnd);
        return isLocal(s, local, nameEnd, "connectivity")
                        || isLocal(s, local, nameEnd, "ice")
                        || isLocal(s, local, nameEnd, "icewarningflags")
                ? nameEnd
                : -1;
    }

    /** Returns true when a tag at {@code i} ends a group of QoE elements ({@code <MediaLine}, {@code </MediaLine>}, {@code </Connectivity>}). */
    static boolean isBoundary(Source s, int i) {
        if (s.at(i) != '<') {
            return false;
        }
        int afterLt = s.afterWrap(i + 1);
        boolean closing = s.at(afterLt) == '/';
        int start = closing ? s.afterWrap(afterLt + 1) : afterLt;
        int nameEnd = nameEnd(s, start);
        if (nameEnd < 0) {
            return false;
        }
        int local = localStart(s, start, nameEnd);
        return isLocal(s, local, nameEnd, "medialine") || (closing && isLocal(s, local, nameEnd, "connectivity"));
    }

    static Read read(ScanState st, int at, int nameEnd) {
        Source s = st.source();
        int tagEnd = tagEnd(s, nameEnd);
        if (tagEnd < 0 || s.at(tagEnd - 2) == '/') {
            return Read.NOTHING;
        }
        int local = localStart(s, s.afterWrap(at + 1), nameEnd);
        if (isLocal(s, local, nameEnd, "connectivity")) {
            return readBlock(st, at, tagEnd);
        }
        int lt = indexOf(s, '<', tagEnd, tagEnd + MAX_TEXT_CHARS);
        int slash = s.afterWrap(lt + 1);
        if (lt < 0 || s.at(slash) != '/') {
            return Read.NOTHING;
        }
        int closeStart = s.afterWrap(slash + 1);
        int closeNameEnd = nameEnd(s, closeStart);
        int closeEnd = closeNameEnd < 0 ? -1 : tagEnd(s, closeNameEnd);
        if (closeEnd < 0 || !sameName(s, local, nameEnd, localStart(s, closeStart, closeNameEnd), closeNameEnd)) {
            return Read.NOTHING;
        }
        st.qoeElement(s.joined(local, nameEnd), s.joined(tagEnd, lt).strip(), at, closeEnd);
        return Read.skip(closeEnd);
    }

    private static Read readBlock(ScanState st, int at, int openEnd) {
        Source s = st.source();
        int limit = Math.min(s.length(), openEnd + MAX_BLOCK_CHARS);
        List<Field> fields = new ArrayList<>();
        int end = openEnd;
        int p = openEnd;
        int openLocal = -1;
        int openNameEnd = -1;
        int openTextStart = -1;
        while (p < limit) {
            int lt = indexOf(s, '<', p, limit);
            if (lt < 0) {
                break;
            }
            int afterLt = s.afterWrap(lt + 1);
            boolean closing = s.at(afterLt) == '/';
            int nameStart = closing ? s.afterWrap(afterLt + 1) : afterLt;
            int nameEnd = nameEnd(s, nameStart);
            if (nameEnd < 0) {
                p = lt + 1;
                continue;
            }
            int tagEnd = tagEnd(s, nameEnd);
            if (tagEnd < 0) {
                break;
            }
            int local = localStart(s, nameStart, nameEnd);
            if (isLocal(s, local, nameEnd, "medialine") || (!closing && isLocal(s, local, nameEnd, "connectivity"))) {
                break;
            }
            if (closing) {
                if (isLocal(s, local, nameEnd, "connectivity")) {
                    end = tagEnd;
                    break;
                }
                if (openLocal >= 0 && sameName(s, openLocal, openNameEnd, local, nameEnd)) {
                    fields.add(new Field(
                            s.joined(openLocal, openNameEnd),
                            s.joined(openTextStart, lt).strip()));
                    end = tagEnd;
                }
                openLocal = -1;
            } else if (s.at(tagEnd - 2) == '/') {
                fields.add(new Field(s.joined(local, nameEnd), ""));
                end = tagEnd;
                openLocal = -1;
            } else {
                openLocal = local;
                openNameEnd = nameEnd;
                openTextStart = tagEnd;
            }
            p = tagEnd;
        }
        Fields all = Fields.of(fields);
        if (all.get("Ice").isEmpty() && all.get("IceWarningFlags").isEmpty()) {
            return Read.NOTHING;
        }
        QoeReport report = report(new Span(at, end), all, st.problems());
        st.emit(report);
        return Read.skip(end);
    }

    /** Returns the report made of connectivity fields; reports an IceWarningFlags value that is not a number. */
    static QoeReport report(Span span, Fields fields, Problems problems) {
        Optional<String> ice = fields.nonEmpty("Ice");
        return new QoeReport(
                span, ScanState.parseFlags(fields.nonEmpty("IceWarningFlags"), span.start(), problems), ice, fields);
    }

    /** Returns the end of an XML name ({@code v2:IceWarningFlags}) starting at {@code i}, or -1. */
    private static int nameEnd(Source s, int i) {
        if (!Source.isAsciiLetter(s.at(i))) {
            return -1;
        }
        int j = i;
        boolean wrapped = false;
        while (j - i < MAX_NAME_CHARS) {
            char c = s.at(j);
            if (Source.isKeyChar(c) || c == ':') {
                j++;
                continue;
            }
            int next = s.afterWrap(j);
            if (wrapped || next == j || !isNameChar(s.at(next)) || !nameEndsOnLine(s, next)) {
                break;
            }
            wrapped = true; // a name wrapped over two lines: it goes on when it ends its tag on the next line
            j = next;
        }
        return j;
    }

    private static boolean isNameChar(char c) {
        return Source.isKeyChar(c) || c == ':';
    }

    private static boolean nameEndsOnLine(Source s, int i) {
        int j = i;
        while ((Source.isKeyChar(s.at(j)) || s.at(j) == ':') && j - i < MAX_NAME_CHARS) {
            j++;
        }
        char c = s.at(j);
        return c == '>' || c == '/' || Source.isSpace(c);
    }

    private static boolean tagContinues(char c) {
        return c == '>' || c == '/' || Source.isSpace(c) || Source.isLineBreak(c);
    }

    /** Returns the offset after the {@code >} closing the tag whose name ends at {@code nameEnd}, or -1. */
    private static int tagEnd(Source s, int nameEnd) {
        if (!tagContinues(s.at(nameEnd))) {
            return -1;
        }
        int gt = indexOf(s, '>', nameEnd, nameEnd + MAX_TAG_CHARS);
        return gt < 0 ? -1 : gt + 1;
    }

    private static int localStart(Source s, int nameStart, int nameEnd) {
        int local = nameStart;
        for (int k = nameStart; k < nameEnd; k = s.afterWrap(k + 1)) {
            if (s.at(k) == ':') {
                local = k + 1;
            }
        }
        return local;
    }

    private static boolean isLocal(Source s, int local, int nameEnd, String lower) {
        return nameEnd - local == lower.length() && s.matches(local, lower)
                || nameEnd - local > lower.length() && s.joined(local, nameEnd).equalsIgnoreCase(lower);
    }

    private static boolean sameName(Source s, int aStart, int aEnd, int bStart, int bEnd) {
        return s.joined(aStart, aEnd).equalsIgnoreCase(s.joined(bStart, bEnd));
    }

    private static int indexOf(Source s, char c, int from, int to) {
        int limit = Math.min(s.length(), to);
        for (int i = from; i < limit; i++) {
            if (s.at(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
