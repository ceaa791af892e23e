package io.icewarn.bot.reply;

import io.icewarn.decoder.Severity;
import java.util.List;
import java.util.Objects;

/**
 * Everything the bot says in one view of an answer, independent of where it is shown. Built only by
 * {@link ReplyBuilder}, which decides every word and what each view holds; a renderer shows every part a
 * reply has and decides nothing. Immutable.
 *
 * @param kind what sort of answer it is
 * @param view how much it holds: the short answer or a full view; renderers lay the first out compactly
 * @param headline one line: the verdict of a single diagnostic, or a count of many
 * @param summary one or two sentences under the headline, possibly empty
 * @param sections one per diagnostic or explained value, most serious first; in the short answer to many
 *     diagnostics only the most serious one
 * @param digest the short answer to many diagnostics: one line each, grouped by call; empty otherwise
 * @param picks what a menu offers to open, most serious first; empty when there is nothing to choose
 * @param pickPrompt the menu's placeholder, empty when there are no picks
 * @param notes remarks on the whole answer (parts of the text that could not be read, …)
 * @param footer a closing line (what more there is, what a mark means, redaction), possibly empty
 * @param attachments files that go with the answer (a picture of the call, say), possibly none
 */
public record Reply(
        Kind kind,
        View view,
        String headline,
        String summary,
        List<ReplySection> sections,
        List<DigestGroup> digest,
        List<Pick> picks,
        String pickPrompt,
        List<String> notes,
        String footer,
        List<ReplyAttachment> attachments) {

    /** What sort of answer a reply is. */
    public enum Kind {
        /** Diagnostics were found and decoded. */
        DIAGNOSTICS,
        /** The text held no diagnostic; the summary says what to paste. */
        NOTHING_FOUND,
        /** An explanation, or a view on demand (the full checklist, the raw fields). */
        EXPLANATION,
        /** The request could not be handled; the summary says why. */
        ERROR
    }

    /** How much a reply holds. */
    public enum View {
        /** The short answer people skim: verdict, top actions, compact evidence. */
        ANSWER,
        /** Everything the view is about, each part in full. */
        DETAIL
    }

    public Reply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(summary, "summary");
        sections = List.copyOf(sections);
        digest = List.copyOf(digest);
        picks = List.copyOf(picks);
        Objects.requireNonNull(pickPrompt, "pickPrompt");
        notes = List.copyOf(notes);
        Objects.requireNonNull(footer, "footer");
        attachments = List.copyOf(attachments);
    }

    /** Returns a detail reply without digest, picks or attachments. */
    public static Reply of(
            Kind kind,
            String headline,
            String summary,
            List<ReplySection> sections,
            List<String> notes,
            String footer) {
        return new Reply(
                kind, View.DETAIL, headline, summary, sections, List.of(), List.of(), "", notes, footer, List.of());
    }

    /** Returns the severity of the most serious section, or {@link Severity#INFO} when there is none. */
    public Severity severity() {
        return sections.stream()
                .map(ReplySection::severity)
                .min(Enum::compareTo)
                .orElse(Severity.INFO);
    }

    /** Returns this reply with {@code footer} instead of its own. */
    public Reply withFooter(String footer) {
        return new Reply(
                kind, view, headline, summary, sections, digest, picks, pickPrompt, notes, footer, attachments);
    }

    /**
     * One call's diagnostics in the digest.
     *
     * @param title the call, e.g. {@code Call 8f3a21c0e5b4…}; empty when the text has no SIP messages
     * @param lines its diagnostics, most serious first
     */
    public record DigestGroup(String title, List<DigestLine> lines) {
        public DigestGroup {
            Objects.requireNonNull(title, "title");
            lines = List.copyOf(lines);
        }
    }

    /**
     * One diagnostic in the digest.
     *
     * @param index its position in the decode (from 0), or -1 for a line that stands for several
     * @param severity how serious it is
     * @param label its number and name, e.g. {@code #2 ms-client-diagnostics 23}
     * @param text its verdict
     */
    public record DigestLine(int index, Severity severity, String label, String text) {
        public DigestLine {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * One diagnostic a menu can open.
     *
     * @param index its position in the decode (from 0), the value the menu sends back
     * @param severity how serious it is
     * @param label what the option says, at most 100 characters
     * @param description a second line, at most 100 characters, possibly empty
     */
    public record Pick(int index, Severity severity, String label, String description) {
        public Pick {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(description, "description");
        }
    }
}
