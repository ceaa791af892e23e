package io.icewarn.bot.features.fetch;

import java.util.Locale;
import java.util.Objects;
import net.dv8tion.jda.api.entities.Message;

/**
 * A file to read: a message attachment or a paste-site link.
 *
 * @param name the file name as shown to the user
 * @param url where to download it (the attachment's own URL, or a paste's raw URL)
 * @param size the declared size in bytes, or -1 when unknown (links)
 * @param contentType the declared MIME type, possibly empty
 */
public record FileRef(String name, String url, long size, String contentType) {
    public FileRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(contentType, "contentType");
    }

    /** Returns the reference to {@code attachment}, downloaded from its own URL. */
    public static FileRef of(Message.Attachment attachment) {
        return new FileRef(
                attachment.getFileName(),
                attachment.getUrl(),
                attachment.getSize(),
                attachment.getContentType() == null ? "" : attachment.getContentType());
    }

    /** Returns the name's extension in lower case without the dot, or "". */
    public String extension() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Returns true when the name or type says it is a log, text or an archive the user meant to be read. */
    public boolean claimsLog() {
        String ext = extension();
        return LogReader.LOG_EXTENSIONS.contains(ext)
                || ext.equals("zip")
                || ext.equals("gz")
                || contentType.startsWith("text/");
    }

    /** Returns true for images, audio and video, which are never downloaded. */
    public boolean media() {
        return contentType.startsWith("image/") || contentType.startsWith("audio/") || contentType.startsWith("video/");
    }
}
