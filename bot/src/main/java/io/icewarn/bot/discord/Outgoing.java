package io.icewarn.bot.discord;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way the bot writes to Discord: every message, edit, reply and interaction response passes
 * through here and allows no mentions at all, per message (not only JDA's global default), and never pings
 * the replied-to user. A message that got a server error (500) is sent once more with the same nonce, which
 * Discord uses to refuse a duplicate. Stateless.
 */
public final class Outgoing {
    private static final Logger LOG = LoggerFactory.getLogger(Outgoing.class);
    private static final SecureRandom NONCES = new SecureRandom();

    /** No mention type is allowed. */
    public static EnumSet<Message.MentionType> noMentions() {
        return EnumSet.noneOf(Message.MentionType.class);
    }

    private Outgoing() {}

    /** Returns {@code data} with no mentions allowed. */
    public static MessageCreateData create(MessageCreateData data) {
        return MessageCreateBuilder.from(data)
                .setAllowedMentions(noMentions())
                .mentionRepliedUser(false)
                .build();
    }

    /** Returns {@code data} with {@code components} added and no mentions allowed. */
    public static MessageCreateData create(
            MessageCreateData data, List<? extends MessageTopLevelComponent> components) {
        MessageCreateBuilder b = MessageCreateBuilder.from(data);
        if (!components.isEmpty()) {
            b.addComponents(components);
        }
        return b.setAllowedMentions(noMentions()).mentionRepliedUser(false).build();
    }

    /** Returns {@code data} without its components (buttons, menus), no mentions allowed. */
    public static MessageCreateData withoutComponents(MessageCreateData data) {
        return MessageCreateBuilder.from(data)
                .setComponents(List.of())
                .setAllowedMentions(noMentions())
                .mentionRepliedUser(false)
                .build();
    }

    /** Returns plain {@code text} as a message with no mentions allowed. */
    public static MessageCreateData text(String text) {
        return new MessageCreateBuilder()
                .setContent(text)
                .setAllowedMentions(noMentions())
                .mentionRepliedUser(false)
                .build();
    }

    /** Returns an edit replacing a message with {@code data}, no mentions allowed. */
    public static MessageEditData edit(MessageCreateData data) {
        return MessageEditBuilder.fromCreateData(data)
                .setReplace(true)
                .setAllowedMentions(noMentions())
                .mentionRepliedUser(false)
                .build();
    }

    /**
     * Returns an edit that gives a message the components (buttons, menus) of {@code data} and leaves the rest
     * (text, embeds, attached files) as it is, so a picture is not uploaded a second time.
     */
    public static MessageEditData componentsOf(MessageCreateData data) {
        return new MessageEditBuilder()
                .setComponents(data.getComponents())
                .setAllowedMentions(noMentions())
                .mentionRepliedUser(false)
                .build();
    }

    /**
     * Sends {@code messages} in order into {@code channel}; the first one replies to {@code replyTo} when it
     * is not null (without pinging its author), and then every later one replies to the first. Calls {@code done} with what was sent, in order (possibly
     * fewer when Discord refused one).
     */
    public static void send(
            MessageChannel channel,
            Message replyTo,
            List<MessageCreateData> messages,
            BotMetrics metrics,
            Consumer<List<Message>> done) {
        sendFrom(channel, replyTo, messages, 0, new ArrayList<>(), metrics, done);
    }

    private static void sendFrom(
            MessageChannel channel,
            Message replyTo,
            List<MessageCreateData> messages,
            int i,
            List<Message> sent,
            BotMetrics metrics,
            Consumer<List<Message>> done) {
        if (i >= messages.size()) {
            done.accept(List.copyOf(sent));
            return;
        }
        MessageCreateData data = create(messages.get(i));
        // in place, each later message replies to the answer's first one: two answers in one channel may
        // interleave, and the reference keeps every part with its head
        Message to = i == 0 ? replyTo : replyTo != null && !sent.isEmpty() ? sent.get(0) : null;
        var action = (to != null
                        ? to.reply(data).mentionRepliedUser(false).setAllowedMentions(noMentions())
                        : channel.sendMessage(data).setAllowedMentions(noMentions()))
                .setNonce(nonce());
        Consumer<Message> next = m -> {
            metrics.replySent();
            sent.add(m);
            sendFrom(channel, replyTo, messages, i + 1, sent, metrics, done);
        };
        Consumer<Throwable> failed = e -> {
            metrics.replyFailed();
            LOG.warn("could not send a reply: {}", describe(e));
            done.accept(List.copyOf(sent));
        };
        action.queue(next, e -> {
            if (isServerError(e)) {
                // JDA retries 502-504 itself, not 500. Same nonce with enforce_nonce (JDA sets it): should
                // Discord have stored the message before failing, it returns that one instead of a second.
                action.queue(next, failed);
            } else {
                failed.accept(e);
            }
        });
    }

    /** Returns a fresh message nonce (Discord allows up to 25 characters). */
    private static String nonce() {
        return Long.toUnsignedString(NONCES.nextLong());
    }

    /** Returns true for an HTTP 5xx answer that JDA gave up on. */
    static boolean isServerError(Throwable e) {
        return e instanceof ErrorResponseException r && r.getResponse().code / 100 == 5;
    }

    /**
     * Answers an interaction with {@code messages}: the first as the reply (or, when already deferred, as
     * a follow-up), the rest as follow-ups, all with the same visibility.
     */
    public static void respond(
            IReplyCallback event, List<MessageCreateData> messages, boolean ephemeral, BotMetrics metrics) {
        if (messages.isEmpty()) {
            return;
        }
        if (event.isAcknowledged()) {
            followUps(event, messages, 0, ephemeral, metrics);
            return;
        }
        event.reply(create(messages.get(0)))
                .setEphemeral(ephemeral)
                .setAllowedMentions(noMentions())
                .queue(
                        hook -> {
                            metrics.replySent();
                            followUps(event, messages, 1, ephemeral, metrics);
                        },
                        e -> failed(metrics, e));
    }

    private static void followUps(
            IReplyCallback event, List<MessageCreateData> messages, int i, boolean ephemeral, BotMetrics metrics) {
        if (i >= messages.size()) {
            return;
        }
        event.getHook()
                .sendMessage(create(messages.get(i)))
                .setEphemeral(ephemeral)
                .setAllowedMentions(noMentions())
                .queue(
                        m -> {
                            metrics.replySent();
                            followUps(event, messages, i + 1, ephemeral, metrics);
                        },
                        e -> failed(metrics, e));
    }

    /** Answers an interaction privately with one plain sentence. */
    public static void privately(IReplyCallback event, String text, BotMetrics metrics) {
        respond(event, List.of(text(text)), true, metrics);
    }

    /** Returns a task that tells the user of {@code event} privately that answering failed. */
    public static Runnable failure(IReplyCallback event, BotMetrics metrics) {
        return () -> privately(event, Router.FAILED, metrics);
    }

    private static void failed(BotMetrics metrics, Throwable e) {
        metrics.replyFailed();
        LOG.warn("could not answer an interaction: {}", describe(e));
    }

    /**
     * Returns a one-line account of a failed request for the log: Discord's HTTP status, error code and
     * message for an error answer; the exception's class and message otherwise. Never holds the token (JDA's
     * exceptions carry no request URL or header).
     */
    public static String describe(Throwable e) {
        if (e instanceof ErrorResponseException r) {
            return "Discord answered " + r.getResponse().code + " with code " + r.getErrorCode() + " (" + r.getMeaning()
                    + ")";
        }
        return e.toString();
    }
}
