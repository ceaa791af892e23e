package io.icewarn.decoder.flow;

import java.util.Objects;

/**
 * One header of a SIP message, unfolded.
 *
 * @param name the name as written
 * @param value the value with folds and wraps joined, at most {@link FlowReader#MAX_HEADER_CHARS} characters
 */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
