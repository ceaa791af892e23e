package io.icewarn.decoder;

import java.util.Objects;

/**
 * A public source the knowledge base cites.
 *
 * @param key the citation key ({@code S40})
 * @param title a short title
 * @param url where to read it, possibly empty when no stable address is known
 * @param label a short name a reader recognises (a title or site), for link text; the title when the
 *     knowledge base has none
 */
public record SourceRef(String key, String title, String url, String label) {
    public SourceRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(label, "label");
    }

    /** Returns a source whose label is its title. */
    public SourceRef(String key, String title, String url) {
        this(key, title, url, title);
    }
}
