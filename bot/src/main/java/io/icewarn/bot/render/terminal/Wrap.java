package io.icewarn.bot.render.terminal;

/**
 * Wraps one line of text at a width for a terminal: breaks at spaces, never inside a word (a long address
 * stays whole on its own line), and starts every continuation line with a hanging indent. Widths count
 * code points and skip ANSI escape sequences, which take no column. Stateless.
 */
final class Wrap {
    private static final char ESC = '\u001B';

    private Wrap() {}

    /**
     * Returns {@code line} (no line breaks in it) wrapped at {@code width} columns, continuation lines
     * starting with {@code hang}; unchanged when {@code width} is 0 or the line fits.
     */
    static String wrap(String line, int width, String hang) {
        if (width == 0 || columns(line, 0, line.length()) <= width) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        int start = 0;
        int n = line.length();
        int room = width;
        boolean first = true;
        while (start < n) {
            if (!first) {
                while (start < n && line.charAt(start) == ' ') {
                    start++;
                }
                if (start >= n) {
                    break;
                }
                out.append('\n').append(hang);
                room = Math.max(10, width - hang.length());
            }
            int end = fit(line, start, room);
            out.append(line, start, end);
            start = end;
            first = false;
        }
        return out.toString();
    }

    /** Returns where the piece starting at {@code start} ends: the last space within {@code room} columns. */
    private static int fit(String line, int start, int room) {
        int cols = 0;
        int lastSpace = -1;
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ESC) {
                i = skipEscape(line, i);
                continue;
            }
            if (c == ' ' && i > start) {
                lastSpace = i;
            }
            if (cols == room) {
                break;
            }
            cols++;
            i += Character.charCount(line.codePointAt(i));
        }
        if (i >= line.length()) {
            return line.length();
        }
        if (line.charAt(i) == ' ') {
            return i;
        }
        if (lastSpace > start) {
            return lastSpace;
        }
        // one word longer than the room: keep it whole up to the next space
        int next = line.indexOf(' ', i);
        return next < 0 ? line.length() : next;
    }

    /** Returns the columns {@code line} takes from {@code from} to {@code to}. */
    static int columns(String line, int from, int to) {
        int cols = 0;
        int i = from;
        while (i < to) {
            if (line.charAt(i) == ESC) {
                i = skipEscape(line, i);
                continue;
            }
            cols++;
            i += Character.charCount(line.codePointAt(i));
        }
        return cols;
    }

    /** Returns the index after the ANSI escape sequence starting at {@code i}. */
    private static int skipEscape(String line, int i) {
        int j = i + 1;
        if (j < line.length() && line.charAt(j) == '[') {
            j++;
            while (j < line.length() && !(line.charAt(j) >= '@' && line.charAt(j) <= '~')) {
                j++;
            }
            return Math.min(line.length(), j + 1);
        }
        return j;
    }
}
