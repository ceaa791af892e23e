package io.icewarn.bot.e2e.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated Discord's data: one application and its bot user, one guild with text channels, human
 * users and another bot, and every channel, thread and message created since. Builds the JSON objects
 * Discord sends (users, members, channels, messages, the guild). Thread-safe.
 */
public final class World {
    private final Snowflakes ids;
    private final SimOptions options;
    private final long applicationId;
    private final long botUserId;
    private final long guildId;
    private final long botRoleId;
    private final long ownerId;
    private final List<Long> textChannels = new ArrayList<>();
    private final List<Long> humans = new ArrayList<>();
    private final long otherBotId;
    private final Map<Long, ObjectNode> channels = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> messages = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> users = new ConcurrentHashMap<>();
    /** The guilds {@link #addGuilds} added beyond the first, and the guild of each of their channels and threads. */
    private final List<Long> moreGuilds = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Map<Long, Long> moreGuildBotRole = new ConcurrentHashMap<>();

    private final Map<Long, Long> moreGuildOf = new ConcurrentHashMap<>();

    World(Snowflakes ids, SimOptions options) {
        this.ids = ids;
        this.options = options;
        this.applicationId = ids.next();
        this.botUserId = applicationId; // Discord gives a bot's user the application's ID
        this.guildId = ids.next();
        this.botRoleId = ids.next();
        users.put(botUserId, user(botUserId, "icewarn", true));
        for (int i = 0; i < 3; i++) {
            long id = ids.next();
            humans.add(id);
            users.put(id, user(id, "user" + i, false));
        }
        this.ownerId = humans.get(0);
        this.otherBotId = ids.next();
        users.put(otherBotId, user(otherBotId, "otherbot", true));
        for (int i = 0; i < options.textChannels(); i++) {
            long id = ids.next();
            textChannels.add(id);
            channels.put(id, textChannel(id, "pastes-" + i, i));
        }
    }

    /** Returns the application's ID (also the bot user's). */
    public long applicationId() {
        return applicationId;
    }

    /** Returns the bot's user ID. */
    public long botUserId() {
        return botUserId;
    }

    /** Returns the guild's ID (also its @everyone role's). */
    public long guildId() {
        return guildId;
    }

    /** Returns the ID of text channel {@code index} (0-based, fewer than {@link SimOptions#textChannels()}). */
    public long channel(int index) {
        return textChannels.get(index);
    }

    /** Returns the IDs of every text channel of the guild. */
    public List<Long> textChannels() {
        return List.copyOf(textChannels);
    }

    /** Returns the user ID of human {@code index} (0, 1 or 2). */
    public long human(int index) {
        return humans.get(index);
    }

    /** Returns the user ID of another bot in the guild. */
    public long otherBot() {
        return otherBotId;
    }

    /** Returns the channel or thread {@code id} as Discord sends it, if it exists. */
    public Optional<JsonNode> channelJson(long id) {
        return Optional.ofNullable(channels.get(id)).map(ObjectNode::deepCopy);
    }

    /** Returns the message {@code id} as stored, if it exists. */
    public Optional<JsonNode> message(long id) {
        return Optional.ofNullable(messages.get(id)).map(ObjectNode::deepCopy);
    }

    long newId() {
        return ids.next();
    }

    boolean channelExists(long id) {
        return channels.containsKey(id);
    }

    ObjectNode userJson(long id) {
        ObjectNode u = users.get(id);
        if (u == null) {
            throw new IllegalArgumentException("no such user " + id);
        }
        return u.deepCopy();
    }

    /** Returns the bot's user as {@code GET users/@me} and READY give it. */
    ObjectNode selfUser() {
        ObjectNode u = userJson(botUserId);
        u.put("verified", true).put("mfa_enabled", false).put("flags", 0).putNull("email");
        return u;
    }

    private static ObjectNode user(long id, String name, boolean bot) {
        ObjectNode u = Json.object()
                .put("id", Long.toUnsignedString(id))
                .put("username", name)
                .put("discriminator", "0")
                .put("global_name", name)
                .putNull("avatar")
                .put("public_flags", 0);
        if (bot) {
            u.put("bot", true);
        }
        return u;
    }

