package io.icewarn.bot.e2e.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
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
    /** When each thread last had activity (created, a message, unarchived), for auto-archiving. */
    private final Map<Long, Long> threadActivityNanos = new ConcurrentHashMap<>();
    /** The idle time after which a thread archives; null: its {@code auto_archive_duration} in minutes. */
    private volatile Duration threadIdle;

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
        threadActivityNanos.put(messageId, System.nanoTime());
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
                threadActivityNanos.put(channelId, System.nanoTime());
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
        roles.add(role(guildId, "@everyone", 0, EVERYONE, false));
        roles.add(role(botRoleId, "icewarn", 1, options.botPermissions(), true));
        ArrayNode chans = g.putArray("channels");
        ArrayNode threads = g.putArray("threads");
        for (ObjectNode c : channels.values()) {
            if (moreGuildOf.containsKey(Long.parseUnsignedLong(c.path("id").asText()))) {
                continue; // a channel of another guild: its own GUILD_CREATE lists it
            }
            if (c.path("type").asInt() != 11) {
                chans.add(c.deepCopy());
            } else if (!c.path("thread_metadata").path("archived").asBoolean()) {
                threads.add(c.deepCopy()); // GUILD_CREATE lists active threads only
            }
        }
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
        return Long.toString(options.botPermissions() | EVERYONE);
    }

    // ---- permissions (https://discord.com/developers/docs/topics/permissions#permission-overwrites) ----

    static final long ADMINISTRATOR = 1L << 3;
    static final long MANAGE_CHANNELS = 1L << 4;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long MANAGE_MESSAGES = 1L << 13;
    static final long ATTACH_FILES = 1L << 15;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long MANAGE_THREADS = 1L << 34;
    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    /** What @everyone may do in the simulated guild. */
    static final long EVERYONE = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | 1L << 31;

    /**
     * Adds a permission overwrite to channel {@code channelId} for {@code targetId} (a role, the guild ID for
     * @everyone, or a member); {@code member} tells which. Set it before the bot connects: GUILD_CREATE carries
     * it, and no CHANNEL_UPDATE is sent for a later change.
     */
    public void overwrite(long channelId, long targetId, boolean member, long allow, long deny) {
        ObjectNode c = channels.get(channelId);
        if (c == null) {
            throw new IllegalArgumentException("no channel " + channelId);
        }
        synchronized (c) {
            ((ArrayNode) c.get("permission_overwrites"))
                    .addObject()
                    .put("id", Long.toUnsignedString(targetId))
                    .put("type", member ? 1 : 0)
                    .put("allow", Long.toString(allow))
                    .put("deny", Long.toString(deny));
        }
    }

    /**
     * Returns the bot's permissions in channel or thread {@code channelId} as Discord computes them: @everyone
     * and its role, then the channel's (a thread: its parent's) overwrites for @everyone, its role and itself;
     * Administrator allows everything.
     */
    long botPermissionsIn(long channelId) {
        long base = EVERYONE | options.botPermissions();
        if ((base & ADMINISTRATOR) != 0) {
            return ~0L;
        }
        ObjectNode c = channels.get(channelId);
        if (c != null && c.path("type").asInt() == 11) {
            c = channels.get(Long.parseUnsignedLong(c.path("parent_id").asText()));
        }
        if (c == null) {
            return base;
        }
        long p = base;
        long roleAllow = 0;
        long roleDeny = 0;
        synchronized (c) {
            for (JsonNode o : c.path("permission_overwrites")) {
                long target = Long.parseUnsignedLong(o.path("id").asText());
                long allow = Long.parseLong(o.path("allow").asText("0"));
                long deny = Long.parseLong(o.path("deny").asText("0"));
                if (target == guildId) {
                    p = (p & ~deny) | allow;
                } else if (target == botRoleId) {
                    roleAllow |= allow;
                    roleDeny |= deny;
                }
            }
            p = (p & ~roleDeny) | roleAllow;
            for (JsonNode o : c.path("permission_overwrites")) {
                if (o.path("type").asInt() == 1
                        && Long.parseUnsignedLong(o.path("id").asText()) == botUserId) {
                    p = (p & ~Long.parseLong(o.path("deny").asText("0")))
                            | Long.parseLong(o.path("allow").asText("0"));
                }
            }
        }
        return p;
    }

    /** Returns the author's user ID of a stored message, or 0. */
    long authorOf(JsonNode message) {
        return Long.parseUnsignedLong(message.path("author").path("id").asText("0"));
    }

    // ---- thread archiving (https://discord.com/developers/docs/topics/threads#active-archived-threads) ----

    /**
     * Makes threads archive after {@code idle} without activity instead of their {@code auto_archive_duration}
     * (minutes): seconds make the 24-hour rule testable. Null restores Discord's rule.
     */
    public void archiveThreadsAfter(Duration idle) {
        this.threadIdle = idle;
    }

    /** Returns the IDs of every thread. */
    List<Long> threadIds() {
        return channels.values().stream()
                .filter(c -> c.path("type").asInt() == 11)
                .map(c -> Long.parseUnsignedLong(c.path("id").asText()))
                .toList();
    }

    /** Returns true when {@code channelId} is a thread. */
    boolean isThread(long channelId) {
        ObjectNode c = channels.get(channelId);
        return c != null && c.path("type").asInt() == 11;
    }

    /**
     * Archives thread {@code threadId} when its idle time has passed (Discord does it on a timer; the
     * simulator when the thread is next touched, which a client cannot tell apart). Returns the thread when
     * this call archived it, so the caller can dispatch THREAD_UPDATE.
     */
    synchronized Optional<ObjectNode> archiveIfIdle(long threadId) {
        ObjectNode t = channels.get(threadId);
        if (t == null || t.path("type").asInt() != 11 || archived(threadId)) {
            return Optional.empty();
        }
        Duration idle = threadIdle != null
                ? threadIdle
                : Duration.ofMinutes(
                        t.path("thread_metadata").path("auto_archive_duration").asInt(1440));
        long since = threadActivityNanos.getOrDefault(threadId, System.nanoTime());
        if (System.nanoTime() - since < idle.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(setArchived(threadId, true));
    }

    /** Returns true when thread {@code threadId} is archived. */
    boolean archived(long threadId) {
        ObjectNode t = channels.get(threadId);
        return t != null && t.path("thread_metadata").path("archived").asBoolean();
    }

    /** Returns true when thread {@code threadId} is locked. */
    boolean locked(long threadId) {
        ObjectNode t = channels.get(threadId);
        return t != null && t.path("thread_metadata").path("locked").asBoolean();
    }

    /** Archives ({@code true}) or unarchives thread {@code threadId}; returns it as it is now. */
    synchronized ObjectNode setArchived(long threadId, boolean archived) {
        ObjectNode t = channels.get(threadId);
        ((ObjectNode) t.get("thread_metadata"))
                .put("archived", archived)
                .put("archive_timestamp", Instant.now().toString());
        if (!archived) {
            threadActivityNanos.put(threadId, System.nanoTime());
        }
        refreshStarter(threadId, t);
        return t.deepCopy();
    }

    /** Sets {@code locked} of thread {@code threadId}. */
    synchronized void setLocked(long threadId, boolean locked) {
        ObjectNode t = channels.get(threadId);
        ((ObjectNode) t.get("thread_metadata")).put("locked", locked);
        refreshStarter(threadId, t);
    }

    /** Changes a channel's fields (a PATCH), keeping the thread metadata in its object; returns it. */
    synchronized ObjectNode updateChannel(long channelId, JsonNode body) {
        ObjectNode c = channels.get(channelId);
        body.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "archived", "locked", "auto_archive_duration" ->
                    ((ObjectNode) c.get("thread_metadata")).set(e.getKey(), e.getValue());
                default -> c.set(e.getKey(), e.getValue());
            }
        });
        if (body.has("archived") && !body.path("archived").asBoolean()) {
            threadActivityNanos.put(channelId, System.nanoTime());
        }
        refreshStarter(channelId, c);
        return c.deepCopy();
    }

    /** Removes channel or thread {@code channelId} with its messages; returns it, if it existed. */
    synchronized Optional<ObjectNode> deleteChannel(long channelId) {
        ObjectNode c = channels.remove(channelId);
        if (c == null) {
            return Optional.empty();
        }
        String id = Long.toUnsignedString(channelId);
        messages.values().removeIf(m -> m.path("channel_id").asText().equals(id));
        ObjectNode starter = messages.get(channelId);
        if (starter != null) {
            starter.remove("thread");
        }
        return Optional.of(c);
    }

    private void refreshStarter(long threadId, ObjectNode t) {
        ObjectNode starter = messages.get(threadId);
        if (starter != null) {
            starter.set("thread", t.deepCopy());
        }
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
