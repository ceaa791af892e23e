package io.icewarn.decoder.model;

/**
 * A half-open range {@code [start, end)} of character offsets into the text that was scanned.
 *
 * @param start offset of the first character, at least 0
 * @param end offset after the last character, at least {@code start}
 */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** Returns the number of characters covered. */
    public int length() {
        return end - start;
    }

    /** Returns this span moved right by {@code offset} characters. */
    public Span shift(int offset) {
        return new Span(start + offset, end + offset);
    }
}
