package io.icewarn.bot.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into pieces that fit a length limit (counted in UTF-16 code units, as Discord and JDA count)
 * without cutting a line or a word where that can be avoided, and never inside a surrogate pair.
 * Stateless and thread-safe.
 */
public final class TextSplitter {
    private static final String ELLIPSIS = "…";

    private TextSplitter() {}

    /**
     * Returns {@code text} cut into pieces of at most {@code limit} code units: at a line break when one is
     * in reach, else after a space, else at a code-point boundary. Joining the pieces gives the text back
     * except for the line breaks or spaces the cuts fell on.
     */
    public static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be at least 2");
        }
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = cutPoint(rest, limit);
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut);
            int skip = 0;
            while (skip < rest.length() && (rest.charAt(skip) == '\n' || rest.charAt(skip) == ' ')) {
                skip++;
            }
            rest = rest.substring(skip);
        }
        if (!rest.isEmpty() || out.isEmpty()) {
            out.add(rest);
        }
        out.removeIf(String::isEmpty);
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    /**
     * Returns {@code lines} joined with line breaks into pieces of at most {@code limit} code units; a line
     * is never split across two pieces unless it alone is longer than {@code limit}.
     */
    public static List<String> pack(List<String> lines, int limit) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            List<String> parts = line.length() > limit ? split(line, limit) : List.of(line);
            for (String part : parts) {
                int needed = current.length() == 0 ? part.length() : current.length() + 1 + part.length();
                if (needed > limit && current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(part);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /**
     * Returns {@code text} if it fits {@code limit}, else its longest prefix ending at a word boundary (or,
     * for one long word, at a code-point boundary) followed by an ellipsis, within {@code limit}.
     */
    public static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = cutPoint(text, limit - ELLIPSIS.length());
        String head = text.substring(0, cut).stripTrailing();
        return head + ELLIPSIS;
    }

    /** Returns where to cut {@code text} so the head is at most {@code limit} code units. */
    private static int cutPoint(String text, int limit) {
        int max = limit;
        if (Character.isLowSurrogate(text.charAt(max)) && Character.isHighSurrogate(text.charAt(max - 1))) {
            max--; // the code unit at max-1 starts a pair that would be cut
        }
        int newline = text.lastIndexOf('\n', max);
        if (newline > max / 2) {
            return newline;
        }
        for (int i = max; i > max / 2; i--) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n') {
                return i;
            }
        }
        return max;
    }
}
