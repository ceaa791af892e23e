package io.icewarn.decoder.kb;

import java.util.Objects;

/**
 * One row of {@code sources.json}: exactly one of {@code url} and {@code noUrl} is set.
 *
 * @param url where to read the source, or null when there is no address to give
 * @param noUrl why there is no address (the source was recorded without one, or spans several pages), or
 *     null when {@code url} is set
 */
public record SourceEntry(String key, String title, String url, String noUrl) {
    public SourceEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        if ((url == null) == (noUrl == null)) {
            throw new IllegalArgumentException(key + ": give either url or noUrl");
        }
    }
}
