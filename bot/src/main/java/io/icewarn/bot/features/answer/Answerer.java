package io.icewarn.bot.features.answer;

import io.icewarn.bot.core.Services;
import io.icewarn.bot.discord.BotMetrics;
import io.icewarn.bot.features.decode.DecodedText;
import io.icewarn.bot.features.fetch.Gathered;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.reply.ReplyAttachment;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.decoder.DecodedDiagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes gathered text into an {@link Answer} through the shared, concurrency-limited decode service and
 * counts what was decoded; an answer with diagnostics carries the picture of the call when the text holds a SIP
 * dialog of two or more messages ({@link CallPictures}, waited for at most its timeout). Never blocks on a
 * decode slot: when all are taken the answer is {@link Answer.Status#BUSY}. Call it on a work thread, never on
 * JDA's. Thread-safe.
 */
public final class Answerer {
    /** What a user is told when every decode slot is taken. */
    public static final String BUSY =
            "I am decoding as many logs as I can right now; please try again in a few seconds.";

    private final Services services;
    private final BotMetrics metrics;
    private final CallPictures pictures;

    public Answerer(Services services, BotMetrics metrics, CallPictures pictures) {
        this.services = Objects.requireNonNull(services, "services");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.pictures = Objects.requireNonNull(pictures, "pictures");
    }

    /** Loads what drawing a call picture needs, in the background; returns at once. */
    public void warmUp() {
        pictures.warmUp();
    }

    /** Returns the answer to {@code gathered}, with its file notes added, redacted as the settings say. */
    public Answer answer(Gathered gathered) {
        return answer(gathered, services.replies().redacts());
    }

    /** Returns the answer to {@code gathered}, with its file notes added; hides addresses when {@code redact}. */
    public Answer answer(Gathered gathered, boolean redact) {
        ReplyBuilder replies = services.replies(redact);
        Optional<DecodedText> decoded = services.decodeService().tryDecode(gathered.text());
        if (decoded.isEmpty()) {
            return new Answer(Answer.Status.BUSY, replies.error(BUSY), "");
        }
        DecodedText d = decoded.get();
        for (DecodedDiagnostic dd : d.result().diagnostics()) {
            metrics.decoded(
                    dd.diagnostic().header(),
                    dd.diagnostic().code().isPresent()
                            ? String.valueOf(dd.diagnostic().code().getAsInt())
                            : "");
        }
        Reply reply = replies.withNotes(replies.decoded(d.text(), d.result()), gathered.notes());
        if (d.result().isEmpty()) {
            return new Answer(Answer.Status.NOTHING, reply, d.text());
        }
        Optional<ReplyAttachment> picture = pictures.picture(d.text(), redact);
        if (picture.isPresent()) {
            reply = replies.withAttachments(reply, List.of(picture.get()));
        }
        return new Answer(Answer.Status.FOUND, reply, d.text());
    }
}
