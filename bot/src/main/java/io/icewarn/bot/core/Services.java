package io.icewarn.bot.core;

import io.icewarn.bot.config.Settings;
import io.icewarn.bot.features.decode.DecodeService;
import io.icewarn.bot.reply.ReplyBuilder;
import io.icewarn.decoder.Decoder;
import java.util.Objects;

/**
 * The composition root: the one decoder, decode service and reply builder every front end (command line,
 * console, Discord) shares. Built once at start-up by {@link #create}; there are no singletons.
 *
 * @param settings the configuration
 * @param decoder the decoder (immutable, thread-safe)
 * @param decodeService cached, concurrency-limited decoding
 * @param replies the reply builder (redacts when the settings say so)
 */
public record Services(Settings settings, Decoder decoder, DecodeService decodeService, ReplyBuilder replies) {
    public Services {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(decodeService, "decodeService");
        Objects.requireNonNull(replies, "replies");
    }

    /** Returns a reply builder that hides addresses when {@code redact} is true (per-server redaction). */
    public ReplyBuilder replies(boolean redact) {
        return redact == replies.redacts() ? replies : new ReplyBuilder(decoder::source, redact);
    }

    /** Returns the services for {@code settings} over the standard decoder. */
    public static Services create(Settings settings) {
        return of(settings, Decoder.standard());
    }

    /** Returns the services for {@code settings} over {@code decoder}. */
    public static Services of(Settings settings, Decoder decoder) {
        return new Services(
                settings,
                decoder,
                DecodeService.of(decoder, settings),
                new ReplyBuilder(decoder::source, settings.redact()));
    }
}
