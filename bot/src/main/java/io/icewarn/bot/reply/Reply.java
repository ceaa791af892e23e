package io.icewarn.bot.reply;

import java.util.List;
import java.util.Objects;

/**
 * Everything the bot says in answer to one message, independent of where it is shown. Built only by
 * {@link ReplyBuilder}, which decides every word; renderers only lay it out. Immutable.
 *
 * @param kind what sort of answer it is
 * @param headline one short line, e.g. {@code Call failure: ms-client-diagnostics 24}
 * @param summary one or two sentences under the headline, possibly empty
 * @param sections one per diagnostic or explained value, most serious first
 * @param notes remarks on the whole answer (parts of the text that could not be read, …)
 * @param footer a closing line (what the marks mean, redaction), possibly empty
 */
public record Reply(
        Kind kind, String headline, String summary, List<ReplySection> sections, List<String> notes, String footer) {

    /** What sort of answer a reply is. */
    public enum Kind {
        /** Diagnostics were found and decoded. */
        DIAGNOSTICS,
        /** The text held no diagnostic; the summary says what to paste. */
        NOTHING_FOUND,
        /** An explanation of an ICEWarn value or a diagnostic code asked for directly. */
        EXPLANATION,
        /** The request could not be handled; the summary says why. */
        ERROR
    }

    public Reply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(summary, "summary");
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
        Objects.requireNonNull(footer, "footer");
    }
}
