package io.icewarn.bot.features.autoreply;

import io.icewarn.bot.discord.BotContext;
import io.icewarn.bot.discord.MessageReceiver;
import io.icewarn.bot.discord.Outgoing;
import io.icewarn.bot.features.admin.GuildSettings;
import io.icewarn.bot.features.answer.Answer;
import io.icewarn.bot.features.buttons.AnswerSource;
import io.icewarn.bot.features.buttons.ButtonIds;
import io.icewarn.bot.features.catchup.Checkpoints;
import io.icewarn.bot.features.fetch.FileRef;
import io.icewarn.bot.features.fetch.Gathered;
import io.icewarn.bot.features.fetch.Gatherer;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers messages that hold a diagnostic (in their text, attachments or paste links) without being asked,
 * and keeps the answer in step when the message is edited or deleted. Silent when nothing is found, for
 * bots (itself included), when the server turned automatic answers off, outside the server's answer
 * channels, for members with an excluded role, and while the author is cooling down. Scope, excluded roles,
 * redaction and the dedup window are the server's ({@link GuildSettings}, read per message). Needs the GUILD_MESSAGES and MESSAGE_CONTENT intents (DIRECT_MESSAGES for DMs)
 * and VIEW_CHANNEL, MESSAGE_SEND, MESSAGE_HISTORY, CREATE_PUBLIC_THREADS and MESSAGE_SEND_IN_THREADS.
 * Every message in a watched text or news channel is claimed in {@link Checkpoints} and marked handled once
 * its answer is posted (or it needs none), which moves the channel's checkpoint for catch-up; catch-up
 * answers what it missed through {@link #answerMissed}.
 */
public final class AutoReply implements MessageReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(AutoReply.class);
    /** Files at least this large together get an "analysing…" message first. */
    public static final long LARGE_BYTES = 1024 * 1024;

    private static final String[] MARKERS = {"diagnostics", "icewarn", "mediadebug", "icewarningflags", "mediachanblob"
    };

    private final BotContext ctx;
    private final ReplyIndex index;
    private final DedupIndex dedup;
    private final ReplyPoster poster;
    private final IntentWarning intentWarning;
    private final Checkpoints checkpoints;

    public AutoReply(
            BotContext ctx, ReplyIndex index, DedupIndex dedup, IntentWarning intentWarning, Checkpoints checkpoints) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.index = Objects.requireNonNull(index, "index");
        this.dedup = Objects.requireNonNull(dedup, "dedup");
        this.poster = new ReplyPoster(ctx.metrics());
        this.intentWarning = Objects.requireNonNull(intentWarning, "intentWarning");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        if (event.isWebhookMessage() || message.getAuthor().isBot()) {
            return;
        }
        GuildSettings settings = ctx.guildSettings().forMessage(message);
        Optional<Checkpoints.Handling> claim = claim(message, settings);
        if (claim.isEmpty()) {
            return; // catch-up already has it
        }
        Checkpoints.Handling handled = claim.get();
        if (!wanted(message, false, settings)) {
            if (handled != Checkpoints.UNTRACKED) {
                ctx.work().submit("checkpoint", handled::done); // a database write: not on the gateway thread
            }
            return;
        }
        if (!ctx.work().submit("auto-reply", () -> answerNew(message, settings, null, true, handled))) {
            LOG.debug("shutting down: message left to catch-up after the restart");
        }
    }

    /**
     * Answers {@code message}, found in a watched channel's history by catch-up, as it would have been
     * answered live (without the per-user cooldown: the messages were spread over the downtime), and calls
     * {@code handled} when done. {@code emptyThread} is a thread the bot already started on the message
     * without answering in it (the process died in between): the answer goes there instead of a new thread.
     * Call it on a work thread.
     */
    public void answerMissed(Message message, ThreadChannel emptyThread, Checkpoints.Handling handled) {
        GuildSettings settings = ctx.guildSettings().forMessage(message);
        if (message.getAuthor().isBot() || message.isWebhookMessage() || !wanted(message, false, settings)) {
            handled.done();
            return;
        }
        answerNew(message, settings, emptyThread, false, handled);
    }

    /** Returns whether catch-up watches the channel of {@code message}: a guild text or news channel in scope. */
    static boolean watched(Message message, GuildSettings settings) {
        if (!message.isFromGuild()) {
            return false;
        }
        ChannelType type = message.getChannelType();
        return (type == ChannelType.TEXT || type == ChannelType.NEWS)
                && settings.autoReply()
                && settings.scope().allows(message.getChannel());
    }

    private Optional<Checkpoints.Handling> claim(Message message, GuildSettings settings) {
        if (!watched(message, settings)) {
            return Optional.of(Checkpoints.UNTRACKED);
        }
        checkpoints.arrivedLive(message.getChannel().getIdLong(), message.getIdLong());
        return checkpoints.claim(
                message.getGuild().getIdLong(), message.getChannel().getIdLong(), message.getIdLong());
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        Message message = event.getMessage();
        if (message.isWebhookMessage() || message.getAuthor().isBot()) {
            return;
        }
        GuildSettings settings = ctx.guildSettings().forMessage(message);
        if (!wanted(message, false, settings)) {
            return;
        }
        ctx.work().submit("edit follow-up", () -> follow(message, settings));
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        long id = event.getMessageIdLong();
        var where = index.remove(id);
        if (where.isPresent()) {
            MessageChannel channel = where.get().inThread()
                    ? event.getJDA().getThreadChannelById(where.get().channelId())
                    : event.getChannel();
            if (channel != null) {
                poster.remove(channel, where.get());
            }
            return;
        }
        // not remembered (e.g. after a restart): a thread we started on the message has the message's ID
        ThreadChannel thread = event.getJDA().getThreadChannelById(id);
        long self = event.getJDA().getSelfUser().getIdLong();
        if (thread != null && thread.getOwnerIdLong() == self) {
            poster.removeForgotten(thread, self);
        }
    }

    private boolean wanted(Message message, boolean webhook, GuildSettings settings) {
        if (message.getAuthor().isBot() || message.getAuthor().isSystem() || webhook) {
            return false;
        }
        if (!settings.autoReply() || !settings.scope().allows(message.getChannel())) {
            return false;
        }
        if (message.isFromGuild() && excluded(message.getMember(), settings.excludedRoleIds())) {
            return false;
        }
        if (message.getContentRaw().isEmpty() && message.getAttachments().isEmpty()) {
            if (message.isFromGuild()
                    && message.getEmbeds().isEmpty()
                    && message.getStickers().isEmpty()) {
                intentWarning.warnOnce();
            }
            return false;
        }
        return true;
    }

    private static boolean excluded(Member member, Set<Long> excludedRoles) {
        if (member == null || excludedRoles.isEmpty()) {
            return false;
        }
        for (Role r : member.getRoles()) {
            if (excludedRoles.contains(r.getIdLong())) {
                return true;
            }
        }
        return false;
    }

    private void answerNew(
            Message message,
            GuildSettings settings,
            ThreadChannel existing,
            boolean live,
            Checkpoints.Handling handled) {
        boolean handedOff = false;
        try {
            handedOff = answerOrHandOff(message, settings, existing, live, handled);
        } finally {
            if (!handedOff) {
                handled.done();
            }
        }
    }

    /** Answers {@code message}; returns true when an asynchronous step now owns {@code handled}. */
    private boolean answerOrHandOff(
            Message message,
            GuildSettings settings,
            ThreadChannel existing,
            boolean live,
            Checkpoints.Handling handled) {
        List<FileRef> files = ctx.gatherer().files(message);
        long max = ctx.services().settings().attachmentMaxBytes();
        long declared = files.stream()
                .mapToLong(f -> f.size() > max ? 0 : Math.max(0, f.size()))
                .sum();
        if (declared >= LARGE_BYTES) {
            if (live && coolingDown(message)) {
                return false;
            }
            String file = files.stream()
                    .filter(f -> f.size() <= max)
                    .map(FileRef::name)
                    .findFirst()
                    .orElse("the log");
            String name = "Analysing " + file;
            MessageCreateData progress = Outgoing.text(name + " (" + Gatherer.size(declared) + ")…");
            poster.post(
                    message,
                    existing,
                    name.length() > 100 ? name.substring(0, 100) : name,
                    inThread -> List.of(progress),
                    posted -> {
                        if (!ctx.work()
                                .submit("large log", () -> finishLarge(message, files, posted, settings, handled))) {
                            handled.done(); // shutting down: the progress message stays, as after a crash
                        }
                    });
            return true;
        }
        Gathered gathered = ctx.gatherer().gather(message.getContentRaw(), files);
        Answer answer = ctx.answerer().answer(gathered, settings.redact());
        if (answer.status() == Answer.Status.BUSY) {
            if (gathered.filesRead() > 0 || mayHoldDiagnostic(gathered.text())) {
                replyInPlace(message, ctx.renderer().render(answer.reply()), handled);
                return true;
            }
            return false;
        }
        if (!answer.found()) {
            if (!gathered.notes().isEmpty()) {
                // the user attached a log we could not read: say why instead of staying silent
                ReplyBuilder replies = ctx.services().replies(settings.redact());
                Reply why = replies.withNotes(replies.error("I could not read the attached file."), gathered.notes());
                replyInPlace(message, ctx.renderer().render(why), handled);
                return true;
            }
            return false;
        }
        if (live && coolingDown(message)) {
            return false;
        }
        long channelId = message.getChannel().getIdLong();
        var earlier = dedup.earlier(channelId, answer.key(), settings.dedupWindow());
        if (earlier.isPresent()) {
            Outgoing.send(
                    message.getChannel(),
                    message,
                    List.of(Outgoing.text("Same paste as before; the answer is here: " + earlier.get())),
                    ctx.metrics(),
                    sent -> doneIfAnswered(!sent.isEmpty(), handled));
            return true;
        }
        ReplyBuilder replies = ctx.services().replies(settings.redact());
        Reply shown = replies.answer(answer.reply());
        poster.post(
                message,
                existing,
                ctx.renderer().threadName(shown),
                inThread -> render(message, shown, inThread, replies),
                posted -> {
                    if (!posted.messageIds().isEmpty()) {
                        index.put(message.getIdLong(), posted.withKey(answer.key()));
                        dedup.remember(channelId, answer.key(), posted.jumpUrl(), settings.dedupWindow());
                    }
                    doneIfAnswered(!posted.messageIds().isEmpty(), handled);
                });
        return true;
    }

    /**
     * Marks the message handled once an answer exists, which lets the channel's checkpoint move past it;
     * when nothing could be posted, the message stays in flight, so the checkpoint stays below it and the
     * next catch-up (a restart, a new session) answers it.
     */
    private static void doneIfAnswered(boolean answered, Checkpoints.Handling handled) {
        if (answered) {
            handled.done();
        } else {
            LOG.warn("no answer could be posted for a message; catch-up will answer it after the next restart");
        }
    }

    private boolean coolingDown(Message message) {
        Duration left = ctx.cooldown().tryAcquire(message.getAuthor().getIdLong());
        if (!left.isZero()) {
            LOG.debug("user cooling down, not answering");
            return true;
        }
        return false;
    }

    private void finishLarge(
            Message message,
            List<FileRef> files,
            Posted progress,
            GuildSettings settings,
            Checkpoints.Handling handled) {
        try {
            finishLargeOrHandOff(message, files, progress, settings, handled);
        } catch (RuntimeException e) {
            handled.done();
            throw e;
        }
    }

    private void finishLargeOrHandOff(
            Message message,
            List<FileRef> files,
            Posted progress,
            GuildSettings settings,
            Checkpoints.Handling handled) {
        Gathered gathered = ctx.gatherer().gather(message.getContentRaw(), files);
        Answer answer = ctx.answerer().answer(gathered, settings.redact());
        MessageChannel channel = channelOf(message, progress);
        if (channel == null) {
            handled.done();
            return;
        }
        ReplyBuilder replies = ctx.services().replies(settings.redact());
        Reply shown = replies.answer(answer.reply());
        if (progress.inThread() && answer.found() && channel instanceof ThreadChannel) {
            ((ThreadChannel) channel)
                    .getManager()
                    .setName(ctx.renderer().threadName(shown))
                    .queue(null, e -> LOG.warn("could not rename the thread: {}", Outgoing.describe(e)));
        }
        poster.replace(channel, progress, render(message, shown, progress.inThread(), replies), posted -> {
            index.put(message.getIdLong(), posted.withKey(answer.key()));
            if (answer.found()) {
                dedup.remember(
                        message.getChannel().getIdLong(), answer.key(), posted.jumpUrl(), settings.dedupWindow());
            }
            doneIfAnswered(!posted.messageIds().isEmpty(), handled);
        });
    }

    private void follow(Message message, GuildSettings settings) {
        var where = index.get(message.getIdLong());
        if (where.isEmpty()) {
            if (message.isFromGuild() && message.getStartedThread() != null) {
                return; // answered before a restart; leave that answer alone
            }
            answerNew(message, settings, null, true, Checkpoints.UNTRACKED);
            return;
        }
        Answer answer = ctx.answerer().answer(ctx.gatherer().gather(message), settings.redact());
        if (answer.status() == Answer.Status.BUSY
                || answer.found() && answer.key().equals(where.get().key())) {
            return; // busy, or the diagnostic text did not change (e.g. only a typo elsewhere was fixed)
        }
        MessageChannel channel = channelOf(message, where.get());
        if (channel == null) {
            LOG.warn("the channel of an answer is gone; the edited paste is answered anew");
            index.remove(message.getIdLong());
            answerNew(message, settings, null, true, Checkpoints.UNTRACKED);
            return;
        }
        if (!answer.found()) {
            index.remove(message.getIdLong());
            poster.remove(channel, where.get());
            return;
        }
        ReplyBuilder replies = ctx.services().replies(settings.redact());
        Reply shown = replies.answer(answer.reply());
        Runnable edit = () -> poster.replace(
                channel,
                where.get(),
                render(message, shown, where.get().inThread(), replies),
                p -> index.put(message.getIdLong(), p));
        if (!(channel instanceof ThreadChannel thread) || !thread.isArchived()) {
            edit.run();
            return;
        }
        // an archived thread takes no edit (50083): unarchive it when allowed, else answer anew in place
        if (ReplyPoster.mayUnarchive(thread)) {
            thread.getManager().setArchived(false).queue(ok -> edit.run(), e -> {
                LOG.warn("could not unarchive the thread of an edited paste: {}", Outgoing.describe(e));
                answerEditInPlace(message, shown, replies);
            });
        } else {
            answerEditInPlace(message, shown, replies);
        }
    }

    /** Answers an edited paste whose answer cannot be edited with a new reply in place. */
    private void answerEditInPlace(Message message, Reply shown, ReplyBuilder replies) {
        Outgoing.send(message.getChannel(), message, render(message, shown, false, replies), ctx.metrics(), sent -> {
            if (!sent.isEmpty()) {
                index.put(
                        message.getIdLong(),
                        new Posted(
                                message.getChannel().getIdLong(),
                                false,
                                sent.stream().map(Message::getIdLong).toList(),
                                sent.get(0).getJumpUrl(),
                                ""));
            }
        });
    }

    private void replyInPlace(Message message, List<MessageCreateData> messages, Checkpoints.Handling handled) {
        Outgoing.send(
                message.getChannel(),
                message,
                messages,
                ctx.metrics(),
                sent -> doneIfAnswered(!sent.isEmpty(), handled));
    }

    /**
     * Returns the channel holding the answer at {@code where}: the message's channel, or its thread from
     * JDA's cache or, for a thread that archived (JDA drops those from its cache), from the message itself.
     */
    private static MessageChannel channelOf(Message message, Posted where) {
        if (!where.inThread()) {
            return message.getChannel();
        }
        ThreadChannel cached = message.getJDA().getThreadChannelById(where.channelId());
        if (cached != null) {
            return cached;
        }
        ThreadChannel started = message.isFromGuild() ? message.getStartedThread() : null;
        return started != null && started.getIdLong() == where.channelId() ? started : null;
    }

    /**
     * Returns the short answer {@code shown} as messages with its components; without the quote of the paste
     * in a thread started on that very message, where the paste stands right above it.
     */
    private List<MessageCreateData> render(Message message, Reply shown, boolean inThread, ReplyBuilder replies) {
        Reply reply = inThread ? replies.withoutQuotes(shown) : shown;
        return ButtonIds.withComponents(
                ctx.renderer().render(reply),
                reply,
                AnswerSource.message(message.getChannel().getIdLong(), message.getIdLong()),
                message.getAuthor().getIdLong());
    }

    /** Returns true when {@code text} names a diagnostic header or field, so a "busy" answer is worth sending. */
    static boolean mayHoldDiagnostic(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (String m : MARKERS) {
            if (t.contains(m)) {
                return true;
            }
        }
        return false;
    }
}
