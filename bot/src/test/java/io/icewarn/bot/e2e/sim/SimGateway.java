package io.icewarn.bot.e2e.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import org.java_websocket.WebSocket;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The simulated gateway: a WebSocket server (Java-WebSocket) speaking Discord's gateway protocol v10 in JSON,
 * with zlib-stream transport compression when the URL asks for it ({@code compress=zlib-stream}: one
 * {@link Deflater} per connection, a SYNC_FLUSH after every payload, binary frames). One shard. Sessions
 * survive their connection, so RESUME replays the dispatches the bot missed with their sequence numbers.
 * The fault knobs are public; see {@link SimulatedDiscord#gateway()}. Thread-safe.
 */
public final class SimGateway {
    private final World world;
    private final Recorder recorder;
    private final SimOptions options;
    private final String expectedToken;
    private final Server server;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile Session current;
    private volatile boolean acknowledgeHeartbeats = true;
    private final List<Integer> identifyCloses = new ArrayList<>();
    private volatile int everyIdentifyClose;
    private volatile Runnable onIdentify = () -> {};
    /** How long a session outlives its connection and can still be resumed. */
    private volatile Duration sessionTimeout = Duration.ofMinutes(2);
    /** How long past the heartbeat interval the server waits for a heartbeat before it closes the connection. */
    private volatile Duration heartbeatGrace = Duration.ofSeconds(10);
    /** The payload size above which a payload is sent in several WebSocket frames (zlib: several messages). */
    static final int FRAME = 4096;
    /** Discord's gateway send limit: 120 payloads per connection per 60 s (events/gateway#rate-limiting). */
    static final int SEND_LIMIT = 120;
    /** The intents Discord defines (bits 0–25 as of API v10); another bit is 4013. */
    static final long KNOWN_INTENTS = (1L << 26) - 1;

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-gateway-watchdog");
        t.setDaemon(true);
        return t;
    });

    SimGateway(World world, Recorder recorder, SimOptions options, String expectedToken) {
        this.world = world;
        this.recorder = recorder;
        this.options = options;
        this.expectedToken = expectedToken;
        this.server = new Server();
        server.setReuseAddr(true);
        server.setConnectionLostTimeout(0); // the gateway's own heartbeats decide liveness, as on Discord
    }

    void start() throws InterruptedException {
        watchdog.scheduleWithFixedDelay(this::closeSilentConnections, 200, 200, TimeUnit.MILLISECONDS);
        server.start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway did not start");
        }
    }

    void stop() throws InterruptedException {
        watchdog.shutdownNow();
        server.stop(2000);
    }

    /** Returns {@code ws://127.0.0.1:port/}, the URL {@code GET gateway/bot} and READY give. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/");
    }

    // ---- fault knobs ----

    /** Closes every open gateway connection with {@code code} (1000, 1001, 4000, 4009, …). */
    public void closeLive(int code) {
        for (WebSocket c : server.getConnections()) {
            c.close(code, "simulated close " + code);
        }
    }

    /** Answers the next IDENTIFY with a close of {@code code} instead of READY (4004 bad token, 4014 intents). */
    public synchronized void closeNextIdentify(int code) {
        identifyCloses.add(code);
    }

    /** Answers every IDENTIFY from now on with a close of {@code code} (a login the bot must give up); 0 stops it. */
    public void closeEveryIdentify(int code) {
        this.everyIdentifyClose = code;
    }

    /** Sets how long a session can be resumed after its connection closed (Discord does not publish it). */
    public void sessionTimeout(Duration timeout) {
        this.sessionTimeout = timeout;
    }

    /** Sets how long past the heartbeat interval the server waits for a heartbeat before closing (4009). */
    public void heartbeatGrace(Duration grace) {
        this.heartbeatGrace = grace;
    }

    /** Sends op 7 RECONNECT on the live connection: the bot should close it and resume. */
    public void sendReconnect() {
        send(live(), op(GatewayOp.RECONNECT, null));
    }

    /**
     * Sends op 9 INVALID_SESSION; with {@code resumable} false the session ends: nothing more is dispatched on
     * it, a RESUME of it gets op 9 {@code false}, and only a new IDENTIFY gets READY.
     */
    public void sendInvalidSession(boolean resumable) {
        Session s = current;
        if (!resumable && s != null) {
            synchronized (s) {
                s.resumable = false;
                s.ended = true;
            }
        }
        send(
                live(),
                op(
                        GatewayOp.INVALID_SESSION,
                        resumable
                                ? com.fasterxml.jackson.databind.node.BooleanNode.TRUE
                                : com.fasterxml.jackson.databind.node.BooleanNode.FALSE));
    }

    /** Stops (false) or restarts (true) answering heartbeats with ACKs: false makes a zombie connection. */
    public void acknowledgeHeartbeats(boolean on) {
        this.acknowledgeHeartbeats = on;
    }

    /** Runs {@code hook} on the gateway thread each time a valid IDENTIFY arrives, before READY is sent. */
    public void onIdentify(Runnable hook) {
        this.onIdentify = hook == null ? () -> {} : hook;
    }

    /** Returns true when a session is connected and identified (or resumed). */
    public boolean connected() {
        Session s = current;
        return s != null && s.connection != null && s.connection.isOpen();
    }

    /** Returns the current session's ID, or null before the first READY. */
    public String sessionId() {
        Session s = current;
        return s == null ? null : s.id;
    }

    /** Returns the intents the current session identified with (0 before READY). */
    public long intents() {
        Session s = current;
        return s == null ? 0 : s.intents;
    }

    /** Returns the last sequence number of the current session (0 before READY). */
    public long lastSequence() {
        Session s = current;
        return s == null ? 0 : s.seq;
    }

    // ---- dispatching ----

    /**
     * Sends the dispatch {@code type} with {@code data} in the current session, with the next sequence number;
     * while no connection is live it is kept for RESUME to replay. An ended session (op 9 {@code false}, or
     * timed out) gets nothing: the event is lost for the bot, as on Discord. Returns its sequence number, or 0.
     */
    public long dispatch(String type, JsonNode data) {
        Session s = current;
        if (s == null) {
            throw new IllegalStateException("no session yet: the bot has not identified");
        }
        synchronized (s) {
            if (s.ended || s.timedOut(sessionTimeout)) {
                s.ended = true;
                return 0;
            }
            long seq = ++s.seq;
            ObjectNode frame =
                    Json.object().put("op", GatewayOp.DISPATCH).put("t", type).put("s", seq);
            frame.set("d", world.inItsGuild(data));
            s.history.add(frame);
            if (s.connection != null && s.connection.isOpen()) {
                send(s.connection, frame);
            }
            return seq;
        }
    }

    private WebSocket live() {
        Session s = current;
        if (s == null || s.connection == null) {
            throw new IllegalStateException("no live gateway connection");
        }
        return s.connection;
    }

    private static ObjectNode op(int op, JsonNode d) {
        ObjectNode o = Json.object().put("op", op).putNull("t").putNull("s");
        o.set("d", d);
        return o;
    }

    private void send(WebSocket conn, ObjectNode payload) {
        Conn state = conn.getAttachment();
        String text = Json.write(payload);
        synchronized (state) {
            if (!conn.isOpen()) {
                return;
            }
            record(state.id, GatewayOp.Direction.TO_BOT, payload);
            try {
                if (state.deflater == null) {
                    sendText(conn, text);
                } else {
                    // Discord may split a compressed payload over several messages: the client buffers until
                    // the Z_SYNC_FLUSH suffix (events/gateway#transport-compression)
                    byte[] z = state.compress(text.getBytes(StandardCharsets.UTF_8));
                    for (int at = 0; at < z.length; at += FRAME) {
                        conn.send(ByteBuffer.wrap(z, at, Math.min(FRAME, z.length - at)));
                    }
                }
            } catch (WebsocketNotConnectedException closedMeanwhile) {
                // the bot closed the connection after the isOpen check: a dispatch stays in the session's
                // history for RESUME, as on Discord
            }
        }
    }

    /** Sends {@code text} as one message, in several WebSocket frames when it is longer than {@link #FRAME}. */
    private static void sendText(WebSocket conn, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= FRAME) {
            conn.send(text);
            return;
        }
        for (int at = 0; at < bytes.length; at += FRAME) {
            boolean last = at + FRAME >= bytes.length;
            conn.sendFragmentedFrame(
                    at == 0 ? Opcode.TEXT : Opcode.CONTINUOUS,
                    ByteBuffer.wrap(bytes, at, Math.min(FRAME, bytes.length - at)),
                    last);
        }
    }

    /** Closes (4009) every connection whose heartbeat is overdue: the interval plus the grace has passed. */
    private void closeSilentConnections() {
        long limit = options.heartbeatInterval().plus(heartbeatGrace).toNanos();
        long now = System.nanoTime();
        for (WebSocket c : server.getConnections()) {
            Conn state = c.getAttachment();
            if (state != null && c.isOpen() && now - state.lastHeartbeatNanos > limit) {
                c.close(4009, "Session timed out.");
            }
        }
    }

    private void record(int connection, GatewayOp.Direction direction, JsonNode payload) {
        JsonNode d = payload.path("d");
        if (direction == GatewayOp.Direction.FROM_BOT && d.isObject() && d.has("token")) {
            d = d.deepCopy();
            ((ObjectNode) d).put("token", "<token>");
        }
        recorder.add(new GatewayOp(
                recorder.nextSeq(),
                Instant.now(),
                System.nanoTime(),
                connection,
                direction,
                payload.path("op").asInt(-1),
                payload.path("t").isTextual() ? payload.path("t").asText() : null,
                payload.path("s").isNumber() ? payload.path("s").asLong() : null,
                d));
    }

    /** The opcodes a client may send (topics/opcodes-and-status-codes#gateway-gateway-opcodes). */
    private static final java.util.Set<Integer> CLIENT_OPS = java.util.Set.of(1, 2, 3, 4, 6, 8, 31);

    private void onPayload(WebSocket conn, String text) {
        Conn state = conn.getAttachment();
        JsonNode payload;
        try {
            payload = Json.parse(text);
        } catch (RuntimeException e) {
            conn.close(4002, "Error while decoding payload.");
            return;
        }
        record(state.id, GatewayOp.Direction.FROM_BOT, payload);
        if (!state.takeSendSlot()) {
            conn.close(4008, "Rate limited.");
            return;
        }
        int op = payload.path("op").asInt(-1);
        if (!CLIENT_OPS.contains(op)) {
            conn.close(4001, "Unknown opcode.");
            return;
        }
        if (op == GatewayOp.HEARTBEAT) {
            state.lastHeartbeatNanos = System.nanoTime();
            if (acknowledgeHeartbeats) {
                send(conn, op(GatewayOp.HEARTBEAT_ACK, null));
            }
            return;
        }
        if (op == GatewayOp.IDENTIFY || op == GatewayOp.RESUME) {
            if (state.authenticated) {
                conn.close(4005, "Already authenticated.");
                return;
            }
            if (op == GatewayOp.IDENTIFY) {
                identify(conn, payload.path("d"));
            } else {
                resume(conn, payload.path("d"));
            }
            return;
        }
        if (!state.authenticated) {
            conn.close(4003, "Not authenticated.");
        }
        // presence updates, member requests, voice: recorded only
    }

    private void identify(WebSocket conn, JsonNode d) {
        Integer close = everyIdentifyClose == 0 ? null : everyIdentifyClose;
        synchronized (this) {
            if (close == null && !identifyCloses.isEmpty()) {
                close = identifyCloses.remove(0);
            }
        }
        if (close != null) {
            conn.close(close, close == 4004 ? "Authentication failed." : close == 4014 ? "Disallowed intent(s)." : "");
            return;
        }
        if (!expectedToken.equals(d.path("token").asText())) {
            conn.close(4004, "Authentication failed.");
            return;
        }
        long intents = d.path("intents").asLong();
        if ((intents & ~KNOWN_INTENTS) != 0) {
            conn.close(4013, "Invalid intent(s).");
            return;
        }
        JsonNode shard = d.path("shard");
        if (shard.isArray()
                && (shard.size() != 2
                        || shard.get(0).asInt() < 0
                        || shard.get(0).asInt() >= shard.get(1).asInt())) {
            conn.close(4010, "Invalid shard.");
            return;
        }
        ((Conn) conn.getAttachment()).authenticated = true;
        onIdentify.run();
        Session s = new Session(
                UUID.randomUUID().toString().replace("-", ""), d.path("intents").asLong());
        sessions.put(s.id, s);
        Session old = current;
        if (old != null) {
            old.resumable = false;
            old.ended = true;
        }
        synchronized (s) {
            s.connection = conn;
            current = s;
        }
        dispatch("READY", world.ready(s.id, url().toString()));
        for (ObjectNode guild : world.guildCreates()) {
            dispatch("GUILD_CREATE", guild);
        }
    }

    private void resume(WebSocket conn, JsonNode d) {
        Session s = sessions.get(d.path("session_id").asText());
        if (s == null || !expectedToken.equals(d.path("token").asText())) {
            send(conn, op(GatewayOp.INVALID_SESSION, BooleanNode.FALSE));
            return;
        }
        long from = d.path("seq").asLong();
        synchronized (s) {
            if (!s.resumable || s.ended || s.timedOut(sessionTimeout)) {
                s.ended = true;
                send(conn, op(GatewayOp.INVALID_SESSION, BooleanNode.FALSE));
                return;
            }
            if (from > s.seq) {
                conn.close(4007, "Invalid seq.");
                return;
            }
            ((Conn) conn.getAttachment()).authenticated = true;
            s.connection = conn;
            s.disconnectedNanos = 0;
            current = s;
            for (ObjectNode frame : s.history) {
                if (frame.path("s").asLong() > from) {
                    send(conn, frame);
                }
            }
            // RESUMED ends the replay inside the session's lock: no new event can come between
            long seq = ++s.seq;
            ObjectNode resumed = Json.object()
                    .put("op", GatewayOp.DISPATCH)
                    .put("t", "RESUMED")
                    .put("s", seq);
            resumed.set("d", Json.object());
            s.history.add(resumed);
            send(conn, resumed);
        }
    }

    /** One gateway session: its ID, sequence and every dispatch it carried, for RESUME. */
    private static final class Session {
        final String id;
        final long intents;
        final List<ObjectNode> history = new ArrayList<>();
        long seq;
        volatile WebSocket connection;
        volatile boolean resumable = true;
        /** Op 9 {@code false} or a timeout ended it: nothing is dispatched on it any more. */
        volatile boolean ended;
        /** When its connection closed ({@link System#nanoTime()}), or 0 while one is live. */
        volatile long disconnectedNanos;

        Session(String id, long intents) {
            this.id = id;
            this.intents = intents;
        }

        boolean timedOut(Duration timeout) {
            long since = disconnectedNanos;
            return connection == null && since != 0 && System.nanoTime() - since > timeout.toNanos();
        }
    }

    /** Per-connection state: its number and, for zlib-stream, its compressor. */
    private static final class Conn {
        final int id;
        final Deflater deflater;
        private byte[] buffer = new byte[64 * 1024];
        volatile long lastHeartbeatNanos = System.nanoTime();
        volatile boolean authenticated;
        private final java.util.ArrayDeque<Long> sent = new java.util.ArrayDeque<>();

        Conn(int id, boolean zlib) {
            this.id = id;
            this.deflater = zlib ? new Deflater() : null;
        }

        /** Takes one of the 120 payloads the client may send per 60 s; false when they are used up. */
        synchronized boolean takeSendSlot() {
            long now = System.nanoTime();
            while (!sent.isEmpty() && now - sent.peekFirst() > TimeUnit.SECONDS.toNanos(60)) {
                sent.pollFirst();
            }
            if (sent.size() >= SEND_LIMIT) {
                return false;
            }
            sent.addLast(now);
            return true;
        }

        byte[] compress(byte[] input) {
            deflater.setInput(input);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(input.length / 2 + 16);
            while (true) {
                int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
                if (n < buffer.length) {
                    return out.toByteArray();
                }
            }
        }
    }

    private final class Server extends WebSocketServer {
        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String query = URI.create(handshake.getResourceDescriptor()).getRawQuery();
            boolean zlib = query != null && query.contains("compress=zlib-stream");
            Conn state = new Conn(connections.incrementAndGet(), zlib);
            conn.setAttachment(state);
            String version = query == null
                    ? ""
                    : java.util.Arrays.stream(query.split("&"))
                            .filter(kv -> kv.startsWith("v="))
                            .map(kv -> kv.substring(2))
                            .findFirst()
                            .orElse("");
            recorder.add(new GatewayOp(
                    recorder.nextSeq(),
                    Instant.now(),
                    System.nanoTime(),
                    state.id,
                    GatewayOp.Direction.OPEN,
                    -1,
                    null,
                    null,
                    TextNode.valueOf(handshake.getResourceDescriptor())));
            ObjectNode hello = Json.object()
                    .put("heartbeat_interval", options.heartbeatInterval().toMillis());
            send(conn, op(GatewayOp.HELLO, hello));
            if (!version.isEmpty() && !version.equals("10")) {
                conn.close(4012, "Invalid API version.");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            Conn state = conn.getAttachment();
            if (state == null) {
                return;
            }
            for (Session s : sessions.values()) {
                synchronized (s) {
                    if (s.connection == conn) {
                        s.connection = null;
                        s.disconnectedNanos = System.nanoTime();
                    }
                }
            }
            recorder.add(new GatewayOp(
                    recorder.nextSeq(),
                    Instant.now(),
                    System.nanoTime(),
                    state.id,
                    GatewayOp.Direction.CLOSE,
                    -1,
                    null,
                    null,
                    IntNode.valueOf(code)));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            onPayload(conn, message);
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            // JDA sends JSON text frames only
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // a connection error ends in onClose; a server error fails start()
        }
    }
}
