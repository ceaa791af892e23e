package io.icewarn.bot.e2e.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulated Discord on loopback for end-to-end tests of the real bot (real JDA): a REST API
 * ({@link SimRest}, the JDK's HTTP server) and a gateway ({@link SimGateway}, Java-WebSocket), one
 * application, one guild ({@link World}), a {@link Recorder} of everything the bot sent, fault knobs
 * ({@link #gateway()}, {@link #rest()}) and helpers that play users: messages, edits, deletions, slash
 * commands, autocomplete, the message context menu and buttons. Start one per test class; point the bot at
 * it with {@link #botEnvironment()}. What it models and what not: {@code docs/simulated-discord.md}.
 */
public final class SimulatedDiscord implements AutoCloseable {
    /** The REST route the bot calls once it is ready: registering its commands. */
    public static final String REGISTER_COMMANDS = "PUT applications/{id}/commands";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The MESSAGE_CONTENT gateway intent bit. */
    private static final long MESSAGE_CONTENT_INTENT = 1L << 15;

    private final SimOptions options;
    private final Snowflakes ids = new Snowflakes();
    private final World world;
    private final Recorder recorder = new Recorder();
    private final SimGateway gateway;
    private final RestControl control = new RestControl();
    private final SimRest rest;
    private final String token;
    private final Path dataDirectory;

    private SimulatedDiscord(SimOptions options) throws IOException {
        this.options = options;
        this.dataDirectory = Files.createTempDirectory("icewarn-e2e-data");
        this.world = new World(ids, options);
        this.token = newToken(world.applicationId());
        this.gateway = new SimGateway(world, recorder, options, token);
        this.rest = new SimRest(world, recorder, gateway, control, options, token);
    }

    /** Starts a simulator with {@code options} on 127.0.0.1, on free ports. */
    public static SimulatedDiscord start(SimOptions options) {
        try {
            SimulatedDiscord d = new SimulatedDiscord(options);
            d.gateway.start();
            d.rest.start();
            return d;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the simulated Discord", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting the simulated Discord", e);
        }
    }

    /** Starts a simulator with {@link SimOptions#defaults()}. */
    public static SimulatedDiscord start() {
        return start(SimOptions.defaults());
    }

    @Override
    public void close() {
        rest.stop();
        try {
            gateway.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(dataDirectory);
    }

    /** Returns the bot's data directory: one per simulator, so a restarted bot finds its state again. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** Returns a bot-token-shaped secret: base64 of the bot's ID, a timestamp part and an HMAC-like part. */
    private static String newToken(long botId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(Long.toUnsignedString(botId).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                + "." + random(6) + "." + random(38);
    }

    private static String random(int chars) {
        byte[] bytes = new byte[chars];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, chars);
    }

    // ---- what the bot needs ----

    /** Returns the bot token this Discord accepts. */
    public String token() {
        return token;
    }

    /** Returns the REST API base, e.g. {@code http://127.0.0.1:PORT/api/v10/}. */
    public URI restBase() {
        return rest.base();
    }

    /** Returns the gateway URL. */
    public URI gatewayUrl() {
        return gateway.url();
    }

    /**
     * Returns the environment that points the bot at this simulator: token, application ID, REST and
     * gateway URLs, the health endpoint off and no per-user cooldown (tests post many pastes as one user).
     * Callers add or override settings on a copy.
     */
    public Map<String, String> botEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DISCORD_TOKEN", token);
        env.put("ICEWARN_APPLICATION_ID", Long.toUnsignedString(world.applicationId()));
        env.put("ICEWARN_DISCORD_API_URL", rest.base().toString());
        env.put("ICEWARN_DISCORD_GATEWAY_URL", gateway.url().toString());
        env.put("ICEWARN_DATA_DIR", dataDirectory.toString());
        env.put("ICEWARN_HTTP_ENABLED", "false");
        env.put("ICEWARN_USER_COOLDOWN", "0s");
        return env;
    }

    public SimOptions options() {
        return options;
    }

    public World world() {
        return world;
    }

    public Recorder recorder() {
        return recorder;
    }

    /** Returns the gateway's fault knobs and state. */
    public SimGateway gateway() {
        return gateway;
    }

    /** Returns the REST side's fault knobs. */
    public RestControl rest() {
        return control;
    }

    /**
     * Blocks until the bot has registered its commands {@code times} times in all (it does so once per
     * start, after its first READY) and returns those calls.
     */
    public List<RestCall> awaitCommandsRegistered(int times, Duration timeout) {
        return recorder.awaitRest(c -> c.route().equals(REGISTER_COMMANDS) && c.ok(), times, timeout);
    }

    /** Blocks until the bot is ready: logged in and its commands registered once. */
    public void awaitBotReady(Duration timeout) {
        awaitCommandsRegistered(1, timeout);
    }

    /**
     * Returns how many of the bot's requests so far Discord would count towards its invalid-request limit
     * (10,000 per 10 minutes per IP, then a temporary ban): answers 401, 403 and 429, except a 429 of scope
     * {@code shared}. Injected faults count too, as on Discord.
     */
    public long invalidRequests() {
        return rest.invalidRequests();
    }

    /** Returns the requests the simulator refused (4xx) on its own, not by an injected fault. */
    public List<RestCall> rejected() {
        return recorder.rest(c -> c.status() >= 400 && c.status() < 500 && !c.fault());
    }

    /**
     * Fails unless the bot made no request the simulator refused on its own (4xx, 429 included) and no
     * invalid request (401, 403, 429) that a scenario did not inject; lists the offenders with the answers.
     */
    public void assertNoRejectedOrInvalid() {
        List<RestCall> rejected = recorder.rest(c -> c.status() >= 400 && c.status() < 500 && !c.fault());
        if (!rejected.isEmpty()) {
            throw new AssertionError("the simulated Discord refused " + rejected.size() + " requests: "
                    + rejected.stream()
                            .limit(20)
                            .map(c -> c + " " + c.response())
                            .toList());
        }
    }

    /** Returns the routes the bot called that the simulator does not implement (it answered them 404). */
    public Set<String> unknownRoutes() {
        Set<String> out = new java.util.TreeSet<>();
        for (RestCall c : recorder.rest()) {
            if (!KNOWN_ROUTES.contains(c.route())) {
                out.add(c.route());
            }
        }
        return out;
    }

    /** The routes the simulator implements. */
    public static final Set<String> KNOWN_ROUTES = Set.of(
            "GET gateway/bot",
            "GET gateway",
            "GET users/@me",
            REGISTER_COMMANDS,
            "POST channels/{id}/messages",
            "GET channels/{id}/messages",
            "GET channels/{id}/messages/{id}",
            "GET channels/{id}",
            "PATCH channels/{id}/messages/{id}",
            "DELETE channels/{id}/messages/{id}",
            "POST channels/{id}/messages/{id}/threads",
            "PATCH channels/{id}",
            "DELETE channels/{id}",
            "POST interactions/{id}/{token}/callback",
            "POST webhooks/{id}/{token}",
            "PATCH webhooks/{id}/{token}/messages/@original",
            "PATCH webhooks/{id}/{token}/messages/{id}",
            "DELETE webhooks/{id}/{token}/messages/@original",
            "DELETE webhooks/{id}/{token}/messages/{id}",
            "GET cdn");

    // ---- playing users ----

    /** A human user posts {@code content} in {@code channelId}; returns the new message's ID. */
    public long post(long channelId, long authorId, String content) {
        return post(channelId, authorId, content, List.of());
    }

    /**
     * User {@code authorId} (a human or {@link World#otherBot()}) posts {@code content} with
     * {@code attachments} in {@code channelId}: the message is stored and MESSAGE_CREATE dispatched. Returns
     * the message's ID.
     */
    public long post(long channelId, long authorId, String content, List<Attachment> attachments) {
        ArrayNode files = Json.array();
        for (Attachment a : attachments) {
            long id = ids.next();
            String url = rest.serve(channelId, id, a.name(), a.bytes());
            files.addObject()
                    .put("id", Long.toUnsignedString(id))
                    .put("filename", a.name())
                    .put("size", a.bytes().length)
                    .put("url", url)
                    .put("proxy_url", url)
                    .put("content_type", a.contentType());
        }
        ObjectNode m = world.createMessage(channelId, authorId, content, files);
        gateway.dispatch("MESSAGE_CREATE", asSeen(m));
        return Long.parseUnsignedLong(m.path("id").asText());
    }

    /** The author edits message {@code messageId} to {@code content}: MESSAGE_UPDATE. */
    public void edit(long messageId, String content) {
        ObjectNode edited = world.editMessage(messageId, Json.object().put("content", content))
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
        gateway.dispatch("MESSAGE_UPDATE", asSeen(edited));
    }

    /** The author deletes message {@code messageId}: MESSAGE_DELETE. */
    public void delete(long messageId) {
        JsonNode m = world.deleteMessage(messageId).orElseThrow(() -> new IllegalArgumentException("no message"));
        gateway.dispatch(
                "MESSAGE_DELETE",
                Json.object()
                        .put("id", Long.toUnsignedString(messageId))
                        .put("channel_id", m.path("channel_id").asText())
                        .put("guild_id", Long.toUnsignedString(world.guildId())));
    }

    /**
     * Returns the message as the gateway shows it to the bot: with guild and member; content, attachments,
     * embeds and components only when the bot identified with the Message Content intent and it is granted.
     */
    private ObjectNode asSeen(ObjectNode stored) {
        ObjectNode d = stored.deepCopy();
        d.put("guild_id", Long.toUnsignedString(world.guildId()));
        long author = Long.parseUnsignedLong(d.path("author").path("id").asText());
        d.set("member", world.member(author));
        boolean contentIntent = (gateway.intents() & MESSAGE_CONTENT_INTENT) != 0 && options.messageContentGranted();
        if (!contentIntent && author != world.botUserId()) {
            d.put("content", "");
            d.putArray("attachments");
            d.putArray("embeds");
            d.putArray("components");
        }
        return d;
    }

    /**
     * User {@code userId} runs {@code /name subcommand} with {@code options} (String, Long/Integer or Boolean
     * values) in {@code channelId}: INTERACTION_CREATE of type APPLICATION_COMMAND.
     */
    public SimInteraction slashCommand(
            long channelId, long userId, String name, String subcommand, Map<String, Object> options) {
        ObjectNode data = commandData(name, 1);
        ArrayNode top = data.putArray("options");
        ArrayNode target = top;
        if (subcommand != null) {
            ObjectNode sub = top.addObject().put("name", subcommand).put("type", 1);
            target = sub.putArray("options");
        }
        for (Map.Entry<String, Object> e : options.entrySet()) {
            target.add(option(e.getKey(), e.getValue()));
        }
        return interact(channelId, userId, 2, data);
    }

    /**
     * User {@code userId} types {@code typed} into option {@code focused} of {@code /name subcommand}:
     * INTERACTION_CREATE of type APPLICATION_COMMAND_AUTOCOMPLETE.
     */
    public SimInteraction autocomplete(
            long channelId, long userId, String name, String subcommand, String focused, String typed, int type) {
        ObjectNode data = commandData(name, 1);
        ArrayNode top = data.putArray("options");
        ArrayNode target = top;
        if (subcommand != null) {
            target = top.addObject().put("name", subcommand).put("type", 1).putArray("options");
        }
        target.addObject()
                .put("name", focused)
                .put("type", type)
                .put("value", typed)
                .put("focused", true);
        return interact(channelId, userId, 4, data);
    }

    /** User {@code userId} picks the message context menu {@code name} on {@code messageId}. */
    public SimInteraction messageContextMenu(long userId, String name, long messageId) {
        JsonNode target = world.message(messageId).orElseThrow(() -> new IllegalArgumentException("no message"));
        ObjectNode data = commandData(name, 3).put("target_id", Long.toUnsignedString(messageId));
        data.putObject("resolved").putObject("messages").set(Long.toUnsignedString(messageId), target);
        long channelId = Long.parseUnsignedLong(target.path("channel_id").asText());
        return interact(channelId, userId, 2, data);
    }

    /** User {@code userId} presses the button {@code customId} on the bot's message {@code messageId}. */
    public SimInteraction button(long userId, String customId, long messageId) {
        JsonNode message = world.message(messageId).orElseThrow(() -> new IllegalArgumentException("no message"));
        ObjectNode data = Json.object().put("custom_id", customId).put("component_type", 2);
        long channelId = Long.parseUnsignedLong(message.path("channel_id").asText());
        ObjectNode extra = Json.object();
        extra.set("message", message);
        return interact(channelId, userId, 3, data, extra);
    }

    private ObjectNode commandData(String name, int type) {
        return Json.object()
                .put("id", Long.toUnsignedString(rest.commandId(name)))
                .put("name", name)
                .put("type", type)
                .put("guild_id", Long.toUnsignedString(world.guildId()));
    }

    private static ObjectNode option(String name, Object value) {
        ObjectNode o = Json.object().put("name", name);
        if (value instanceof Boolean) {
            o.put("type", 5).put("value", (Boolean) value);
        } else if (value instanceof Number) {
            o.put("type", 4).put("value", ((Number) value).longValue());
        } else {
            o.put("type", 3).put("value", String.valueOf(value));
        }
        return o;
    }

    private SimInteraction interact(long channelId, long userId, int type, ObjectNode data) {
        return interact(channelId, userId, type, data, Json.object());
    }

    private SimInteraction interact(long channelId, long userId, int type, ObjectNode data, ObjectNode extra) {
        long id = ids.next();
        String interactionToken = "aW50ZXJhY3Rpb246" + Long.toUnsignedString(id) + ":" + random(120);
        if (control.takeExpiry()) {
            rest.expiredByKnob(interactionToken);
        } else {
            long messageId = extra.path("message").has("id")
                    ? Long.parseUnsignedLong(extra.path("message").path("id").asText())
                    : 0;
            rest.expectInteraction(id, interactionToken, channelId, type, messageId);
        }
        ObjectNode d = Json.object()
                .put("id", Long.toUnsignedString(id))
                .put("application_id", Long.toUnsignedString(world.applicationId()))
                .put("type", type)
                .put("guild_id", Long.toUnsignedString(world.guildId()))
                .put("channel_id", Long.toUnsignedString(channelId))
                .put("token", interactionToken)
                .put("version", 1)
                .put("app_permissions", world.botPermissionsText())
                .put("locale", "en-US")
                .put("guild_locale", "en-US")
                .put("context", 0)
                .put("attachment_size_limit", 10 * 1024 * 1024);
        d.set("data", data);
        d.set("channel", world.channelJson(channelId).orElseThrow());
        d.putObject("guild")
                .put("id", Long.toUnsignedString(world.guildId()))
                .put("locale", "en-US")
                .putArray("features");
        ObjectNode member = world.memberWithUser(userId).put("permissions", "2248473465835073");
        d.set("member", member);
        d.putArray("entitlements");
        d.putObject("authorizing_integration_owners").put("0", Long.toUnsignedString(world.guildId()));
        extra.fields().forEachRemaining(e -> d.set(e.getKey(), e.getValue()));
        gateway.dispatch("INTERACTION_CREATE", d);
        return new SimInteraction(id, interactionToken);
    }

    /** Returns the registered command IDs by name (empty before the bot registered them). */
    public Map<String, Long> commands() {
        return new HashMap<>(rest.commandIds());
    }
}
