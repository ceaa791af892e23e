package io.icewarn.decoder;

import java.util.Objects;

/**
 * A public source the knowledge base cites.
 *
 * @param key the citation key ({@code S40})
 * @param title a short title
 * @param url where to read it, possibly empty when no stable address is known
 */
public record SourceRef(String key, String title, String url) {
    public SourceRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
