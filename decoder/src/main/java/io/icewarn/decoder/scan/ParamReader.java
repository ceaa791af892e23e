package io.icewarn.decoder.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code ;key=value} parameters that follow an ID. Parameters are separated by {@code ;} with
 * optional spaces and at most one line break between them; the list ends at anything else, at the next
 * header, or after {@link #MAX_PARAMS}.
 */
final class ParamReader {
    /** The most parameters one diagnostic reads. */
    static final int MAX_PARAMS = 128;

    private static final int MAX_KEY_CHARS = 64;

    /**
     * The parameters read and the offset after the last one.
     *
     * @param params the parameters in order
     * @param end the offset after the last value, or the start offset when there is none
     */
    record Result(List<Param> params, int end) {}

    private ParamReader() {}

    /**
     * Returns the parameters starting at {@code from}. With {@code needSeparator} false the first
     * parameter may follow without a {@code ;} (as after a bare MediaDebug key).
     */
    static Result read(Source s, int from, boolean needSeparator, Problems problems) {
        List<Param> params = new ArrayList<>();
        int end = from;
        boolean separatorOptional = !needSeparator;
        while (params.size() < MAX_PARAMS) {
            int p = s.skipGap(end);
            if (s.at(p) == ';') {
                p = s.skipGap(p + 1);
            } else if (!separatorOptional) {
                break;
            }
            if (Anchor.headerAt(s, p)) {
                break;
            }
            int keyStart = p;
            if (!Source.isAsciiLetter(s.at(p))) {
                break;
            }
            int keyEnd = keyEnd(s, p);
            p = s.skipSpaceOrWrap(keyEnd, 8);
            if (s.at(p) != '=') {
                break;
            }
            String key = s.joined(keyStart, keyEnd);
            p = s.skipSpaceOrWrap(p + 1, 8);
            Value value = ValueReader.read(s, p, key.equalsIgnoreCase("reason"), problems);
            params.add(new Param(key, keyStart, value));
            end = Math.max(value.end(), p);
            separatorOptional = value.stoppedAtAnchor();
        }
        return new Result(params, end);
    }

    /**
     * Returns the offset after the key starting at {@code p}; a key wrapped over two lines goes on after the
     * wrap when it is followed by its {@code =} there.
     */
    private static int keyEnd(Source s, int p) {
        int q = p;
        while (Source.isKeyChar(s.at(q)) && q - p < MAX_KEY_CHARS) {
            q++;
        }
        int next = s.afterWrap(q);
        if (next == q || !Source.isKeyChar(s.at(next))) {
            return q;
        }
        int r = next;
        while (Source.isKeyChar(s.at(r)) && r - next < MAX_KEY_CHARS) {
            r++;
        }
        return s.at(s.skipSpaceOrWrap(r, 8)) == '=' ? r : q;
    }
}
