package io.icewarn.bot.e2e.sim;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file a simulated user attaches; the simulator serves its bytes on its own CDN route.
 *
 * @param name the file name, e.g. {@code client.log}
 * @param bytes the content
 * @param contentType the MIME type Discord reports, e.g. {@code text/plain; charset=utf-8}
 */
public record Attachment(String name, byte[] bytes, String contentType) {
    public Attachment {
        Objects.requireNonNull(name, "name");
        bytes = bytes.clone();
        Objects.requireNonNull(contentType, "contentType");
    }

    /** Returns a UTF-8 text file. */
    public static Attachment text(String name, String text) {
        return new Attachment(name, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
