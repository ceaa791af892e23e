package io.icewarn.bot.e2e.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated REST API on the JDK's {@link HttpServer}: the routes the bot calls (gateway, self user,
 * command registration, messages, threads, interaction callbacks and webhooks), per-bucket rate limits with
 * Discord's headers, injected faults, and a CDN route serving attachments. Anything else is answered 404
 * and recorded, so tests can assert the bot called no unexpected route. Thread-safe.
 */
final class SimRest {
    static final String API = "/api/v10/";
    static final String CDN = "/attachments/";

    private final World world;
    private final Recorder recorder;
    private final SimGateway gateway;
    private final RestControl control;
    private final SimOptions options;
    private final String token;
    private final HttpServer server;
    private final ExecutorService pool;
    private final ScheduledExecutorService archiver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-thread-archiver");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Long> commandIds = new ConcurrentHashMap<>();
    /** The bot's message per channel and nonce, for {@code enforce_nonce} (kept for the simulator's life). */
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();
    /** Discord's global limit: every bot request except the interaction routes. */
    private final Bucket global;
    /** Answers Discord counts towards its invalid-request limit: 401, 403 and 429 (except scope shared). */
    private final AtomicLong invalid = new AtomicLong();
    /** Tokens of interactions a test made expire ({@link RestControl#expireNextInteractions}). */
    private final Set<String> expiredByKnob = ConcurrentHashMap.newKeySet();

    /**
     * Discord's per-route buckets where it is known to be tighter than the global limit (Discord publishes no
     * per-route figures; these are what its {@code x-ratelimit-*} headers advertise for bots), per route and
     * major parameter; every other route gets {@link #DEFAULT_BUCKET}.
     */
    static final Map<String, Limit> DISCORD_BUCKETS = Map.of(
            "POST channels/{id}/messages", new Limit(5, Duration.ofSeconds(5)),
            "PATCH channels/{id}/messages/{id}", new Limit(5, Duration.ofSeconds(5)),
            "DELETE channels/{id}/messages/{id}", new Limit(5, Duration.ofSeconds(1)),
            "POST channels/{id}/messages/{id}/threads", new Limit(5, Duration.ofSeconds(5)),
            "PATCH channels/{id}", new Limit(5, Duration.ofSeconds(5)),
            "DELETE channels/{id}", new Limit(5, Duration.ofSeconds(5)));
    /** The bucket of a route Discord advertises no tighter limit for. */
    static final Limit DEFAULT_BUCKET = new Limit(50, Duration.ofSeconds(1));

    /** A bucket's size: {@code limit} requests per {@code window}. */
    record Limit(int limit, Duration window) {}

    SimRest(World world, Recorder recorder, SimGateway gateway, RestControl control, SimOptions options, String token)
            throws IOException {
        this.world = world;
        this.recorder = recorder;
        this.gateway = gateway;
        this.control = control;
        this.options = options;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-rest");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        this.global = new Bucket("global", options.globalLimit(), Duration.ofSeconds(1));
    }

    /** Returns how many answers so far count towards Discord's invalid-request limit (401, 403, 429). */
    long invalidRequests() {
        return invalid.get();
    }

    void start() {
        server.start();
        // Discord archives idle threads on a timer and tells the bot (THREAD_UPDATE)
        archiver.scheduleWithFixedDelay(
                () -> world.threadIds().forEach(this::archiveIfIdle), 100, 100, TimeUnit.MILLISECONDS);
    }

