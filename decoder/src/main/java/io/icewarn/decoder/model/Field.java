package io.icewarn.decoder.model;

import java.util.Objects;

/**
 * One raw {@code key=value} pair as it appeared in a diagnostic, after quotes, escapes and line
 * wraps were undone. The value may be empty (scrubbed placeholders such as {@code RemoteSite=}).
 *
 * @param key the key as written (case kept), never blank
 * @param value the value, never null, possibly empty
 */
public record Field(String key, String value) {
    public Field {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isBlank()) {
            throw new IllegalArgumentException("blank key");
        }
    }
}
