package io.icewarn.bot.reply;

import java.util.Objects;

/**
 * A citation as shown in a reply.
 *
 * @param key the citation key ({@code S40})
 * @param title a short title, possibly empty when the key is unknown
 * @param url where to read it, possibly empty
 */
public record SourceLink(String key, String title, String url) {
    public SourceLink {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
