package io.icewarn.decoder.kb;

import java.util.Objects;

/**
 * One row of {@code sources.json}: exactly one of {@code url} and {@code noUrl} is set.
 *
 * @param key the citation key ({@code S40})
 * @param label a short name a reader recognises (a title or site, at most 48 characters), used as link
 *     text; null only in data written before labels existed, which the compliance test refuses
 * @param title the full title
 * @param url where to read the source, or null when there is no address to give
 * @param noUrl why there is no address (the source was recorded without one, or spans several pages), or
 *     null when {@code url} is set
 */
public record SourceEntry(String key, String label, String title, String url, String noUrl) {
    public SourceEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        if ((url == null) == (noUrl == null)) {
            throw new IllegalArgumentException(key + ": give either url or noUrl");
        }
    }
}
