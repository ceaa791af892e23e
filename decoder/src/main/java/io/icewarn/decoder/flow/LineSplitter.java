package io.icewarn.decoder.flow;

/**
 * Cuts characters fed in pieces into lines ({@code \n}, {@code \r\n} or a lone {@code \r} ends one) and passes
 * each to a {@link MessageReader} with its offset and line break. A line longer than
 * {@link FlowReader#MAX_LINE_CHARS} is passed cut, its offsets kept. Holds one line. Not thread-safe.
 */
final class LineSplitter {
    private final MessageReader reader;
    private final StringBuilder line = new StringBuilder();
    private boolean cut;
    private boolean pendingCr;
    /** The offset of the line being gathered, and of the next character fed. */
    private long lineStart;

    private long next;

    LineSplitter(MessageReader reader) {
        this.reader = reader;
    }

    /** Returns the offset of the next character to be fed. */
    long offset() {
        return next;
    }

    /** Feeds {@code chars[from, to)}. */
    void feed(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    next++;
                    emit("\r\n");
                    continue;
                }
                emit("\r");
            }
            if (c == '\n') {
                next++;
                emit("\n");
            } else if (c == '\r') {
                next++;
                pendingCr = true;
            } else {
                next++;
                if (line.length() < FlowReader.MAX_LINE_CHARS) {
                    line.append(c);
                } else {
                    cut = true;
                }
            }
        }
    }

    /** Feeds {@code text[from, to)}. */
    void feed(CharSequence text, int from, int to) {
        char[] buffer = new char[Math.min(8192, Math.max(1, to - from))];
        for (int i = from; i < to; i += buffer.length) {
            int n = Math.min(buffer.length, to - i);
            for (int k = 0; k < n; k++) {
                buffer[k] = text.charAt(i + k);
            }
            feed(buffer, 0, n);
        }
    }

    /** Passes on the last line, if any, and ends the input. */
    void finish() {
        if (pendingCr) {
            pendingCr = false;
            emit("\r");
        }
        if (line.length() > 0 || cut) {
            emit("");
        }
        reader.end();
    }

    private void emit(String lineBreak) {
        int length = (int) (next - lineStart) - lineBreak.length();
        reader.line(line.toString(), (int) lineStart, length, lineBreak);
        line.setLength(0);
        cut = false;
        lineStart = next;
    }
}
