package io.icewarn.bot.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that ends an input at a size limit: reading the byte after the limit throws {@link TooLarge}, so
 * a reader stops there instead of buffering or scanning the rest. Not thread-safe.
 */
final class LimitedInputStream extends FilterInputStream {
    /** Thrown when an input has more bytes than the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long read;

    /** Returns {@code in} limited to {@code limit} bytes. */
    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // never more than one byte past the limit: enough to tell that there is more
        int n = super.read(b, off, (int) Math.min(len, Math.max(1, limit + 1 - read)));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, Math.max(0, limit + 1 - read)));
        count(skipped);
        return skipped;
    }

    private void count(long n) throws TooLarge {
        read += n;
        if (read > limit) {
            throw new TooLarge(limit);
        }
    }
}
