package io.icewarn.bot.features.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

final class HttpAttachmentFetcherTest {
    private HttpServer server;
    private String base;
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpAttachmentFetcher fetcher = new HttpAttachmentFetcher(Duration.ofSeconds(5));

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/attachments/1/2/client.log", exchange -> {
            byte[] body = "ICEWarn=0x320".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/attachments/1/2/stalled.log", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("ms-client-diagnostics: 24;".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(); // the body never ends until the test is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void open_servesTheBody() throws IOException {
        try (InputStream in = fetcher.open(base + "/attachments/1/2/client.log")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ICEWarn=0x320");
        }
    }

    @Test
    void open_notFoundFails() {
        assertThatThrownBy(() -> fetcher.open(base + "/missing"))
                .isInstanceOf(IOException.class)
                .hasMessage("HTTP 404");
    }

    @Test
    void open_onlyHttp() {
        assertThatThrownBy(() -> fetcher.open("file:///etc/passwd")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> fetcher.open("not a url")).isInstanceOf(IOException.class);
    }

    @Test
    @Timeout(30) // guards against a hang only; the deadline under test is 2 s
    void open_bodyThatStalls_endsAtTheDeadline() {
        // the server sends its headers and then nothing: on a loaded machine the deadline may already pass
        // while the headers are awaited, so the timeout may come from open() or from the read
        HttpAttachmentFetcher quick = new HttpAttachmentFetcher(Duration.ofSeconds(2));
        assertThatThrownBy(() -> {
                    try (InputStream in = quick.open(base + "/attachments/1/2/stalled.log")) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("timed out");
    }
}
