package io.icewarn.bot.reply;

import io.icewarn.decoder.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a view says about one diagnostic (or one explained value). Every string is final wording, already
 * sanitised (and redacted when asked); every part that is not empty is shown. The same record serves every
 * kind of diagnostic: what is particular to a kind is already in the words. Immutable.
 *
 * @param index the diagnostic's position in the decode (from 0), or -1 when it is not a decoded diagnostic
 * @param severity how serious it is; renderers colour by it
 * @param headline the verdict in plain words: what failed and the most likely cause
 * @param title the code and its meaning, e.g. {@code ms-client-diagnostics 24 — Call failed to establish …}
 * @param label a short name, e.g. {@code ms-client-diagnostics 24}
 * @param context who reported it, for which media, in which response, e.g.
 *     {@code reported by the caller · application-sharing}, possibly empty
 * @param detail the longer explanation, possibly empty (the short answer leaves it out)
 * @param flags the ICEWarn bits shown, with their heading
 * @param fields the fields shown
 * @param steps the numbered steps shown, most likely cause first
 * @param remarks sourced remarks that are not steps
 * @param notes caveats on the reading
 * @param sources citations for the explanation itself (explanations of a code), possibly empty
 * @param quote the fragment of the user's text this section decodes, if shown
 */
public record ReplySection(
        int index,
        Severity severity,
        String headline,
        String title,
        String label,
        String context,
        String detail,
        Flags flags,
        List<FieldLine> fields,
        List<ChecklistLine> steps,
        List<Remark> remarks,
        List<String> notes,
        List<SourceLink> sources,
        Optional<String> quote) {

    public ReplySection {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(flags, "flags");
        fields = List.copyOf(fields);
        steps = List.copyOf(steps);
        remarks = List.copyOf(remarks);
        notes = List.copyOf(notes);
        sources = List.copyOf(sources);
        Objects.requireNonNull(quote, "quote");
    }

    /** Returns true when the section shows a step marked inferred. */
    public boolean showsInferredStep() {
        return steps.stream().anyMatch(ChecklistLine::inferred)
                || remarks.stream().anyMatch(Remark::inferred);
    }

    /**
     * The ICEWarn bits a view shows.
     *
     * @param title the heading, e.g. {@code ICEWarn 0x320}; empty when there are no bits
     * @param lines one line per bit shown, most serious first in the short answer, lowest bit first in full
     * @param folded what the short answer leaves out, e.g. {@code +1 expected check}; possibly empty
     */
    public record Flags(String title, List<FlagLine> lines, String folded) {
        /** No bits. */
        public static final Flags NONE = new Flags("", List.of(), "");

        public Flags {
            Objects.requireNonNull(title, "title");
            lines = List.copyOf(lines);
            Objects.requireNonNull(folded, "folded");
        }

        /** Returns true when there is nothing to show. */
        public boolean isEmpty() {
            return lines.isEmpty() && folded.isEmpty();
        }
    }

    /**
     * One ICEWarn bit.
     *
     * @param bit the bit as {@code 0x…}
     * @param label what the bit means (the short form in the short answer)
     * @param brief the short form of the label, for the short answer
     * @param mark how it is judged in this diagnostic
     * @param guidance what it implies here, possibly empty (the short answer leaves it out)
     */
    public record FlagLine(String bit, String label, String brief, Mark mark, String guidance) {
        public FlagLine {
            Objects.requireNonNull(bit, "bit");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(brief, "brief");
            Objects.requireNonNull(mark, "mark");
            Objects.requireNonNull(guidance, "guidance");
        }
    }

    /** How a flag is judged in the diagnostic it came with. */
    public enum Mark {
        /** Expected or informational; no fault by itself. */
        BENIGN,
        /** Can occur behind NAT or a UDP-blocking firewall; a fault only together with other failures. */
        CAUTION,
        /** Points at a real problem here. */
        PROBLEM,
        /** No source defines it. */
        UNKNOWN,
        /** A path that was tried on a call that worked: no fault. */
        INFO
    }

    /**
     * One field in words.
     *
     * @param name the field's name as written ({@code LocalLocation})
     * @param value the raw value, possibly empty
     * @param words what the value means, possibly empty
     * @param inferred true when the meaning is inferred rather than documented
     * @param evidence true when the field supports the verdict, so the short answer shows it
     */
    public record FieldLine(String name, String value, String words, boolean inferred, boolean evidence) {
        public FieldLine {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(words, "words");
        }
    }

    /**
     * One numbered remediation step.
     *
     * @param number its position in the whole checklist, from 1
     * @param text what to check or do
     * @param sources its citations, those of the steps merged into it included
     * @param inferred true when no source states it; renderers mark it "(inferred)"
     * @param ruleId the rule that produced it, possibly empty
     * @param merged what the steps merged into this one said, in their own words (ticket and full views);
     *     empty in the short answer
     */
    public record ChecklistLine(
            int number, String text, List<SourceLink> sources, boolean inferred, String ruleId, List<Remark> merged) {
        public ChecklistLine {
            Objects.requireNonNull(text, "text");
            sources = List.copyOf(sources);
            Objects.requireNonNull(ruleId, "ruleId");
            merged = List.copyOf(merged);
        }
    }

    /**
     * A sourced remark: a note of a rule (never numbered as a step), or what a merged step said.
     *
     * @param text the remark
     * @param sources its citations
     * @param inferred true when no source states it
     * @param ruleId the rule that produced it, possibly empty
     */
    public record Remark(String text, List<SourceLink> sources, boolean inferred, String ruleId) {
        public Remark {
            Objects.requireNonNull(text, "text");
            sources = List.copyOf(sources);
            Objects.requireNonNull(ruleId, "ruleId");
        }
    }
}
