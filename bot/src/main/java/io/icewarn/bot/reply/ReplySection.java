package io.icewarn.bot.reply;

import io.icewarn.decoder.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot says about one diagnostic (or one explained value). Every string is final wording,
 * already sanitised (and redacted when asked). Immutable.
 *
 * @param severity how serious it is; renderers colour by it
 * @param title the code and its meaning, e.g. {@code ms-client-diagnostics 24 — Call failed to establish …}
 * @param context who reported it and for which media, e.g. {@code Reported by the caller · application-sharing},
 *     possibly empty
 * @param verdict what happened and the most likely cause
 * @param flags one line per ICEWarn bit, lowest first
 * @param flagsTitle the heading for the flags, e.g. {@code ICEWarn 0x320}, empty when there are no flags
 * @param fields the key fields in words
 * @param checklist numbered steps, most likely cause first
 * @param notes caveats on the reading
 * @param sources citations for the verdict itself (used by explanations), possibly empty
 * @param quote the fragment of the user's text this section decodes, if any
 */
public record ReplySection(
        Severity severity,
        String title,
        String context,
        String verdict,
        String flagsTitle,
        List<FlagLine> flags,
        List<FieldLine> fields,
        List<ChecklistLine> checklist,
        List<String> notes,
        List<SourceLink> sources,
        Optional<String> quote) {

    public ReplySection {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(flagsTitle, "flagsTitle");
        flags = List.copyOf(flags);
        fields = List.copyOf(fields);
        checklist = List.copyOf(checklist);
        notes = List.copyOf(notes);
        sources = List.copyOf(sources);
        Objects.requireNonNull(quote, "quote");
    }

    /**
     * One ICEWarn bit.
     *
     * @param bit the bit as {@code 0x…}
     * @param label what the bit means
     * @param mark how it is judged
     * @param guidance what it implies, possibly empty
     */
    public record FlagLine(String bit, String label, Mark mark, String guidance) {
        public FlagLine {
            Objects.requireNonNull(bit, "bit");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(mark, "mark");
            Objects.requireNonNull(guidance, "guidance");
        }
    }

    /** How a flag is judged. */
    public enum Mark {
        /** Expected or informational; no fault by itself. */
        BENIGN,
        /** Can occur behind NAT or a UDP-blocking firewall; a fault only together with other failures. */
        CAUTION,
        /** Points at a real problem. */
        PROBLEM,
        /** No source defines it. */
        UNKNOWN
    }

    /**
     * One field in words.
     *
     * @param name the field's name as written ({@code LocalLocation})
     * @param value the raw value, possibly empty
     * @param words what the value means, possibly empty
     * @param inferred true when the meaning is inferred rather than documented
     */
    public record FieldLine(String name, String value, String words, boolean inferred) {
        public FieldLine {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(words, "words");
        }
    }

    /**
     * One numbered remediation step.
     *
     * @param number its position, from 1
     * @param text what to check or do
     * @param sources its citations
     * @param inferred true when no source states it; renderers mark it "(inferred)"
     * @param ruleId the rule that produced it, possibly empty
     */
    public record ChecklistLine(int number, String text, List<SourceLink> sources, boolean inferred, String ruleId) {
        public ChecklistLine {
            Objects.requireNonNull(text, "text");
            sources = List.copyOf(sources);
            Objects.requireNonNull(ruleId, "ruleId");
        }
    }
}
