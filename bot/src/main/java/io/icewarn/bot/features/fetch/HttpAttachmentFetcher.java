package io.icewarn.bot.features.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fetches attachments and raw pastes with the JDK HttpClient: HTTPS or HTTP only, redirects followed
 * (normal ones only), and one deadline for the whole download: the connection, the headers and every
 * read of the body, so a server that stalls mid-body cannot hold a worker. Thread-safe.
 */
public final class HttpAttachmentFetcher implements AttachmentFetcher {
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "icewarn-fetch-deadline");
        t.setDaemon(true);
        return t;
    });

    private final HttpClient client;
    private final Duration timeout;

    /** Returns a fetcher that gives up after {@code timeout}. */
    public HttpAttachmentFetcher(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public InputStream open(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IOException("not an HTTP URL");
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "icewarn-bot")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            return new DeadlineInputStream(response.body(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** Closes the body when the deadline passes, which ends a read blocked on a stalled server. */
    private static final class DeadlineInputStream extends FilterInputStream {
        private final ScheduledFuture<?> deadline;
        private volatile boolean expired;

        DeadlineInputStream(InputStream in, Duration timeout) {
            super(in);
            this.deadline = DEADLINES.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void expire() {
            expired = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we can do; the reader sees the timeout below
            }
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw expired ? new IOException("download timed out") : e;
            }
            return endOrTimeout(b);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                throw expired ? new IOException("download timed out") : e;
            }
            return endOrTimeout(n);
        }

        /** A body closed by the deadline may look like its end: that is a timeout, never a complete file. */
        private int endOrTimeout(int result) throws IOException {
            if (result < 0 && expired) {
                throw new IOException("download timed out");
            }
            return result;
        }

        @Override
        public void close() throws IOException {
            deadline.cancel(false);
            super.close();
        }
    }
}
