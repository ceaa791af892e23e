package io.icewarn.decoder.scan;

/**
 * One parameter value as read: quotes, escapes and line wraps undone.
 *
 * @param text the value
 * @param start offset of the value (its opening quote, if any)
 * @param end offset after the value (after its closing quote, if any)
 * @param quoted whether it was written in quotes
 * @param closed whether its quote was closed (always true when unquoted)
 * @param stoppedAtAnchor whether an open quote was ended by the start of another diagnostic
 */
record Value(String text, int start, int end, boolean quoted, boolean closed, boolean stoppedAtAnchor) {}
