package io.icewarn.bot.e2e.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One REST request the simulated Discord received, as recorded (the Authorization header is never kept).
 *
 * @param seq the order of arrival, from 1 over the simulator's life
 * @param at when it arrived
 * @param nanos {@link System#nanoTime()} at arrival, for latency figures
 * @param method the HTTP method
 * @param path the path below the API base, e.g. {@code channels/12/messages}
 * @param query the raw query, or {@code ""}
 * @param route the method and the path with IDs and tokens replaced, e.g. {@code POST channels/{id}/messages}
 * @param headers the request headers (names in lower case), without {@code authorization}
 * @param body the JSON body ({@code payload_json} of a multipart body), or {@code ""}
 * @param files the files uploaded in a multipart body
 * @param status the status the simulator answered with, or {@link #DROPPED}
 * @param fault true when {@link #status} was a fault injected by {@link RestControl}, false for a real answer
 *     (including a 429 the simulator's own rate limit enforced)
 * @param response the JSON the simulator answered with, or {@code ""}
 */
public record RestCall(
        long seq,
        Instant at,
        long nanos,
        String method,
        String path,
        String query,
        String route,
        Map<String, List<String>> headers,
        String body,
        List<Upload> files,
        int status,
        boolean fault,
        String response) {
    /** The status of a request {@link RestControl.Hold#drop() dropped} before the simulator acted on it. */
    public static final int DROPPED = 0;

    public RestCall {
        Objects.requireNonNull(route, "route");
        headers = Map.copyOf(headers);
        files = List.copyOf(files);
    }

    /** Returns the body parsed as JSON, or a missing node when there is none. */
    public JsonNode json() {
        return body.isEmpty() ? MissingNode.getInstance() : Json.parse(body);
    }

    /** Returns the answer parsed as JSON, or a missing node when there was none. */
    public JsonNode responseJson() {
        return response.isEmpty() ? MissingNode.getInstance() : Json.parse(response);
    }

    /** Returns true when this call is {@code method} on the route template {@code template}. */
    public boolean is(String method, String template) {
        return route.equals(method + " " + template);
    }

    /** Returns the path segment at {@code index} (0-based), e.g. the channel ID of {@code channels/12/messages}. */
    public String segment(int index) {
        return path.split("/")[index];
    }

    /** Returns true when the simulator answered 2xx. */
    public boolean ok() {
        return status / 100 == 2;
    }

    @Override
    public String toString() {
        return "#" + seq + " " + route + " -> " + status + (fault ? " (injected)" : "");
    }
}
