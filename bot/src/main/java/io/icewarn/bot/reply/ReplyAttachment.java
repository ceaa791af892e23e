package io.icewarn.bot.reply;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file that goes with an answer, such as a picture of the call. Immutable: the bytes are copied in and
 * out.
 *
 * @param fileName the name it is sent under, e.g. {@code ladder.png}
 * @param mediaType its media type, e.g. {@code image/png}
 * @param description what it shows, in words (alt text), possibly empty
 */
public record ReplyAttachment(String fileName, String mediaType, String description, byte[] data) {
    public ReplyAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(description, "description");
        data = data.clone();
    }

    /** Returns a copy of the file's bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Returns the file's length in bytes. */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplyAttachment a
                && fileName.equals(a.fileName)
                && mediaType.equals(a.mediaType)
                && description.equals(a.description)
                && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, description, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "ReplyAttachment[" + fileName + ", " + mediaType + ", " + data.length + " bytes]";
    }
}
