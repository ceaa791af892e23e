package io.icewarn.bot.features.fetch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Downloads a file by URL. The production one uses the JDK HttpClient ({@link HttpAttachmentFetcher}); tests
 * serve bytes from memory. Implementations must be thread-safe and must time out.
 */
public interface AttachmentFetcher {
    /** Returns the body of {@code url}; the caller closes it. Throws when it cannot be fetched in time. */
    InputStream open(String url) throws IOException;
}