    /** Returns the guild member object of {@code userId}, without its user. */
    ObjectNode member(long userId) {
        ObjectNode m = Json.object();
        ArrayNode roles = m.putArray("roles");
        if (userId == botUserId) {
            roles.add(Long.toUnsignedString(botRoleId));
        }
        m.put("joined_at", "2024-01-01T00:00:00.000000+00:00")
                .putNull("nick")
                .putNull("avatar")
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0)
                .put("pending", false)
                .putNull("premium_since")
                .putNull("communication_disabled_until");
        return m;
    }

    /** Returns the member object of {@code userId} with its user, as in GUILD_CREATE and interactions. */
    ObjectNode memberWithUser(long userId) {
        ObjectNode m = member(userId);
        m.set("user", userJson(userId));
        return m;
    }

    private ObjectNode textChannel(long id, String name, int position) {
        return textChannel(id, name, position, guildId);
    }

    private static ObjectNode textChannel(long id, String name, int position, long guildId) {
        ObjectNode c = Json.object()
                .put("id", Long.toUnsignedString(id))
                .put("type", 0)
                .put("guild_id", Long.toUnsignedString(guildId))
                .put("name", name)
                .put("position", position)
                .putNull("parent_id")
                .putNull("topic")
                .put("nsfw", false)
                .putNull("last_message_id")
                .put("rate_limit_per_user", 0)
                .put("flags", 0);
        c.putArray("permission_overwrites");
        return c;
    }

    /** Creates the public thread Discord starts on {@code messageId} (the thread gets the message's ID). */
    ObjectNode createThread(long parentId, long messageId, String name, int autoArchiveMinutes) {
        String now = Instant.now().toString();
        Long otherGuild = moreGuildOf.get(parentId);
        if (otherGuild != null) {
            moreGuildOf.put(messageId, otherGuild);
        }
        ObjectNode t = Json.object()
                .put("id", Long.toUnsignedString(messageId))
                .put("type", 11)
                .put("guild_id", Long.toUnsignedString(otherGuild == null ? guildId : otherGuild))
                .put("parent_id", Long.toUnsignedString(parentId))
                .put("name", name)
                .put("owner_id", Long.toUnsignedString(botUserId))
                .putNull("last_message_id")
                .put("message_count", 0)
                .put("member_count", 1)
                .put("total_message_sent", 0)
                .put("rate_limit_per_user", 0)
                .put("flags", 0);
        t.putObject("thread_metadata")
                .put("archived", false)
                .put("auto_archive_duration", autoArchiveMinutes)
                .put("archive_timestamp", now)
                .put("locked", false)
                .put("create_timestamp", now);
        t.putArray("applied_tags");
        channels.put(messageId, t);
        ObjectNode starter = messages.get(messageId);
        if (starter != null) {
            starter.set("thread", t.deepCopy());
        }
        return t.deepCopy();
    }

    /** Stores and returns a new message by {@code authorId} in {@code channelId}. */
    ObjectNode createMessage(long channelId, long authorId, String content, ArrayNode attachments) {
        long id = ids.next();
        ObjectNode m = Json.object()
                .put("id", Long.toUnsignedString(id))
                .put("channel_id", Long.toUnsignedString(channelId))
                .put("content", content)
                .put("timestamp", Instant.now().toString())
                .putNull("edited_timestamp")
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("type", 0)
                .put("flags", 0);
        m.set("author", userJson(authorId));
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.set("attachments", attachments == null ? Json.array() : attachments);
        m.putArray("embeds");
        m.putArray("components");
        messages.put(id, m);
        ObjectNode channel = channels.get(channelId);
        if (channel != null) {
            channel.put("last_message_id", Long.toUnsignedString(id));
            if (channel.path("type").asInt() == 11) {
                channel.put("message_count", channel.path("message_count").asInt() + 1);
                channel.put(
                        "total_message_sent", channel.path("total_message_sent").asInt() + 1);
                ObjectNode starter = messages.get(channelId);
                if (starter != null) {
                    starter.set("thread", channel.deepCopy()); // the starter message shows its thread as it is now
                }
            }
        }
        return m.deepCopy();
    }

    /** Replaces the stored message's fields with those of {@code changes}; returns it, or empty if unknown. */
    Optional<ObjectNode> editMessage(long id, JsonNode changes) {
        ObjectNode m = messages.get(id);
        if (m == null) {
            return Optional.empty();
        }
        changes.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("allowed_mentions")) {
                m.set(e.getKey(), e.getValue());
            }
        });
        m.put("edited_timestamp", Instant.now().toString());
        return Optional.of(m.deepCopy());
    }

    /** Returns the IDs of the messages {@code authorId} has in channel or thread {@code channelId} now. */
    public List<Long> messagesBy(long authorId, long channelId) {
        String channel = Long.toUnsignedString(channelId);
        String author = Long.toUnsignedString(authorId);
        return messages.values().stream()
                .filter(m -> m.path("channel_id").asText().equals(channel)
                        && m.path("author").path("id").asText().equals(author))
                .map(m -> Long.parseUnsignedLong(m.path("id").asText()))
                .sorted(Long::compareUnsigned)
                .toList();
    }

    List<Long> messageIds() {
        return List.copyOf(messages.keySet());
    }

    /** Returns the messages of channel or thread {@code channelId} as stored, oldest first. */
    public List<JsonNode> messagesIn(long channelId) {
        String channel = Long.toUnsignedString(channelId);
        return messages.values().stream()
                .filter(m -> m.path("channel_id").asText().equals(channel))
                .map(m -> (JsonNode) m.deepCopy())
                .sorted(java.util.Comparator.comparingLong(
                        m -> Long.parseUnsignedLong(m.path("id").asText())))
                .toList();
    }

    Optional<ObjectNode> deleteMessage(long id) {
        return Optional.ofNullable(messages.remove(id));
    }

    /** Returns READY's data for a new session. */
    ObjectNode ready(String sessionId, String resumeUrl) {
        ObjectNode d = Json.object().put("v", 10);
        d.set("user", selfUser());
        d.putArray("guilds")
                .addObject()
                .put("id", Long.toUnsignedString(guildId))
                .put("unavailable", true);
        for (long g : moreGuilds) {
            ((ArrayNode) d.get("guilds"))
                    .addObject()
                    .put("id", Long.toUnsignedString(g))
                    .put("unavailable", true);
        }
        d.put("session_id", sessionId).put("resume_gateway_url", resumeUrl);
        d.putArray("shard").add(0).add(1);
        d.putObject("application")
                .put("id", Long.toUnsignedString(applicationId))
                .put("flags", 1 << 19); // GATEWAY_MESSAGE_CONTENT_LIMITED: an unverified bot
        d.putArray("private_channels");
        d.putArray("presences");
        d.putArray("relationships");
        d.putArray("guild_join_requests");
        d.putObject("user_settings");
        d.putObject("auth");
        return d;
    }

    /** Returns GUILD_CREATE's data: the guild with its roles, channels, threads and the bot's own member. */
    ObjectNode guildCreate() {
        ObjectNode g = Json.object()
                .put("id", Long.toUnsignedString(guildId))
                .put("name", "Simulated support")
                .putNull("icon")
                .putNull("splash")
                .putNull("banner")
                .putNull("description")
                .put("owner_id", Long.toUnsignedString(ownerId))
                .putNull("afk_channel_id")
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 1)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .putNull("application_id")
                .putNull("system_channel_id")
                .put("system_channel_flags", 0)
                .putNull("rules_channel_id")
                .putNull("public_updates_channel_id")
                .putNull("safety_alerts_channel_id")
                .putNull("vanity_url_code")
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US")
                .put("nsfw_level", 0)
                .put("max_members", 25000)
                .put("premium_progress_bar_enabled", false)
                .put("joined_at", "2024-01-01T00:00:00.000000+00:00")
                .put("large", false)
                .put("unavailable", false)
                .put("lazy", true)
                .put("member_count", humans.size() + 2);
        g.putArray("features");
        ArrayNode roles = g.putArray("roles");
        roles.add(role(guildId, "@everyone", 0, 1L << 10 | 1L << 11 | 1L << 16 | 1L << 31, false));
        roles.add(role(botRoleId, "icewarn", 1, options.botPermissions(), true));
        ArrayNode chans = g.putArray("channels");
        ArrayNode threads = g.putArray("threads");
        channels.values().stream()
                .filter(c -> !moreGuildOf.containsKey(
                        Long.parseUnsignedLong(c.path("id").asText())))
                .forEach(c -> (c.path("type").asInt() == 11 ? threads : chans).add(c.deepCopy()));
        g.putArray("members").add(memberWithUser(botUserId));
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        g.putArray("soundboard_sounds");
        return g;
    }

    private static ObjectNode role(long id, String name, int position, long permissions, boolean managed) {
        ObjectNode r = Json.object()
                .put("id", Long.toUnsignedString(id))
                .put("name", name)
                .put("color", 0)
                .put("hoist", false)
                .putNull("icon")
                .putNull("unicode_emoji")
                .put("position", position)
                .put("permissions", Long.toString(permissions))
                .put("managed", managed)
                .put("mentionable", false)
                .put("flags", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return r;
    }

    /** Returns the permissions the bot has in the guild (both its roles), as a decimal string. */
    String botPermissionsText() {
        return Long.toString(options.botPermissions() | 1L << 10 | 1L << 11 | 1L << 16 | 1L << 31);
    }

    // ---- more guilds: a whole shard's worth (ShardBench) ----

    /**
     * Adds {@code count} guilds of {@code channelsEach} text channels, each with the same roles, bot member
     * and permissions as the first guild; the gateway announces them in READY and sends their GUILD_CREATE
     * after the first's. Call before the bot identifies. Returns the new channels' IDs, guild by guild.
     */
    public List<Long> addGuilds(int count, int channelsEach) {
        List<Long> added = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            long guild = ids.next();
            for (int i = 0; i < channelsEach; i++) {
                long id = ids.next();
                moreGuildOf.put(id, guild);
                channels.put(id, textChannel(id, "pastes-" + i, i, guild));
                added.add(id);
            }
            moreGuildBotRole.put(guild, ids.next());
            moreGuilds.add(guild);
        }
        return added;
    }

    /** Returns the guild of channel or thread {@code channelId}: one {@link #addGuilds} added, else the first. */
    public long guildOf(long channelId) {
        return moreGuildOf.getOrDefault(channelId, guildId);
    }

    /** Returns GUILD_CREATE's data of every guild: the first, then those {@link #addGuilds} added. */
    List<ObjectNode> guildCreates() {
        List<ObjectNode> out = new ArrayList<>();
        out.add(guildCreate());
        if (moreGuilds.isEmpty()) {
            return out;
        }
        Map<Long, List<ObjectNode>> byGuild = new java.util.HashMap<>();
        moreGuildOf.forEach((channel, guild) ->
                byGuild.computeIfAbsent(guild, k -> new ArrayList<>()).add(channels.get(channel)));
        ObjectNode template = guildCreate();
        for (long guild : moreGuilds) {
            ObjectNode g = template.deepCopy().put("id", Long.toUnsignedString(guild));
            g.put("name", "Simulated guild " + Long.toUnsignedString(guild));
            String role = Long.toUnsignedString(moreGuildBotRole.get(guild));
            ((ObjectNode) g.get("roles").get(0)).put("id", Long.toUnsignedString(guild)); // @everyone
            ((ObjectNode) g.get("roles").get(1)).put("id", role);
            ArrayNode botRoles = ((ObjectNode) g.get("members").get(0)).putArray("roles");
            botRoles.add(role);
            ArrayNode chans = g.putArray("channels");
            ArrayNode threads = g.putArray("threads");
            byGuild.getOrDefault(guild, List.of()).stream()
                    .sorted(java.util.Comparator.comparing(
                            c -> c.path("position").asInt()))
                    .forEach(c -> (c.path("type").asInt() == 11 ? threads : chans).add(c.deepCopy()));
            out.add(g);
        }
        return out;
    }

    /**
     * Returns dispatch data {@code d} with the {@code guild_id} of its channel when that is in a guild
     * {@link #addGuilds} added (the rest of the simulator writes the first guild's), and the bot's member
     * there with that guild's bot role; else {@code d} itself.
     */
    JsonNode inItsGuild(JsonNode d) {
        if (moreGuildOf.isEmpty() || !d.isObject() || !d.has("channel_id") || !d.has("guild_id")) {
            return d;
        }
        Long guild = moreGuildOf.get(Long.parseUnsignedLong(d.path("channel_id").asText()));
        if (guild == null) {
            return d;
        }
        ObjectNode o = ((ObjectNode) d).put("guild_id", Long.toUnsignedString(guild));
        if (o.path("member").isObject()
                && o.path("author").path("id").asText().equals(Long.toUnsignedString(botUserId))) {
            // JDA takes the member of the bot's own echoed message as its member in that guild
            ((ObjectNode) o.get("member")).putArray("roles").add(Long.toUnsignedString(moreGuildBotRole.get(guild)));
        }
        return o;
    }
}
