package io.icewarn.bot.reply;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A citation as shown in a reply: link text a reader recognises, never a bare key.
 *
 * @param key the citation key ({@code S40}), for the ticket's list of sources
 * @param label the source's short name (a title or site), the link text
 * @param title the full title, possibly empty when the key is unknown
 * @param url where to read it, possibly empty
 */
public record SourceLink(String key, String label, String title, String url) {
    public SourceLink {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }

    /** Returns the labels of {@code links} as one list for plain text, e.g. {@code Microsoft Learn: …; ucsorted: …}. */
    public static String labels(List<SourceLink> links) {
        return links.stream().map(SourceLink::label).collect(Collectors.joining("; "));
    }
}
