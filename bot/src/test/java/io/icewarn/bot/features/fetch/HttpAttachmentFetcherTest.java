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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class HttpAttachmentFetcherTest {
    private HttpServer server;
    private String base;
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
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
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
}
