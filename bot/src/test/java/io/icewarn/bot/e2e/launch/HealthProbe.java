package io.icewarn.bot.e2e.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * Reads the bot's own health endpoint ({@code /metrics}) on loopback, so a test can wait until the bot has
 * finished what it was given ({@code icewarn_work_in_flight} back at 0) before asserting that it sent
 * nothing. Polls with a bounded timeout.
 */
public final class HealthProbe {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;

    private HealthProbe(int port) {
        this.port = port;
    }

    /** Returns a probe on a free loopback port and puts the settings that turn the endpoint on there into {@code env}. */
    public static HealthProbe enable(Map<String, String> env) {
        int port = freePort();
        env.put("ICEWARN_HTTP_ENABLED", "true");
        env.put("ICEWARN_HTTP_BIND", "127.0.0.1");
        env.put("ICEWARN_HTTP_PORT", Integer.toString(port));
        return new HealthProbe(port);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the value of the series {@code name} (without labels), or NaN when the endpoint or series is absent. */
    public double value(String name) {
        try {
            HttpResponse<String> r = CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Double.parseDouble(line.substring(name.length() + 1).strip());
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Blocks until {@code name}'s value satisfies {@code done}, polling every 20 ms; fails after {@code timeout}. */
    public void await(String name, DoublePredicate done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        double v = value(name);
        while (!done.test(v)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " was " + v + " after " + timeout);
            }
            try {
                Thread.sleep(20); // the poll interval of a bounded wait on the bot's own counter
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            v = value(name);
        }
    }

    /** Blocks until the bot has no answer running or queued. */
    public void awaitIdle(Duration timeout) {
        await("icewarn_work_in_flight", v -> v == 0, timeout);
    }
}
