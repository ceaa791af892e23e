package io.icewarn.decoder.remedy;

import io.icewarn.decoder.kb.CodeEntry;
import io.icewarn.decoder.kb.KnowledgeBase;
import io.icewarn.decoder.kb.Q850Entry;
import io.icewarn.decoder.kb.SipCodeEntry;
import io.icewarn.decoder.kb.TeamsCodeEntry;
import io.icewarn.decoder.kb.TeamsKnowledge;
import io.icewarn.decoder.kb.TeamsStructure;
import io.icewarn.decoder.model.Shape;
import io.icewarn.decoder.model.TeamsDiagnostic;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Chooses the knowledge-base entry a Teams diagnostic is judged by, as the {@link CodeEntry} that rules and
 * severity read: the documented row of its Microsoft code (or of the Teams phrase in a Q.850 reason), else
 * what the code's structure says, else its final SIP code, else its Q.850 cause (the status of the response a
 * Q.850 reason came in is the outcome, the cause only explains it). Internal to the decoder.
 */
public final class TeamsEntries {
    /** The namespace entries of bare SIP codes are given. */
    public static final String SIP_HEADER = "SIP";

    private TeamsEntries() {}

    /** Returns the entry {@code d} is judged by, if the knowledge base can say anything about its codes. */
    public static Optional<CodeEntry> of(TeamsDiagnostic d, KnowledgeBase kb) {
        TeamsKnowledge t = kb.teams();
        if (d.shape() == Shape.Q850_REASON) {
            Optional<CodeEntry> byPhrase = phraseRow(d, t).map(TeamsEntries::row);
            if (byPhrase.isPresent()) {
                return byPhrase;
            }
            // in a final response the status is the outcome and the cause explains it; alone, the cause decides
            if (d.sipCode().isPresent() && d.sipCode().getAsInt() >= 300) {
                return Optional.of(sip(d.sipCode().getAsInt(), t));
            }
            return t.q850(d.q850Cause().getAsInt()).map(TeamsEntries::cause);
        }
        if (d.microsoftCode().isPresent()) {
            int code = d.microsoftCode().getAsInt();
            Optional<TeamsKnowledge.Match> match = t.match(code, d.sipCode(), d.phrase());
            if (match.isPresent()) {
                return Optional.of(row(match.get().entry()));
            }
            Optional<TeamsStructure.Reading> reading = t.structure().read(code);
            if (reading.isPresent()) {
                return Optional.of(structured(reading.get(), d.sipCode(), t));
            }
        }
        return d.sipCode().stream().boxed().findFirst().map(sip -> sip(sip, t));
    }

    /** Returns the documented row whose phrase is the reason text of a Q.850 reason, if there is one. */
    public static Optional<TeamsCodeEntry> phraseRow(TeamsDiagnostic d, TeamsKnowledge t) {
        if (d.shape() != Shape.Q850_REASON || d.phrase().isEmpty()) {
            return Optional.empty();
        }
        List<TeamsCodeEntry> rows = t.rowsWithPhrase(d.phrase().get(), d.sipCode());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Returns the SIP code a structured code stands for: ZZZ of the SBC module, else the pasted one. */
    public static OptionalInt sipCodeOf(TeamsStructure.Reading reading, OptionalInt pasted) {
        return reading.detailIsSipCode() ? OptionalInt.of(reading.detail()) : pasted;
    }

    /** Returns the severity of a SIP response code no source lists: 1xx and 2xx info, 3xx warning, else failure. */
    public static String severityOf(int sip) {
        if (sip >= 100 && sip < 300) {
            return "info";
        }
        return sip >= 300 && sip < 400 ? "warning" : "failure";
    }

    private static CodeEntry row(TeamsCodeEntry e) {
        return new CodeEntry(
                TeamsDiagnostic.HEADER,
                e.code(),
                e.phrase(),
                e.meaning(),
                e.family(),
                e.severity(),
                List.of(),
                null,
                e.sources(),
                e.confidence());
    }

    private static CodeEntry cause(Q850Entry e) {
        return new CodeEntry(
                TeamsDiagnostic.Q850_HEADER,
                e.cause(),
                e.name(),
                e.meaning(),
                e.family(),
                e.severity(),
                List.of(),
                null,
                e.sources(),
                e.confidence());
    }

    private static CodeEntry structured(TeamsStructure.Reading r, OptionalInt pasted, TeamsKnowledge t) {
        TeamsStructure s = t.structure();
        OptionalInt sip = sipCodeOf(r, pasted);
        Optional<SipCodeEntry> entry = sip.isPresent() ? t.sip(sip.getAsInt()) : Optional.empty();
        return new CodeEntry(
                TeamsDiagnostic.HEADER,
                r.code(),
                entry.map(SipCodeEntry::phrase).orElse(null),
                r.documentedModule().meaning(),
                entry.map(SipCodeEntry::family).orElse(null),
                entry.map(SipCodeEntry::severity).orElse(sip.isPresent() ? severityOf(sip.getAsInt()) : "failure"),
                List.of(),
                null,
                s.sources(),
                s.confidence());
    }

    private static CodeEntry sip(int code, TeamsKnowledge t) {
        Optional<SipCodeEntry> e = t.sip(code);
        return new CodeEntry(
                SIP_HEADER,
                code,
                e.map(SipCodeEntry::phrase).orElse(null),
                e.map(SipCodeEntry::meaning).orElse("A SIP response code no source defines."),
                e.map(SipCodeEntry::family).orElse(null),
                e.map(SipCodeEntry::severity).orElse(severityOf(code)),
                List.of(),
                null,
                e.map(SipCodeEntry::sources).orElse(List.of("T25")),
                e.map(SipCodeEntry::confidence).orElse(io.icewarn.decoder.Confidence.INFERRED));
    }
}
