package io.icewarn.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.github.benmanes.caffeine.cache.Ticker;
import io.icewarn.bot.config.LogFormat;
import io.icewarn.bot.config.Settings;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.features.admin.GuildSettingsResolver;
import io.icewarn.bot.features.answer.Answerer;
import io.icewarn.bot.features.fetch.AttachmentFetcher;
import io.icewarn.bot.features.fetch.Gatherer;
import io.icewarn.bot.features.fetch.PasteSites;
import io.icewarn.bot.render.discord.DiscordLimitValidator;
import io.icewarn.bot.render.discord.DiscordRenderer;
import io.icewarn.bot.render.markdown.TicketRenderer;
import io.icewarn.bot.store.Store;
import io.icewarn.bot.store.StoreTarget;
import io.icewarn.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.managers.channel.concrete.ThreadChannelManager;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.AuditableRestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.MessageEditAction;
import net.dv8tion.jda.api.requests.restaction.ThreadChannelAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The one fixture for Discord component tests (after TJ-Bot's {@code JdaTester}): a real decoder, reply
 * builder and renderer, the bot's real {@link Features} and {@link Router}, and Mockito'd JDA entities
 * whose RestActions succeed at once and record what the bot sent. Work runs on the calling thread.
 *
 * <p>Every outgoing message, edit and interaction response is recorded in {@link #sent} / {@link #edits};
 * {@link #assertAllSafe()} checks that none of them can mention anyone and all are within Discord's limits.
 */
public final class JdaTester {
    public static final long GUILD_ID = 1;
    public static final long CHANNEL_ID = 100;
    public static final long CATEGORY_ID = 50;
    public static final long SELF_ID = 999;
    public static final long USER_ID = 42;
    public static final long HELPER_ROLE = 7;
    private static final String STORE_NAME = "jdatester";

    /** One outgoing message as the bot sent it. */
    public static final class Sent {
        public final MessageCreateData data;
        /** How it was sent: thread, reply, channel, interaction, followup. */
        public final String via;

        public Boolean ephemeral;
        public final long messageId;

        Sent(MessageCreateData data, String via, long messageId) {
            this.data = data;
            this.via = via;
            this.messageId = messageId;
        }

        @Override
        public String toString() {
            return via + ":" + (data.getContent().isEmpty() ? embedTitle() : data.getContent());
        }

        /** Returns the first embed's title, or "". */
        public String embedTitle() {
            return data.getEmbeds().isEmpty() || data.getEmbeds().get(0).getTitle() == null
                    ? ""
                    : data.getEmbeds().get(0).getTitle();
        }

        /** Returns the content and every embed's text, for searching. */
        public String text() {
            StringBuilder b = new StringBuilder(data.getContent());
            data.getEmbeds().forEach(e -> b.append('\n').append(e.toData().toString()));
            return b.toString();
        }
    }

    public final AtomicLong clock = new AtomicLong(1_000_000_000L);
    public final Ticker ticker = clock::get;
    public final Map<String, byte[]> files = new HashMap<>();
    public final List<String> fetched = new ArrayList<>();
    public final List<Sent> sent = new ArrayList<>();
    public final List<MessageEditData> edits = new ArrayList<>();
    public final List<Long> deletedMessages = new ArrayList<>();
    public final List<Long> deletedThreads = new ArrayList<>();
    public final List<String> threadNames = new ArrayList<>();
    public final List<Collection<Command.Choice>> choices = new ArrayList<>();
    public final List<String> deferred = new ArrayList<>();
    public final Map<Long, ThreadChannel> threads = new HashMap<>();
    public final Map<Long, Message> messages = new HashMap<>();
    /** Messages the bot wrote in each channel or thread, oldest first (what history returns). */
    public final Map<Long, List<Message>> threadHistory = new HashMap<>();

    public final Settings settings;
    public final Services services;
    /** The JVM's one in-memory store, emptied for each tester (testers run one after another). */
    public final Store store;

    public final GuildSettingsResolver guildSettings;
    public final BotContext ctx;
    public final Router router;
    public final JDA jda;
    public final Guild guild;
    public final net.dv8tion.jda.api.entities.SelfMember selfMember;
    public final TextChannel channel;
    /** The PlantUML source of every call picture drawn, in order. */
    public final List<String> pictureSources = new java.util.concurrent.CopyOnWriteArrayList<>();

    public final AtomicBoolean threadsAllowed = new AtomicBoolean(true);
    public final AtomicBoolean threadCreationFails = new AtomicBoolean(false);

    private final AtomicLong ids = new AtomicLong(10_000);

    /** Returns a tester with the default settings. */
    public JdaTester() {
        this(new SettingsBuilder());
    }

    /**
     * Returns call pictures drawn at once on the calling thread by PlantUML, each picture's source recorded in
     * {@link #pictureSources}.
     */
    private io.icewarn.bot.features.answer.CallPictures pictures() {
        io.icewarn.bot.render.ladder.LadderPicture picture = new io.icewarn.bot.render.ladder.LadderPicture();
        return new io.icewarn.bot.features.answer.CallPictures(
                services.decoder()::flow,
                ladder -> {
                    pictureSources.add(picture.source(ladder));
                    return picture.png(ladder);
                },
                Runnable::run,
                Duration.ofSeconds(30),
                Duration.ofMinutes(10));
    }

    /** Returns a tester with {@code settings}. */
    public JdaTester(SettingsBuilder settings) {
        this(settings, Decoder.standard());
    }

    public JdaTester(SettingsBuilder settingsBuilder, Decoder decoder) {
        this(settingsBuilder, s -> Services.of(s, decoder));
    }

    /** Returns a tester whose services {@code services} builds (e.g. with a decode service that blocks). */
    public JdaTester(SettingsBuilder settingsBuilder, java.util.function.Function<Settings, Services> servicesFactory) {
        this.settings = settingsBuilder.build();
        this.services = servicesFactory.apply(settings);
        this.store = emptyStore();
        this.guildSettings = new GuildSettingsResolver(settings, store.guildOverrides());
        AttachmentFetcher fetcher = url -> {
            fetched.add(url);
            byte[] body = files.get(url);
            if (body == null) {
                throw new IOException("HTTP 404");
            }
            return new ByteArrayInputStream(body);
        };
        this.ctx = new BotContext(
                services,
                new DiscordRenderer(),
                new TicketRenderer(),
                new Gatherer(fetcher, PasteSites.standard(), settings.attachmentMaxBytes(), Duration.ofSeconds(5)),
                new Answerer(services, BotMetrics.NONE, pictures()),
                Work.direct(),
                new Cooldown(settings.userCooldown(), ticker),
                BotMetrics.NONE,
                store,
                guildSettings);
        this.router = new Router(Features.of(ctx, ticker), ctx.work(), BotMetrics.NONE);

        jda = mock(JDA.class);
        SelfUser self = mock(SelfUser.class);
        lenient().when(self.getIdLong()).thenReturn(SELF_ID);
        lenient().when(jda.getSelfUser()).thenReturn(self);
        lenient()
                .when(jda.getThreadChannelById(anyLong()))
                .thenAnswer(inv -> threads.get(inv.getArgument(0, Long.class)));

        guild = mock(Guild.class);
        selfMember = mock(net.dv8tion.jda.api.entities.SelfMember.class);
        lenient().when(guild.getIdLong()).thenReturn(GUILD_ID);
        lenient().when(guild.getSelfMember()).thenReturn(selfMember);
        lenient()
                .when(selfMember.hasPermission(any(GuildChannel.class), any(Permission[].class)))
                .thenAnswer(inv -> threadsAllowed.get());

        channel = (TextChannel) mock(TextChannel.class, withSettings().extraInterfaces(MessageChannelUnion.class));
        lenient().when(channel.getIdLong()).thenReturn(CHANNEL_ID);
        lenient().when(channel.getType()).thenReturn(ChannelType.TEXT);
        lenient().when(channel.getParentCategoryIdLong()).thenReturn(CATEGORY_ID);
        lenient().when(channel.getGuild()).thenReturn(guild);
        lenient().when(channel.getJDA()).thenReturn(jda);
        recordSends(channel, CHANNEL_ID, "channel");
        lenient().when(jda.getChannelById(eq(MessageChannel.class), anyLong())).thenAnswer(inv -> {
            long id = inv.getArgument(1, Long.class);
            return id == CHANNEL_ID ? channel : threads.get(id);
        });
        lenient().when(channel.retrieveMessageById(anyLong())).thenAnswer(inv -> {
            Message m = messages.get(inv.getArgument(0, Long.class));
            return m == null
                    ? fails(RestAction.class, new IllegalStateException("Unknown Message"))
                    : succeeds(RestAction.class, () -> m);
        });
    }

    private static Store shared;

    /** Returns the shared in-memory H2 store with every table emptied. */
    private static synchronized Store emptyStore() {
        if (shared == null) {
            shared = Store.open(StoreTarget.inMemory(STORE_NAME));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + STORE_NAME);
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM guild_settings");
            s.execute("DELETE FROM feedback_vote");
            s.execute("DELETE FROM channel_checkpoint");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return shared;
    }

    // ---------------------------------------------------------------- RestActions

    /** Returns a RestAction mock of {@code type} that succeeds with {@code value}; builder methods return it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <A extends RestAction> A succeeds(Class<A> type, Supplier<?> value) {
        A action = mock(type, RETURNS_SELF);
        doAnswer(inv -> {
                    Consumer c = inv.getArgument(0);
                    Object v = value.get();
                    if (c != null) {
                        c.accept(v);
                    }
                    return null;
                })
                .when(action)
                .queue(any(), any());
        doAnswer(inv -> {
                    Consumer c = inv.getArgument(0);
                    Object v = value.get();
                    if (c != null) {
                        c.accept(v);
                    }
                    return null;
                })
                .when(action)
                .queue(any());
        doAnswer(inv -> {
                    value.get();
                    return null;
                })
                .when(action)
                .queue();
        return action;
    }

    /** Returns a RestAction mock of {@code type} that fails with {@code error}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <A extends RestAction> A fails(Class<A> type, Throwable error) {
        A action = mock(type, RETURNS_SELF);
        doAnswer(inv -> {
                    Consumer c = inv.getArgument(1);
                    if (c != null) {
                        c.accept(error);
                    }
                    return null;
                })
                .when(action)
                .queue(any(), any());
        return action;
    }

    private Message sentMessage(long channelId) {
        long id = ids.incrementAndGet();
        SelfUser self = jda.getSelfUser();
        Message m = mock(Message.class);
        lenient().when(m.getIdLong()).thenReturn(id);
        lenient().when(m.getAuthor()).thenReturn(self);
        lenient().when(m.delete()).thenAnswer(inv -> {
            deletedMessages.add(id);
            return succeeds(AuditableRestAction.class, () -> null);
        });
        threadHistory.computeIfAbsent(channelId, k -> new ArrayList<>()).add(m);
        lenient()
                .when(m.getJumpUrl())
                .thenReturn("https://discord.com/channels/" + GUILD_ID + "/" + channelId + "/" + id);
        return m;
    }

    private void recordSends(MessageChannel target, long channelId, String via) {
        lenient().when(target.sendMessage(any(MessageCreateData.class))).thenAnswer(inv -> {
            Message m = sentMessage(channelId);
            sent.add(new Sent(inv.getArgument(0), via, m.getIdLong()));
            return succeeds(MessageCreateAction.class, () -> m);
        });
        lenient()
                .when(target.editMessageById(anyLong(), any(MessageEditData.class)))
                .thenAnswer(inv -> {
                    edits.add(inv.getArgument(1));
                    return succeeds(MessageEditAction.class, () -> null);
                });
        lenient().when(target.deleteMessageById(anyLong())).thenAnswer(inv -> {
            deletedMessages.add(inv.getArgument(0, Long.class));
            return succeeds(AuditableRestAction.class, () -> null);
        });
    }

    private ThreadChannel thread(long id) {
        ThreadChannel t = mock(ThreadChannel.class);
        lenient().when(t.getIdLong()).thenReturn(id);
        lenient().when(t.getType()).thenReturn(ChannelType.GUILD_PUBLIC_THREAD);
        lenient().when(t.getOwnerIdLong()).thenReturn(SELF_ID);
        lenient().when(t.getGuild()).thenReturn(guild);
        recordSends(t, id, "thread");
        lenient().when(t.delete()).thenAnswer(inv -> {
            deletedThreads.add(id);
            return succeeds(AuditableRestAction.class, () -> null);
        });
        net.dv8tion.jda.api.entities.MessageHistory history = mock(net.dv8tion.jda.api.entities.MessageHistory.class);
        lenient().when(t.getHistory()).thenReturn(history);
        lenient()
                .when(history.retrievePast(org.mockito.ArgumentMatchers.anyInt()))
                .thenAnswer(inv ->
                        succeeds(RestAction.class, () -> List.copyOf(threadHistory.getOrDefault(id, List.of()))));
        ThreadChannelManager manager = mock(ThreadChannelManager.class, RETURNS_SELF);
        lenient().when(t.getManager()).thenReturn(manager);
        doAnswer(inv -> null).when(manager).queue(any(), any());
        threads.put(id, t);
        return t;
    }

    // ---------------------------------------------------------------- entities

    /** Returns a user that is not a bot. */
    public User user(long id) {
        User u = mock(User.class);
        lenient().when(u.getIdLong()).thenReturn(id);
        return u;
    }

    /** Returns a bot user. */
    public User bot(long id) {
        User u = user(id);
        lenient().when(u.isBot()).thenReturn(true);
        return u;
    }

    /** Returns a guild member for {@code user} with the given role IDs. */
    public Member member(User user, long... roleIds) {
        long userId = user.getIdLong();
        Member m = mock(Member.class);
        lenient().when(m.getUser()).thenReturn(user);
        lenient().when(m.getIdLong()).thenReturn(userId);
        List<Role> roles = new ArrayList<>();
        for (long r : roleIds) {
            Role role = mock(Role.class);
            lenient().when(role.getIdLong()).thenReturn(r);
            roles.add(role);
        }
        lenient().when(m.getRoles()).thenReturn(roles);
        return m;
    }

    /** Returns an attachment served by the fake downloader at its own URL. */
    public Message.Attachment attachment(String name, String contentType, byte[] body) {
        return attachment(name, contentType, body, body.length);
    }

    /** Returns an attachment whose declared size is {@code size}. */
    public Message.Attachment attachment(String name, String contentType, byte[] body, long size) {
        Message.Attachment a = mock(Message.Attachment.class);
        String url = "https://cdn.discordapp.com/attachments/" + CHANNEL_ID + "/" + ids.incrementAndGet() + "/" + name;
        files.put(url, body);
        lenient().when(a.getFileName()).thenReturn(name);
        lenient().when(a.getUrl()).thenReturn(url);
        lenient().when(a.getSize()).thenReturn((int) Math.min(size, Integer.MAX_VALUE));
        lenient().when(a.getContentType()).thenReturn(contentType);
        return a;
    }

    /** Returns a guild message by a plain user in the test channel. */
    public Message message(String content, Message.Attachment... attachments) {
        User u = user(USER_ID);
        return message(content, u, member(u), attachments);
    }

    /** Returns a guild message by {@code author} in the test channel. */
    public Message message(String content, User author, Member member, Message.Attachment... attachments) {
        long id = ids.incrementAndGet();
        Message m = mock(Message.class);
        lenient().when(m.getIdLong()).thenReturn(id);
        lenient().when(m.getContentRaw()).thenReturn(content);
        lenient().when(m.getAuthor()).thenReturn(author);
        lenient().when(m.getMember()).thenReturn(member);
        lenient().when(m.isFromGuild()).thenReturn(true);
        lenient().when(m.getGuild()).thenReturn(guild);
        lenient().when(m.getChannelType()).thenReturn(ChannelType.TEXT);
        lenient().when(m.getChannel()).thenReturn((MessageChannelUnion) channel);
        lenient().when(m.getJDA()).thenReturn(jda);
        lenient().when(m.getAttachments()).thenReturn(List.of(attachments));
        lenient().when(m.getJumpUrl()).thenReturn("https://discord.com/channels/1/100/" + id);
        lenient().when(m.reply(any(MessageCreateData.class))).thenAnswer(inv -> {
            Message r = sentMessage(CHANNEL_ID);
            sent.add(new Sent(inv.getArgument(0), "reply", r.getIdLong()));
            return succeeds(MessageCreateAction.class, () -> r);
        });
        lenient().when(m.createThreadChannel(anyString())).thenAnswer(inv -> {
            if (threadCreationFails.get()) {
                return fails(ThreadChannelAction.class, new IllegalStateException("Missing permission"));
            }
            threadNames.add(inv.getArgument(0));
            ThreadChannel t = thread(id);
            lenient().when(m.getStartedThread()).thenReturn(t);
            return succeeds(ThreadChannelAction.class, () -> t);
        });
        messages.put(id, m);
        return m;
    }

    /** Makes {@code message} say {@code content} now (an edit). */
    public void edit(Message message, String content) {
        lenient().when(message.getContentRaw()).thenReturn(content);
    }

    // ---------------------------------------------------------------- events

    public MessageReceivedEvent received(Message message) {
        MessageReceivedEvent e = mock(MessageReceivedEvent.class);
        lenient().when(e.getMessage()).thenReturn(message);
        lenient().when(e.getJDA()).thenReturn(jda);
        return e;
    }

    public MessageUpdateEvent updated(Message message) {
        MessageUpdateEvent e = mock(MessageUpdateEvent.class);
        lenient().when(e.getMessage()).thenReturn(message);
        lenient().when(e.getJDA()).thenReturn(jda);
        return e;
    }

    public MessageDeleteEvent deleted(long messageId) {
        MessageDeleteEvent e = mock(MessageDeleteEvent.class);
        lenient().when(e.getMessageIdLong()).thenReturn(messageId);
        lenient().when(e.getChannel()).thenReturn((MessageChannelUnion) channel);
        lenient().when(e.getJDA()).thenReturn(jda);
        return e;
    }

    /** Returns a slash command event for {@code /icewarn <sub>} with string/boolean/long options. */
    public SlashCommandInteractionEvent slash(String sub, Map<String, Object> options) {
        SlashCommandInteractionEvent e = mock(SlashCommandInteractionEvent.class);
        lenient().when(e.getName()).thenReturn("icewarn");
        lenient().when(e.getSubcommandName()).thenReturn(sub);
        lenient().when(e.getOption(anyString())).thenReturn(null);
        options.forEach((k, v) -> {
            OptionMapping o = mock(OptionMapping.class);
            lenient().when(o.getAsString()).thenReturn(String.valueOf(v));
            if (v instanceof Boolean) {
                lenient().when(o.getAsBoolean()).thenReturn((Boolean) v);
            }
            if (v instanceof Number) {
                lenient().when(o.getAsLong()).thenReturn(((Number) v).longValue());
            }
            lenient().when(e.getOption(k)).thenReturn(o);
        });
        interaction(e, user(USER_ID));
        return e;
    }

    /** Returns {@code /icewarn-admin <sub>} with options, run in the test server by {@code member}. */
    public SlashCommandInteractionEvent admin(String sub, Map<String, Object> options, Member member) {
        SlashCommandInteractionEvent e = slash(sub, options);
        lenient().when(e.getName()).thenReturn("icewarn-admin");
        lenient().when(e.getMember()).thenReturn(member);
        return e;
    }

    /** Returns a member of the test server who has the Manage Server permission. */
    public Member serverManager(long userId) {
        Member m = member(user(userId));
        lenient().when(m.hasPermission(Permission.MANAGE_SERVER)).thenReturn(true);
        return m;
    }

    /** Returns an autocomplete event on the {@code code} option with {@code typed}. */
    public CommandAutoCompleteInteractionEvent autoComplete(String typed) {
        CommandAutoCompleteInteractionEvent e = mock(CommandAutoCompleteInteractionEvent.class);
        lenient().when(e.getName()).thenReturn("icewarn");
        AutoCompleteQuery q = mock(AutoCompleteQuery.class);
        lenient().when(q.getValue()).thenReturn(typed);
        lenient().when(q.getName()).thenReturn("code");
        lenient().when(e.getFocusedOption()).thenReturn(q);
        lenient().when(e.replyChoices(anyCollection())).thenAnswer(inv -> {
            choices.add(inv.getArgument(0));
            return succeeds(AutoCompleteCallbackAction.class, () -> null);
        });
        return e;
    }

    /** Returns a "Decode diagnostic" context-menu event on {@code target}. */
    public MessageContextInteractionEvent contextMenu(Message target) {
        MessageContextInteractionEvent e = mock(MessageContextInteractionEvent.class);
        lenient().when(e.getName()).thenReturn("Decode diagnostic");
        lenient().when(e.getTarget()).thenReturn(target);
        interaction(e, user(USER_ID));
        return e;
    }

    /** Returns a click on the button {@code componentId} under the bot message {@code botMessageId}. */
    public ButtonInteractionEvent button(String componentId, long botMessageId, User clicker, Member member) {
        ButtonInteractionEvent e = mock(ButtonInteractionEvent.class);
        lenient().when(e.getComponentId()).thenReturn(componentId);
        lenient().when(e.getMessageIdLong()).thenReturn(botMessageId);
        lenient().when(e.getMember()).thenReturn(member);
        lenient().when(e.getChannel()).thenReturn((MessageChannelUnion) channel);
        lenient().when(e.getJDA()).thenReturn(jda);
        Message botMessage = mock(Message.class);
        lenient().when(botMessage.getIdLong()).thenReturn(botMessageId);
        lenient().when(botMessage.delete()).thenAnswer(inv -> {
            deletedMessages.add(botMessageId);
            return succeeds(AuditableRestAction.class, () -> null);
        });
        lenient().when(e.getMessage()).thenReturn(botMessage);
        MessageEditCallbackAction deferEdit = succeeds(MessageEditCallbackAction.class, () -> null);
        lenient().when(e.deferEdit()).thenReturn(deferEdit);
        interaction(e, clicker);
        return e;
    }

    /** Returns a choice of {@code values} in the select menu {@code componentId} under bot message {@code botMessageId}. */
    public StringSelectInteractionEvent select(
            String componentId, List<String> values, long botMessageId, User chooser) {
        StringSelectInteractionEvent e = mock(StringSelectInteractionEvent.class);
        lenient().when(e.getComponentId()).thenReturn(componentId);
        lenient().when(e.getValues()).thenReturn(values);
        lenient().when(e.getMessageIdLong()).thenReturn(botMessageId);
        lenient().when(e.getChannel()).thenReturn((MessageChannelUnion) channel);
        lenient().when(e.getJDA()).thenReturn(jda);
        interaction(e, chooser);
        return e;
    }

    private void interaction(IReplyCallback e, User user) {
        AtomicBoolean acknowledged = new AtomicBoolean();
        lenient().when(e.getUser()).thenReturn(user);
        lenient().when(e.getGuild()).thenReturn(guild);
        lenient().when(e.isAcknowledged()).thenAnswer(inv -> acknowledged.get());
        lenient().when(e.reply(any(MessageCreateData.class))).thenAnswer(inv -> {
            acknowledged.set(true);
            Sent s = new Sent(inv.getArgument(0), "interaction", ids.incrementAndGet());
            sent.add(s);
            return ephemeralRecording(ReplyCallbackAction.class, s, () -> mock(InteractionHook.class));
        });
        lenient().when(e.deferReply(anyBoolean())).thenAnswer(inv -> {
            acknowledged.set(true);
            deferred.add(inv.getArgument(0, Boolean.class) ? "ephemeral" : "public");
            return succeeds(ReplyCallbackAction.class, () -> null);
        });
        InteractionHook hook = mock(InteractionHook.class);
        lenient().when(e.getHook()).thenReturn(hook);
        lenient().when(hook.sendMessage(any(MessageCreateData.class))).thenAnswer(inv -> {
            Message m = sentMessage(CHANNEL_ID);
            Sent s = new Sent(inv.getArgument(0), "followup", m.getIdLong());
            sent.add(s);
            return ephemeralRecording(WebhookMessageCreateAction.class, s, () -> m);
        });
    }

    @SuppressWarnings("rawtypes")
    private static <A extends RestAction> A ephemeralRecording(Class<A> type, Sent s, Supplier<?> value) {
        A action = succeeds(type, value);
        if (action instanceof ReplyCallbackAction) {
            lenient()
                    .when(((ReplyCallbackAction) action).setEphemeral(anyBoolean()))
                    .thenAnswer(inv -> {
                        s.ephemeral = inv.getArgument(0);
                        return action;
                    });
        } else if (action instanceof WebhookMessageCreateAction) {
            lenient()
                    .when(((WebhookMessageCreateAction<?>) action).setEphemeral(anyBoolean()))
                    .thenAnswer(inv -> {
                        s.ephemeral = inv.getArgument(0);
                        return action;
                    });
        }
        return action;
    }

    // ---------------------------------------------------------------- assertions

    /** Asserts that every message and edit the bot sent allows no mentions and is within Discord's limits. */
    public void assertAllSafe() {
        for (Sent s : sent) {
            assertThat(s.data.getAllowedMentions())
                    .as("allowed mentions of %s", s)
                    .isEmpty();
            assertThat(s.data.getMentionedUsers())
                    .as("mentioned users of %s", s)
                    .isEmpty();
            assertThat(s.data.getMentionedRoles())
                    .as("mentioned roles of %s", s)
                    .isEmpty();
            assertThat(s.data.isMentionRepliedUser())
                    .as("pings the replied user: %s", s)
                    .isFalse();
            assertThat(DiscordLimitValidator.violations(List.of(s.data)))
                    .as("limits of %s", s)
                    .isEmpty();
        }
        for (MessageEditData e : edits) {
            assertThat(e.getAllowedMentions()).as("allowed mentions of an edit").isEmpty();
            assertThat(e.getMentionedUsers()).isEmpty();
            assertThat(e.isMentionRepliedUser()).isFalse();
        }
        for (String name : threadNames) {
            assertThat(DiscordLimitValidator.threadNameViolations(name)).isEmpty();
        }
    }

    /** Returns an edit's content and embed titles and descriptions, for searching. */
    public static String text(MessageEditData edit) {
        StringBuilder b = new StringBuilder(edit.getContent());
        edit.getEmbeds().forEach(e -> b.append('\n').append(e.toData().toString()));
        return b.toString();
    }

    /** Advances the fake clock. */
    public void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    /** Mutable settings for tests; starts from {@link Settings#defaults()} with a token. */
    public static final class SettingsBuilder {
        public Set<Long> allowedChannels = Set.of();
        public Set<Long> excludedRoles = Set.of();
        public Duration cooldown = Duration.ZERO;
        public Duration dedup = Duration.ofMinutes(10);
        public long maxBytes = 8L * 1024 * 1024;
        public int maxDecodes = 2;
        public boolean privateReplies = false;
        public boolean redact = false;

        public Settings build() {
            Settings d = Settings.defaults();
            return new Settings(
                    Optional.of(io.icewarn.bot.config.Secret.of("test-token")),
                    OptionalLong.of(123),
                    allowedChannels,
                    excludedRoles,
                    d.cacheSize(),
                    d.cacheTtl(),
                    cooldown,
                    dedup,
                    maxBytes,
                    d.fetchTimeout(),
                    maxDecodes,
                    redact,
                    privateReplies,
                    false,
                    Optional.empty(),
                    LogFormat.TEXT,
                    d.discordEndpoints(),
                    io.icewarn.bot.config.DatabaseSettings.defaults(),
                    true,
                    d.catchUpMaxAge());
        }
    }
}
