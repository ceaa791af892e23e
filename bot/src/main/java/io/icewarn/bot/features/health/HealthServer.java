package io.icewarn.bot.features.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server for orchestrators and Prometheus.
 *
 * <ul>
 *   <li>{@code GET /healthz}: 200 while the process runs (liveness).
 *   <li>{@code GET /readyz}: 200 when every owned shard is connected, else 503; the body lists each shard's status
 *       (readiness, and the gate that makes a StatefulSet start its pods one after another).
 *   <li>{@code GET /metrics}: 200, {@link Metrics#CONTENT_TYPE}, the Prometheus text of {@link Metrics#scrape()}.
 * </ul>
 *
 * Other paths answer 404 and other methods 405. Two daemon threads serve requests; nothing here touches Discord or
 * secrets. Thread safe; {@link #close()} stops it.
 */
public final class HealthServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code address} and starts serving.
     *
     * @param address where to listen; port 0 picks a free port (see {@link #address()})
     * @param metrics the registry {@code /metrics} renders
     * @param shards the readiness source for {@code /readyz}
     * @throws IOException when the address cannot be bound
     */
    public static HealthServer start(InetSocketAddress address, Metrics metrics, ShardStatusSource shards)
            throws IOException {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(shards, "shards");
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain; charset=utf-8", "not found\n"));
        server.createContext(
                "/healthz", only("/healthz", exchange -> respond(exchange, 200, "text/plain; charset=utf-8", "ok\n")));
        server.createContext("/readyz", only("/readyz", exchange -> readyz(exchange, shards)));
        server.createContext(
                "/metrics",
                only("/metrics", exchange -> respond(exchange, 200, Metrics.CONTENT_TYPE, metrics.scrape())));
        server.start();
        HealthServer started = new HealthServer(server, executor);
        LOG.info("health endpoint listening on {}", started.address());
        return started;
    }

    /**
     * Starts the server where {@code settings} say, or returns empty when they turn it off (console mode by
     * default).
     *
     * @throws IOException when the address cannot be bound
     */
    public static Optional<HealthServer> startIfEnabled(
            HealthSettings settings, Metrics metrics, ShardStatusSource shards) throws IOException {
        return settings.enabled() ? Optional.of(start(settings.address(), metrics, shards)) : Optional.empty();
    }

    /** Returns the bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void readyz(HttpExchange exchange, ShardStatusSource shards) throws IOException {
        List<ShardStatus> snapshot = shards.snapshot();
        boolean ready = shards.ready();
        StringBuilder body = new StringBuilder(ready ? "ready\n" : "not ready\n");
        for (ShardStatus s : snapshot) {
            body.append("shard ")
                    .append(s.shardId())
                    .append(' ')
                    .append(s.status())
                    .append('\n');
        }
        respond(exchange, ready ? 200 : 503, "text/plain; charset=utf-8", body.toString());
    }

    // contexts match by prefix; this keeps /healthzfoo out
    private static HttpHandler only(String path, HttpHandler handler) {
        return exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            try {
                handler.handle(exchange);
            } catch (RuntimeException e) {
                LOG.warn("health endpoint {} failed", path, e);
                respond(exchange, 500, "text/plain; charset=utf-8", "internal error\n");
            }
        };
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "icewarn-health-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
