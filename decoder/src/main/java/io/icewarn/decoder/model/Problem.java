package io.icewarn.decoder.model;

import java.util.Objects;

/**
 * Something in the input that could not be read as intended, reported as a value instead of thrown.
 *
 * @param offset character offset in the scanned text the problem refers to
 * @param message a plain sentence for the user
 */
public record Problem(int offset, String message) {
    public Problem {
        Objects.requireNonNull(message, "message");
    }
}
