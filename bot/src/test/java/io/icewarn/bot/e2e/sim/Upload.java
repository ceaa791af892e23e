package io.icewarn.bot.e2e.sim;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file uploaded in a multipart body, as the simulator received it.
 *
 * @param field the form field, e.g. {@code files[0]}
 * @param name its file name
 * @param contentType the part's {@code Content-Type}, or {@code ""}
 * @param data its bytes (copied in and out)
 */
public record Upload(String field, String name, String contentType, byte[] data) {
    public Upload {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Upload u
                && field.equals(u.field)
                && name.equals(u.name)
                && contentType.equals(u.contentType)
                && Arrays.equals(data, u.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, name, contentType, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Upload[" + field + ", " + name + ", " + contentType + ", " + data.length + " bytes]";
    }
}
