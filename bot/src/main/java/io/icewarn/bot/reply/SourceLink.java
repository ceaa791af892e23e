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

    /** Returns the keys of {@code links} as one list for plain text, e.g. {@code S3, S40}. */
    public static String keys(java.util.List<SourceLink> links) {
        return links.stream().map(SourceLink::key).collect(java.util.stream.Collectors.joining(", "));
    }
}