    void stop() {
        archiver.shutdownNow();
        server.stop(0);
        pool.shutdownNow();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + API);
    }

    /** Serves {@code bytes} as an attachment and returns its URL. */
    String serve(long channelId, long attachmentId, String name, byte[] bytes) {
        String path = CDN + channelId + "/" + attachmentId + "/" + name;
        files.put(path, bytes.clone());
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Registers an interaction the simulator sent, so its callback and webhook routes answer. */
    void expectInteraction(long id, String interactionToken, long channelId, int type, long messageId) {
        interactions.put(interactionToken, new Interaction(id, channelId, type, messageId));
    }

    /** Notes an interaction a test made expire: its 10062 answers are the injected fault, not the bot's. */
    void expiredByKnob(String interactionToken) {
        expiredByKnob.add(interactionToken);
    }

    /** Returns the ID Discord gave the command {@code name} when the bot registered it, or a new one. */
    long commandId(String name) {
        return commandIds.computeIfAbsent(name, n -> world.newId());
    }

    Map<String, Long> commandIds() {
        return Map.copyOf(commandIds);
    }

    /** Returns the template of {@code path} (below the API base): IDs become {id}, tokens {token}. */
    static String template(String path) {
        String[] parts = path.split("/", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean tokenSlot = i == 2 && (parts[0].equals("interactions") || parts[0].equals("webhooks"));
            if (i > 0) {
                b.append('/');
            }
            b.append(tokenSlot ? "{token}" : !p.isEmpty() && p.chars().allMatch(Character::isDigit) ? "{id}" : p);
        }
        return b.toString();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            long nanos = System.nanoTime();
            Instant at = Instant.now();
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = ex.getRequestURI().getRawPath();
            String query = Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("");
            byte[] raw = readAll(ex.getRequestBody());
            Body body = Body.of(ex.getRequestHeaders().getFirst("Content-Type"), raw);
            Map<String, List<String>> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> {
                if (!k.equalsIgnoreCase("authorization")) {
                    headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
                }
            });
            if (rawPath.startsWith(CDN)) {
                Optional<RestControl.Hold> cdnHold = control.takeHold(method + " cdn");
                if (cdnHold.isPresent() && !cdnHold.get().holdBefore()) {
                    return; // dropped: the connection closes without an answer
                }
                byte[] file = files.get(rawPath);
                int status = file == null ? 404 : 200;
                recorder.add(new RestCall(
                        recorder.nextSeq(),
                        at,
                        nanos,
                        method,
                        rawPath.substring(1),
                        query,
                        method + " cdn",
                        headers,
                        "",
                        List.of(),
                        status,
                        false,
                        ""));
                if (cdnHold.isPresent()) {
                    cdnHold.get().holdAfter();
                }
                if (file == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                    ex.sendResponseHeaders(200, file.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(file);
                    }
                }
                return;
            }
            String path = rawPath.startsWith(API) ? rawPath.substring(API.length()) : rawPath;
            String route = method + " " + template(path);
            Answer answer;
            boolean fault = false;
            Duration delay = control.latency();
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis()); // the modelled network and server time, not a test wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            boolean webhookRoute = path.startsWith("interactions/") || path.startsWith("webhooks/");
            Outcome record = (status, isFault, response) -> recorder.add(new RestCall(
                    recorder.nextSeq(),
                    at,
                    nanos,
                    method,
                    path,
                    query,
                    route,
                    headers,
                    body.json(),
                    body.files(),
                    status,
                    isFault,
                    response));
            control.takeArrivalHook(route).ifPresent(Runnable::run);
            Optional<RestControl.Fault> injected = control.take(route);
            Optional<RestControl.Hold> hold = control.takeHold(route);
            if (hold.isPresent() && !hold.get().holdBefore()) {
                record.add(RestCall.DROPPED, true, "");
                return; // dropped before Discord acted on it: the connection closes without an answer
            }
            Bucket bucket = bucket(route, path);
            if (injected.isPresent() && injected.get().afterProcessing()) {
                fault = true;
                answer(method, path, query, body); // done, and then the answer is lost in a server error
                answer = faultAnswer(injected.get(), bucket);
            } else if (injected.isPresent()) {
                fault = true;
                answer = faultAnswer(injected.get(), bucket);
            } else if (!webhookRoute && !("Bot " + token).equals(auth)) {
                answer = Answer.error(401, 0, "401: Unauthorized");
            } else if (!webhookRoute && !global.tryTake()) {
                answer = Answer.globalLimited(global.resetAfter());
            } else if (!bucket.tryTake()) {
                answer = Answer.rateLimited(bucket.resetAfter(), bucket);
            } else {
                answer = answer(method, path, query, body);
                answer.bucket = bucket;
            }
            if ((answer.status == 401 || answer.status == 403 || answer.status == 429)
                    && !"shared".equals(answer.headers.get("x-ratelimit-scope"))) {
                invalid.incrementAndGet();
            }
            fault |= answer.injected;
            record.add(answer.status, fault, answer.json == null ? "" : Json.write(answer.json));
            if (hold.isPresent()) {
                hold.get().holdAfter();
            }
            write(ex, answer);
        } catch (RuntimeException e) {
            // a simulator bug: answer 500 so the test sees it in the recording
            ex.sendResponseHeaders(500, -1);
            throw e;
        }
    }

    /** Records the request being handled with how it ended. */
    @FunctionalInterface
    private interface Outcome {
        void add(int status, boolean fault, String response);
    }

    private Bucket bucket(String route, String path) {
        String[] parts = path.split("/");
        String major = parts.length > 1 ? parts[0] + "/" + parts[1] : path;
        String key = route + " " + major;
        Limit limit = options.bucketLimit() > 0
                ? new Limit(options.bucketLimit(), options.bucketWindow())
                : DISCORD_BUCKETS.getOrDefault(route, DEFAULT_BUCKET);
        return buckets.computeIfAbsent(
                key, k -> new Bucket(Integer.toHexString(route.hashCode()), limit.limit(), limit.window()));
    }

    private static Answer faultAnswer(RestControl.Fault f, Bucket bucket) {
        if (f.status() == 429) {
            double after = f.retryAfter().toMillis() / 1000.0;
            Answer a = Answer.rateLimited(after, bucket);
            a.headers.put("x-ratelimit-scope", f.scope());
            a.via = f.via();
            return a;
        }
        return Answer.error(f.status(), 0, f.status() + ": simulated server error");
    }

    private static void write(HttpExchange ex, Answer a) throws IOException {
        var h = ex.getResponseHeaders();
        if (a.via) {
            h.set("Via", "1.1 google");
        }
        a.headers.forEach(h::set);
        if (a.bucket != null && a.status != 429) {
            a.bucket.headers(h::set);
        }
        if (a.json == null) {
            ex.sendResponseHeaders(a.status, -1);
            return;
        }
        byte[] bytes = Json.write(a.json).getBytes(StandardCharsets.UTF_8);
        h.set("Content-Type", "application/json");
        ex.sendResponseHeaders(a.status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    // ---- the routes ----

    private Answer answer(String method, String path, String query, Body body) {
        String[] p = path.split("/");
        String t = template(path);
        switch (method + " " + t) {
            case "GET gateway/bot": {
                ObjectNode o =
                        Json.object().put("url", gateway.url().toString()).put("shards", 1);
                o.putObject("session_start_limit")
                        .put("total", 1000)
                        .put("remaining", 999)
                        .put("reset_after", 86_400_000)
                        .put("max_concurrency", 1);
                return Answer.ok(o);
            }
            case "GET gateway":
                return Answer.ok(Json.object().put("url", gateway.url().toString()));
            case "GET users/@me":
                return Answer.ok(world.selfUser());
            case "PUT applications/{id}/commands":
                return Answer.ok(commands(p[1], body.node()));
            case "POST channels/{id}/messages":
                return createMessage(id(p[1]), body);
            case "GET channels/{id}/messages":
                return access(id(p[1]), 0).orElseGet(() -> history(id(p[1]), query));
            case "GET channels/{id}/messages/{id}":
                return access(id(p[1]), World.READ_MESSAGE_HISTORY)
                        .orElseGet(() -> world.message(id(p[3]))
                                .filter(m -> m.path("channel_id").asText().equals(p[1]))
                                .map(Answer::ok)
                                .orElseGet(() -> Answer.error(404, 10008, "Unknown Message")));
            case "PATCH channels/{id}/messages/{id}":
                return editMessage(id(p[1]), id(p[3]), body);
            case "DELETE channels/{id}/messages/{id}":
                return deleteMessage(id(p[1]), id(p[3]));
            case "POST channels/{id}/messages/{id}/threads":
                return startThread(id(p[1]), id(p[3]), body.node());
            case "GET channels/{id}":
                return access(id(p[1]), 0)
                        .orElseGet(() ->
                                world.channelJson(id(p[1])).map(Answer::ok).orElseThrow());
            case "PATCH channels/{id}":
                return editChannel(id(p[1]), body.node());
            case "DELETE channels/{id}":
                return deleteChannel(id(p[1]));
            case "POST interactions/{id}/{token}/callback":
                return callback(id(p[1]), p[2], body);
            case "POST webhooks/{id}/{token}":
                return followUp(p[2], body);
            case "PATCH webhooks/{id}/{token}/messages/@original":
            case "PATCH webhooks/{id}/{token}/messages/{id}":
                return editWebhookMessage(p[2], p[4], body);
            case "DELETE webhooks/{id}/{token}/messages/@original":
            case "DELETE webhooks/{id}/{token}/messages/{id}": {
                Optional<Answer> refused = tokenRefused(p[2]);
                return refused.orElseGet(Answer::noContent);
            }
            default:
                return Answer.error(404, 0, "404: Not Found");
        }
    }

    private static long id(String s) {
        return Long.parseUnsignedLong(s);
    }

    private ArrayNode commands(String applicationId, JsonNode sent) {
        ArrayNode out = Json.array();
        for (JsonNode c : sent) {
            ObjectNode o = c.deepCopy();
            o.put("id", Long.toUnsignedString(world.newId()))
                    .put("application_id", applicationId)
                    .put("version", Long.toUnsignedString(world.newId()));
            if (!o.has("type")) {
                o.put("type", 1);
            }
            if (!o.has("description")) {
                o.put("description", "");
            }
            if (!o.has("default_member_permissions")) {
                o.putNull("default_member_permissions");
            }
            o.put("nsfw", o.path("nsfw").asBoolean(false));
            commandIds.put(
                    o.path("name").asText(), Long.parseUnsignedLong(o.path("id").asText()));
            out.add(o);
        }
        return out;
    }

    /**
     * Returns the refusal of a request on channel {@code channelId} that needs {@code needed} besides View
     * Channel: 404 10003 for an unknown channel, 403 50001 (Missing Access) without View Channel, 403 50013
     * (Missing Permissions) without {@code needed}; empty when allowed.
     */
    private Optional<Answer> access(long channelId, long needed) {
        if (!world.channelExists(channelId)) {
            return Optional.of(Answer.error(404, 10003, "Unknown Channel"));
        }
        long have = world.botPermissionsIn(channelId);
        if ((have & World.VIEW_CHANNEL) == 0) {
            return Optional.of(Answer.error(403, 50001, "Missing Access"));
        }
        if ((have & needed) != needed) {
            return Optional.of(Answer.error(403, 50013, "Missing Permissions"));
        }
        return Optional.empty();
    }

    /** Returns the 50035 answer when {@code body} breaks a message rule, else empty. */
    private static Optional<Answer> invalid(JsonNode body, int files, boolean create) {
        return MessageRules.check(body, files, create)
                .map(v -> v.path().isEmpty()
                        ? Answer.error(400, 50006, v.message())
                        : new Answer(400, MessageRules.invalidFormBody(v)));
    }

    /** Archives thread {@code channelId} when it has been idle long enough, telling the bot (THREAD_UPDATE). */
    private void archiveIfIdle(long channelId) {
        world.archiveIfIdle(channelId).ifPresent(t -> dispatchThread("THREAD_UPDATE", t));
    }

    private void dispatchThread(String type, ObjectNode thread) {
        if (gateway.sessionId() != null) {
            gateway.dispatch(type, thread.deepCopy());
        }
    }

    private Answer createMessage(long channelId, Body raw) {
        JsonNode body = raw.node();
        boolean thread = world.isThread(channelId);
        long needed = (thread ? World.SEND_MESSAGES_IN_THREADS : World.SEND_MESSAGES)
                | (raw.files().isEmpty() ? 0 : World.ATTACH_FILES);
        Optional<Answer> refused =
                access(channelId, needed).or(() -> invalid(body, raw.files().size(), true));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (thread) {
            archiveIfIdle(channelId);
            if (world.archived(channelId)) {
                // sending unarchives a thread, unless it is locked (then only Manage Threads may)
                if (world.locked(channelId) && (world.botPermissionsIn(channelId) & World.MANAGE_THREADS) == 0) {
                    return Answer.error(400, 50083, "Thread is archived");
                }
                dispatchThread("THREAD_UPDATE", world.setArchived(channelId, false));
            }
        }
        String nonce = body.path("nonce").asText("");
        boolean enforceNonce = body.path("enforce_nonce").asBoolean(false) && !nonce.isEmpty();
        if (enforceNonce) {
            Long earlier = nonces.get(channelId + "/" + nonce);
            if (earlier != null) {
                // Discord: with enforce_nonce, the same author's message with this nonce is returned, not repeated
                return Answer.ok(world.message(earlier).orElseThrow());
            }
        }
        String content = body.path("content").asText("");
        ObjectNode m = world.createMessage(channelId, world.botUserId(), content, null);
        ObjectNode stored = apply(m, body);
        JsonNode reference = body.path("message_reference");
        if (reference.has("message_id")) {
            // a reply, stored as Discord stores one: type 19, the full reference and the message it answers
            ObjectNode ref = stored.putObject("message_reference")
                    .put("type", 0)
                    .put("message_id", reference.path("message_id").asText())
                    .put("channel_id", Long.toUnsignedString(channelId))
                    .put("guild_id", Long.toUnsignedString(world.guildId()));
            stored.put("type", 19);
            world.message(id(ref.path("message_id").asText()))
                    .ifPresentOrElse(
                            r -> stored.set("referenced_message", r), () -> stored.putNull("referenced_message"));
        }
        world.editMessage(id(m.path("id").asText()), stored);
        if (enforceNonce) {
            nonces.put(channelId + "/" + nonce, id(m.path("id").asText()));
        }
        dispatchCreate(stored);
        return Answer.ok(stored);
    }

    /** Copies what a create or edit body sets onto the message {@code m}. */
    private static ObjectNode apply(ObjectNode m, JsonNode body) {
        for (String f : List.of("content", "embeds", "components", "flags", "message_reference", "tts")) {
            if (body.has(f) && !body.get(f).isNull()) {
                m.set(f, body.get(f).deepCopy());
            }
        }
        for (JsonNode e : m.path("embeds")) {
            if (e.isObject() && !e.has("type")) {
                ((ObjectNode) e).put("type", "rich"); // Discord stores every bot embed as "rich"
            }
        }
        return m;
    }

    private void dispatchCreate(ObjectNode message) {
        if (gateway.sessionId() == null) {
            return;
        }
        ObjectNode d = message.deepCopy();
        d.put("guild_id", Long.toUnsignedString(world.guildId()));
        d.set("member", world.member(id(message.path("author").path("id").asText())));
        gateway.dispatch("MESSAGE_CREATE", d);
    }

    /**
     * {@code GET channels/{id}/messages} as Discord answers it: {@code limit} 1..100 (default 50, else 400
     * with code 50035), at most one of {@code before}, {@code after}, {@code around}; the page is the
     * {@code limit} messages nearest the pivot on that side (for {@code after}: the oldest ones after it), and
     * always newest first.
     */
    private Answer history(long channelId, String query) {
        if (!world.channelExists(channelId)) {
            return Answer.error(404, 10003, "Unknown Channel");
        }
        int limit = 50;
        Long before = null;
        Long after = null;
        Long around = null;
        for (String kv : query.split("&")) {
            String[] pair = kv.split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            try {
                switch (pair[0]) {
                    case "limit":
                        limit = Integer.parseInt(pair[1]);
                        break;
                    case "before":
                        before = id(pair[1]);
                        break;
                    case "after":
                        after = id(pair[1]);
                        break;
                    case "around":
                        around = id(pair[1]);
                        break;
                    default:
                        break;
                }
            } catch (NumberFormatException e) {
                return Answer.error(400, 50035, "Invalid Form Body (" + pair[0] + ")");
            }
        }
        if (limit < 1 || limit > 100) {
            return Answer.error(400, 50035, "Invalid Form Body (limit: must be between 1 and 100)");
        }
        if ((world.botPermissionsIn(channelId) & World.READ_MESSAGE_HISTORY) == 0) {
            return Answer.ok(Json.array()); // Discord: without Read Message History no message is returned
        }
        List<JsonNode> all = world.messagesIn(channelId); // oldest first
        List<JsonNode> page;
        if (after != null) {
            long a = after;
            page = all.stream().filter(m -> idOf(m) > a).limit(limit).toList();
        } else if (around != null) {
            long r = around;
            List<JsonNode> older = all.stream().filter(m -> idOf(m) < r).toList();
            List<JsonNode> newer = all.stream().filter(m -> idOf(m) >= r).toList();
            int fromNewer = Math.min(newer.size(), (limit + 1) / 2);
            int fromOlder = Math.min(older.size(), limit - fromNewer);
            page = new ArrayList<>(older.subList(older.size() - fromOlder, older.size()));
            page.addAll(newer.subList(0, Math.min(newer.size(), limit - fromOlder)));
        } else {
            long b = before == null ? Long.MAX_VALUE : before;
            List<JsonNode> older = all.stream().filter(m -> idOf(m) < b).toList();
            page = older.subList(Math.max(0, older.size() - limit), older.size());
        }
        ArrayNode out = Json.array();
        page.stream().sorted(Comparator.comparingLong(SimRest::idOf).reversed()).forEach(out::add);
        return Answer.ok(out);
    }

    private static long idOf(JsonNode message) {
        return Long.parseUnsignedLong(message.path("id").asText());
    }

    private Answer editMessage(long channelId, long messageId, Body raw) {
        JsonNode body = raw.node();
        Optional<Answer> refused = access(channelId, 0);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<JsonNode> m = world.message(messageId);
        if (m.isEmpty() || !m.get().path("channel_id").asText().equals(Long.toUnsignedString(channelId))) {
            return Answer.error(404, 10008, "Unknown Message");
        }
        if (world.authorOf(m.get()) != world.botUserId()) {
            return Answer.error(403, 50005, "Cannot edit a message authored by another user");
        }
        refused = invalid(body, raw.files().size(), false);
        if (refused.isPresent()) {
            return refused.get();
        }
        archiveIfIdle(channelId);
        if (world.archived(channelId)) {
            return Answer.error(400, 50083, "Thread is archived");
        }
        ObjectNode changes = apply(Json.object(), body);
        ObjectNode edited = world.editMessage(messageId, changes).orElseThrow();
        if (gateway.sessionId() != null) {
            ObjectNode d = edited.deepCopy().put("guild_id", Long.toUnsignedString(world.guildId()));
            gateway.dispatch("MESSAGE_UPDATE", d);
        }
        return Answer.ok(edited);
    }

    private Answer deleteMessage(long channelId, long messageId) {
        Optional<Answer> refused = access(channelId, 0);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<JsonNode> m = world.message(messageId);
        if (m.isEmpty() || !m.get().path("channel_id").asText().equals(Long.toUnsignedString(channelId))) {
            return Answer.error(404, 10008, "Unknown Message");
        }
        if (world.authorOf(m.get()) != world.botUserId()
                && (world.botPermissionsIn(channelId) & World.MANAGE_MESSAGES) == 0) {
            return Answer.error(403, 50013, "Missing Permissions");
        }
        world.deleteMessage(messageId);
        if (gateway.sessionId() != null) {
            gateway.dispatch(
                    "MESSAGE_DELETE",
                    Json.object()
                            .put("id", Long.toUnsignedString(messageId))
                            .put("channel_id", Long.toUnsignedString(channelId))
                            .put("guild_id", Long.toUnsignedString(world.guildId())));
        }
        return Answer.noContent();
    }

    /** The {@code auto_archive_duration} values Discord accepts, in minutes. */
    static final Set<Integer> ARCHIVE_DURATIONS = Set.of(60, 1440, 4320, 10080);

    private Answer startThread(long channelId, long messageId, JsonNode body) {
        Optional<Answer> refused = access(channelId, World.CREATE_PUBLIC_THREADS);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (world.isThread(channelId)) {
            return Answer.error(400, 50024, "Cannot execute action on this channel type");
        }
        Optional<JsonNode> m = world.message(messageId);
        if (m.isEmpty() || !m.get().path("channel_id").asText().equals(Long.toUnsignedString(channelId))) {
            return Answer.error(404, 10008, "Unknown Message");
        }
        if (m.get().has("thread")) {
            return Answer.error(400, 160004, "A thread has already been created for this message");
        }
        String name = body.path("name").asText("");
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > 100) {
            return new Answer(
                    400,
                    MessageRules.invalidFormBody(new MessageRules.Violation(
                            "name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")));
        }
        if (body.has("auto_archive_duration")
                && !ARCHIVE_DURATIONS.contains(
                        body.path("auto_archive_duration").asInt())) {
            return new Answer(
                    400,
                    MessageRules.invalidFormBody(new MessageRules.Violation(
                            "auto_archive_duration",
                            "BASE_TYPE_CHOICES",
                            "Value must be one of {60, 1440, 4320, 10080}.")));
        }
        ObjectNode thread = world.createThread(
                channelId, messageId, name, body.path("auto_archive_duration").asInt(1440));
        if (gateway.sessionId() != null) {
            ObjectNode d = thread.deepCopy().put("newly_created", true);
            d.putObject("member")
                    .put("id", thread.path("id").asText())
                    .put("user_id", Long.toUnsignedString(world.botUserId()))
                    .put("join_timestamp", Instant.now().toString())
                    .put("flags", 1);
            gateway.dispatch("THREAD_CREATE", d);
        }
        return Answer.created(thread);
    }

    /**
     * {@code PATCH channels/{id}}: a thread's name, archived and auto-archive duration need its creator or
     * Manage Threads, {@code locked} needs Manage Threads, an archived thread takes only an unarchive; another
     * channel needs Manage Channels.
     */
    private Answer editChannel(long channelId, JsonNode body) {
        Optional<Answer> refused = access(channelId, 0);
        if (refused.isPresent()) {
            return refused.get();
        }
        long have = world.botPermissionsIn(channelId);
        boolean manageThreads = (have & World.MANAGE_THREADS) != 0;
        if (!world.isThread(channelId)) {
            if ((have & World.MANAGE_CHANNELS) == 0) {
                return Answer.error(403, 50013, "Missing Permissions");
            }
            return Answer.ok(world.updateChannel(channelId, body));
        }
        JsonNode thread = world.channelJson(channelId).orElseThrow();
        boolean creator = thread.path("owner_id").asText().equals(Long.toUnsignedString(world.botUserId()));
        if (body.has("locked") && !manageThreads || !creator && !manageThreads) {
            return Answer.error(403, 50013, "Missing Permissions");
        }
        if (body.has("name")) {
            String name = body.path("name").asText("");
            if (name.isEmpty() || name.codePointCount(0, name.length()) > 100) {
                return new Answer(
                        400,
                        MessageRules.invalidFormBody(new MessageRules.Violation(
                                "name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")));
            }
        }
        archiveIfIdle(channelId);
        boolean unarchive = body.has("archived") && !body.path("archived").asBoolean();
        if (world.archived(channelId) && !unarchive) {
            return Answer.error(400, 50083, "Thread is archived");
        }
        ObjectNode updated = world.updateChannel(channelId, body);
        dispatchThread("THREAD_UPDATE", updated);
        return Answer.ok(updated);
    }

    /** {@code DELETE channels/{id}}: a thread needs Manage Threads, another channel Manage Channels. */
    private Answer deleteChannel(long channelId) {
        boolean thread = world.isThread(channelId);
        Optional<Answer> refused = access(channelId, thread ? World.MANAGE_THREADS : World.MANAGE_CHANNELS);
        if (refused.isPresent()) {
            return refused.get();
        }
        ObjectNode gone = world.deleteChannel(channelId).orElseThrow();
        if (gateway.sessionId() != null) {
            ObjectNode d = Json.object()
                    .put("id", gone.path("id").asText())
                    .put("guild_id", Long.toUnsignedString(world.guildId()))
                    .put("type", gone.path("type").asInt());
            if (thread) {
                d.put("parent_id", gone.path("parent_id").asText());
            }
            gateway.dispatch(thread ? "THREAD_DELETE" : "CHANNEL_DELETE", thread ? d : gone);
        }
        return Answer.ok(gone);
    }

    /** The callback types Discord allows per interaction type (receiving-and-responding#responding). */
    static final Map<Integer, Set<Integer>> CALLBACK_TYPES = Map.of(
            2, Set.of(4, 5, 9), // APPLICATION_COMMAND
            3, Set.of(4, 5, 6, 7, 9), // MESSAGE_COMPONENT
            4, Set.of(8), // APPLICATION_COMMAND_AUTOCOMPLETE
            5, Set.of(4, 5, 6, 7)); // MODAL_SUBMIT

    private Answer unknownInteraction(String interactionToken) {
        Answer a = Answer.error(404, 10062, "Unknown interaction");
        a.injected = expiredByKnob.contains(interactionToken);
        return a;
    }

    private Answer callback(long interactionId, String interactionToken, Body raw) {
        JsonNode body = raw.node();
        Interaction i = interactions.get(interactionToken);
        if (i == null || i.id != interactionId) {
            return unknownInteraction(interactionToken);
        }
        synchronized (i) {
            if (i.acknowledged) {
                return Answer.error(400, 40060, "Interaction has already been acknowledged.");
            }
            if (System.nanoTime() - i.createdNanos > control.ackWindow().toNanos()) {
                return Answer.error(404, 10062, "Unknown interaction"); // not acknowledged within 3 s
            }
            int type = body.path("type").asInt();
            if (!CALLBACK_TYPES.getOrDefault(i.type, Set.of()).contains(type)) {
                return new Answer(
                        400,
                        MessageRules.invalidFormBody(new MessageRules.Violation(
                                "type",
                                "INTERACTION_CALLBACK_TYPE_INVALID",
                                "Invalid callback type for this interaction")));
            }
            JsonNode data = body.path("data");
            if (type == 4 || type == 7) {
                Optional<Answer> refused = invalid(data, raw.files().size(), type == 4);
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            i.acknowledged = true;
            i.ephemeral = (data.path("flags").asInt() & 64) != 0;
            if (type == 8 || type == 1) {
                return Answer.noContent();
            }
            ObjectNode response = Json.object();
            ObjectNode interaction = response.putObject("interaction")
                    .put("id", Long.toUnsignedString(interactionId))
                    .put("type", i.type);
            ObjectNode resource = response.putObject("resource").put("type", type);
            if (type == 4 || type == 5) {
                ObjectNode m = world.createMessage(i.channelId, world.botUserId(), "", null);
                long id = id(m.path("id").asText());
                if (type == 5) {
                    m.put("flags", (i.ephemeral ? 64 : 0) | 128); // LOADING: "bot is thinking…"
                }
                ObjectNode stored = type == 4 ? apply(m, data) : m;
                stored.put("webhook_id", Long.toUnsignedString(world.applicationId()));
                world.editMessage(id, stored);
                i.originalId = id;
                i.deferred = type == 5;
                interaction
                        .put("response_message_id", Long.toUnsignedString(id))
                        .put("response_message_loading", type == 5)
                        .put("response_message_ephemeral", i.ephemeral);
                if (type == 4) {
                    resource.set("message", stored);
                }
            } else if ((type == 6 || type == 7) && i.messageId != 0) {
                i.originalId = i.messageId; // @original is now the message of the component
                if (type == 7) {
                    world.editMessage(i.messageId, apply(Json.object(), data))
                            .ifPresent(m -> resource.set("message", m));
                }
            }
            return Answer.ok(response);
        }
    }

    /**
     * Returns the refusal of a webhook request with {@code interactionToken}: 404 10015 for a token Discord
     * never gave or one not acknowledged yet, 401 50027 for one older than 15 minutes; else empty.
     */
    private Optional<Answer> tokenRefused(String interactionToken) {
        Interaction i = interactions.get(interactionToken);
        if (i == null || !i.acknowledged) {
            Answer a = Answer.error(404, 10015, "Unknown Webhook");
            a.injected = expiredByKnob.contains(interactionToken);
            return Optional.of(a);
        }
        if (System.nanoTime() - i.createdNanos > control.tokenLifetime().toNanos()) {
            return Optional.of(Answer.error(401, 50027, "Invalid Webhook Token"));
        }
        return Optional.empty();
    }

    private Answer followUp(String interactionToken, Body raw) {
        JsonNode body = raw.node();
        Optional<Answer> refused = tokenRefused(interactionToken)
                .or(() -> invalid(body, raw.files().size(), true));
        if (refused.isPresent()) {
            return refused.get();
        }
        Interaction i = interactions.get(interactionToken);
        synchronized (i) {
            if (i.deferred) {
                // Discord turns the first follow-up after a deferral into the deferred message itself
                i.deferred = false;
                ObjectNode changes = apply(Json.object(), body);
                changes.put("flags", body.path("flags").asInt(0) & ~128 | (i.ephemeral ? 64 : 0));
                return Answer.ok(world.editMessage(i.originalId, changes).orElseThrow());
            }
            ObjectNode m = world.createMessage(i.channelId, world.botUserId(), "", null);
            ObjectNode stored = apply(m, body);
            stored.put("webhook_id", Long.toUnsignedString(world.applicationId()));
            return Answer.ok(
                    world.editMessage(id(m.path("id").asText()), stored).orElseThrow());
        }
    }

    private Answer editWebhookMessage(String interactionToken, String which, Body raw) {
        JsonNode body = raw.node();
        Optional<Answer> refused = tokenRefused(interactionToken)
                .or(() -> invalid(body, raw.files().size(), false));
        if (refused.isPresent()) {
            return refused.get();
        }
        Interaction i = interactions.get(interactionToken);
        synchronized (i) {
            long id = which.equals("@original") ? i.originalId : id(which);
            if (id == 0) {
                return Answer.error(404, 10008, "Unknown Message");
            }
            i.deferred = false;
            ObjectNode changes = apply(Json.object(), body);
            return world.editMessage(id, changes)
                    .map(Answer::ok)
                    .orElseGet(() -> Answer.error(404, 10008, "Unknown Message"));
        }
    }

    /** An interaction the simulator dispatched, and what the bot did with it. */
    private static final class Interaction {
        final long id;
        final long channelId;
        final int type;
        final long messageId;
        final long createdNanos = System.nanoTime();
        boolean acknowledged;
        boolean deferred;
        boolean ephemeral;
        long originalId;

        Interaction(long id, long channelId, int type, long messageId) {
            this.id = id;
            this.channelId = channelId;
            this.type = type;
            this.messageId = messageId;
        }
    }

    /** A REST rate-limit bucket: {@code limit} requests per fixed window. */
    static final class Bucket {
        final String hash;
        final int limit;
        final long windowNanos;
        private long windowStart = System.nanoTime();
        private int used;

        Bucket(String hash, int limit, Duration window) {
            this.hash = hash;
            this.limit = limit;
            this.windowNanos = window.toNanos();
        }

        synchronized boolean tryTake() {
            roll();
            if (used >= limit) {
                return false;
            }
            used++;
            return true;
        }

        private void roll() {
            long now = System.nanoTime();
            if (now - windowStart >= windowNanos) {
                windowStart = now;
                used = 0;
            }
        }

        synchronized double resetAfter() {
            roll();
            return Math.max(0, windowNanos - (System.nanoTime() - windowStart)) / 1e9;
        }

        synchronized void headers(java.util.function.BiConsumer<String, String> h) {
            double after = resetAfter();
            h.accept("x-ratelimit-bucket", hash);
            h.accept("x-ratelimit-limit", String.valueOf(limit));
            h.accept("x-ratelimit-remaining", String.valueOf(Math.max(0, limit - used)));
            h.accept("x-ratelimit-reset-after", String.format(Locale.ROOT, "%.3f", after));
            h.accept(
                    "x-ratelimit-reset",
                    String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + after));
        }
    }

    /** What the simulator answers. */
    private static final class Answer {
        final int status;
        final JsonNode json;
        final Map<String, String> headers = new HashMap<>();
        Bucket bucket;
        /** False for a 429 without {@code Via}, which JDA takes for a Cloudflare ban. */
        boolean via = true;
        /** True when a test's knob caused this answer (it is then recorded as a fault). */
        boolean injected;

        Answer(int status, JsonNode json) {
            this.status = status;
            this.json = json;
        }

        static Answer ok(JsonNode json) {
            return new Answer(200, json);
        }

        static Answer created(JsonNode json) {
            return new Answer(201, json);
        }

        static Answer noContent() {
            return new Answer(204, null);
        }

        static Answer error(int status, int code, String message) {
            return new Answer(status, Json.object().put("message", message).put("code", code));
        }

        /** The global limit's 429: {@code X-RateLimit-Global}, scope {@code global}, {@code "global": true}. */
        static Answer globalLimited(double retryAfterSeconds) {
            Answer a = new Answer(
                    429,
                    Json.object()
                            .put("message", "You are being rate limited.")
                            .put("retry_after", retryAfterSeconds)
                            .put("global", true));
            a.headers.put("retry-after", String.valueOf(Math.max(1, (long) Math.ceil(retryAfterSeconds))));
            a.headers.put("x-ratelimit-global", "true");
            a.headers.put("x-ratelimit-scope", "global");
            return a;
        }

        static Answer rateLimited(double retryAfterSeconds, Bucket bucket) {
            Answer a = new Answer(
                    429,
                    Json.object()
                            .put("message", "You are being rate limited.")
                            .put("retry_after", retryAfterSeconds)
                            .put("global", false));
            long whole = (long) Math.ceil(retryAfterSeconds);
            a.headers.put("retry-after", String.valueOf(Math.max(1, whole)));
            a.headers.put("x-ratelimit-bucket", bucket.hash);
            a.headers.put("x-ratelimit-limit", String.valueOf(bucket.limit));
            a.headers.put("x-ratelimit-remaining", "0");
            a.headers.put("x-ratelimit-reset-after", String.format(Locale.ROOT, "%.3f", retryAfterSeconds));
            a.headers.put(
                    "x-ratelimit-reset",
                    String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + retryAfterSeconds));
            a.headers.put("x-ratelimit-scope", "user");
            return a;
        }
    }
}
