package io.icewarn.bot.features.autoreply;

import io.icewarn.bot.discord.BotMetrics;
import io.icewarn.bot.discord.Outgoing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an automatic answer: in a thread started on the user's message when that is possible (a text or
 * news channel where the bot may create public threads and post in them), else as a reply in place that
 * does not ping the poster. Edits and removes answers it posted. Needs CREATE_PUBLIC_THREADS and
 * MESSAGE_SEND_IN_THREADS for threads, MESSAGE_SEND otherwise. Thread-safe.
 */
public final class ReplyPoster {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyPoster.class);

    private final BotMetrics metrics;

    public ReplyPoster(BotMetrics metrics) {
        this.metrics = metrics;
    }

    /** Returns true when a thread can be started on {@code message}. */
    public static boolean canThread(Message message) {
        if (!message.isFromGuild()) {
            return false;
        }
        ChannelType type = message.getChannelType();
        if (type != ChannelType.TEXT && type != ChannelType.NEWS) {
            return false;
        }
        if (!(message.getChannel() instanceof GuildChannel)) {
            return false;
        }
        Member self = message.getGuild().getSelfMember();
        return self.hasPermission(
                (GuildChannel) message.getChannel(),
                Permission.CREATE_PUBLIC_THREADS,
                Permission.MESSAGE_SEND_IN_THREADS);
    }

    /** The messages of an answer, which may differ with where they go. */
    @FunctionalInterface
    public interface Placed {
        /** Returns the messages for a thread on the answered message ({@code true}) or a reply in place. */
        List<MessageCreateData> messages(boolean inThread);
    }

    /**
     * Posts {@code messages} for {@code original} and calls {@code done} with where they went: into
     * {@code existing} when it is not null (a thread the bot started on {@code original} earlier), else into a
     * new thread on it or in place.
     */
    public void post(
            Message original, ThreadChannel existing, String threadName, Placed messages, Consumer<Posted> done) {
        if (existing != null) {
            sendWhole(
                    existing,
                    null,
                    messages.messages(true),
                    sent -> done.accept(posted(existing.getIdLong(), true, sent)));
            return;
        }
        if (!canThread(original)) {
            inPlace(original, messages.messages(false), done);
            return;
        }
        original.createThreadChannel(threadName)
                .queue(thread -> intoNewThread(original, thread, messages, done, 1), failure -> {
                    LOG.warn("could not start a thread, answering in place: {}", Outgoing.describe(failure));
                    inPlace(original, messages.messages(false), done);
                });
    }

    /**
     * Posts the answer into {@code thread}, just started on {@code original}. Nothing may be lost: when
     * nothing of it went out, it is tried {@code retries} more times in the thread, then in place.
     */
    private void intoNewThread(
            Message original, ThreadChannel thread, Placed messages, Consumer<Posted> done, int retries) {
        sendWhole(thread, null, messages.messages(true), sent -> {
            if (!sent.isEmpty()) {
                done.accept(posted(thread.getIdLong(), true, sent));
            } else if (retries > 0) {
                LOG.warn("the answer did not reach its new thread; trying once more");
                intoNewThread(original, thread, messages, done, retries - 1);
            } else {
                LOG.warn("the answer did not reach its new thread; answering in place");
                inPlace(original, messages.messages(false), done);
            }
        });
    }

    private void inPlace(Message original, List<MessageCreateData> messages, Consumer<Posted> done) {
        MessageChannel channel = original.getChannel();
        sendWhole(channel, original, messages, sent -> done.accept(posted(channel.getIdLong(), false, sent)));
    }

    /**
     * Sends an answer so that its buttons appear only once all of it is out: an answer of several messages
     * carries its components on the first message, which is sent without them and edited to have them after
     * the last one went out. So a message of the bot with buttons always belongs to a whole answer, and one
     * cut short by a crash has none (catch-up answers it again). {@code done} gets what was sent.
     */
    private void sendWhole(
            MessageChannel channel, Message replyTo, List<MessageCreateData> messages, Consumer<List<Message>> done) {
        if (messages.size() < 2 || messages.get(0).getComponents().isEmpty()) {
            Outgoing.send(channel, replyTo, messages, metrics, done);
            return;
        }
        List<MessageCreateData> bare = new ArrayList<>(messages);
        bare.set(0, Outgoing.withoutComponents(messages.get(0)));
        Outgoing.send(channel, replyTo, bare, metrics, sent -> {
            if (sent.size() < messages.size()) {
                done.accept(sent); // cut short: no buttons, so the answer reads as unfinished
                return;
            }
            channel.editMessageById(sent.get(0).getIdLong(), Outgoing.componentsOf(messages.get(0)))
                    .queue(
                            m -> done.accept(sent), // the messages were counted as they went out
                            e -> {
                                metrics.replyFailed();
                                LOG.warn("could not add the buttons to an answer: {}", Outgoing.describe(e));
                                done.accept(sent);
                            });
        });
    }

    /**
     * Replaces the answer at {@code where} with {@code messages}: edits in place, sends extra, deletes surplus;
     * like {@link #sendWhole}, the buttons of an answer of several messages come last, by a final edit.
     */
    public void replace(MessageChannel channel, Posted where, List<MessageCreateData> messages, Consumer<Posted> done) {
        List<Long> ids = where.messageIds();
        boolean buttonsLast =
                messages.size() > 1 && !messages.get(0).getComponents().isEmpty();
        List<MessageCreateData> first = new ArrayList<>(messages);
        if (buttonsLast) {
            first.set(0, Outgoing.withoutComponents(messages.get(0)));
        }
        int common = Math.min(ids.size(), first.size());
        for (int i = 0; i < common; i++) {
            channel.editMessageById(ids.get(i), Outgoing.edit(first.get(i))).queue(m -> metrics.replySent(), e -> {
                metrics.replyFailed();
                LOG.warn("could not edit an answer: {}", Outgoing.describe(e));
            });
        }
        for (int i = common; i < ids.size(); i++) {
            channel.deleteMessageById(ids.get(i)).queue(null, ReplyPoster::deleteFailed);
        }
        List<Long> kept = new ArrayList<>(ids.subList(0, common));
        Outgoing.send(channel, null, first.subList(common, first.size()), metrics, sent -> {
            sent.forEach(m -> kept.add(m.getIdLong()));
            if (buttonsLast && kept.size() == messages.size()) {
                channel.editMessageById(kept.get(0), Outgoing.componentsOf(messages.get(0)))
                        .queue(null, e -> {
                            metrics.replyFailed();
                            LOG.warn("could not add the buttons to an answer: {}", Outgoing.describe(e));
                        });
            }
            done.accept(new Posted(where.channelId(), where.inThread(), kept, where.jumpUrl(), where.key()));
        });
    }

    /**
     * Removes the answer at {@code where} in {@code channel}: its messages, and the thread the bot started
     * for it when nobody else wrote there: deleted with Manage Threads, else archived (its creator may), so it
     * leaves the channel's thread list and no request is sent that Discord would refuse. Never deletes a
     * thread holding other people's messages.
     */
    public void remove(MessageChannel channel, Posted where) {
        deleteMessages(channel, where);
        if (where.inThread() && channel instanceof ThreadChannel) {
            ThreadChannel thread = (ThreadChannel) channel;
            if (thread.getMessageCount() <= where.messageIds().size()) {
                deleteThread(thread);
            }
        }
    }

    /**
     * Removes what the bot wrote in {@code thread}, which it started on a message it no longer remembers
     * (after a restart): reads the last 100 messages, deletes its own, and the thread when nobody else wrote.
     */
    public void removeForgotten(ThreadChannel thread, long selfId) {
        thread.getHistory()
                .retrievePast(100)
                .queue(
                        history -> {
                            boolean others = false;
                            for (Message m : history) {
                                if (m.getAuthor().getIdLong() == selfId) {
                                    m.delete().queue(null, ReplyPoster::deleteFailed);
                                } else {
                                    others = true;
                                }
                            }
                            if (!others) {
                                deleteThread(thread);
                            }
                        },
                        e -> LOG.warn("could not read the thread: {}", Outgoing.describe(e)));
    }

    /**
     * Deletes {@code thread} when the bot has Manage Threads there (Discord refuses it otherwise, 50013),
     * else archives it, which its creator may do.
     */
    static void deleteThread(ThreadChannel thread) {
        Member self = thread.getGuild().getSelfMember();
        if (self.hasPermission(thread, Permission.MANAGE_THREADS)) {
            thread.delete().queue(null, e -> LOG.warn("could not delete the thread: {}", Outgoing.describe(e)));
        } else if (thread.getOwnerIdLong() == self.getIdLong() && !thread.isArchived()) {
            thread.getManager()
                    .setArchived(true)
                    .queue(null, e -> LOG.warn("could not archive the thread: {}", Outgoing.describe(e)));
        }
    }

    /**
     * Returns true when the bot may unarchive {@code thread}: it may when the thread is not locked, or with
     * Manage Threads (topics/threads: a locked thread is unarchived by Manage Threads only).
     */
    static boolean mayUnarchive(ThreadChannel thread) {
        return !thread.isLocked() || thread.getGuild().getSelfMember().hasPermission(thread, Permission.MANAGE_THREADS);
    }

    private static void deleteMessages(MessageChannel channel, Posted where) {
        for (Long id : where.messageIds()) {
            channel.deleteMessageById(id).queue(null, ReplyPoster::deleteFailed);
        }
    }

    /** A deletion that found the message gone already (10008) is what was wanted; anything else is worth a WARN. */
    private static void deleteFailed(Throwable e) {
        if (e instanceof ErrorResponseException r && r.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
            LOG.debug("already deleted: {}", Outgoing.describe(e));
        } else {
            LOG.warn("could not delete a message: {}", Outgoing.describe(e));
        }
    }

    private static Posted posted(long channelId, boolean thread, List<Message> sent) {
        List<Long> ids = new ArrayList<>();
        sent.forEach(m -> ids.add(m.getIdLong()));
        return new Posted(
                channelId, thread, ids, sent.isEmpty() ? "" : sent.get(0).getJumpUrl(), "");
    }
}
