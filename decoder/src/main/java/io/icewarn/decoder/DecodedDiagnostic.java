package io.icewarn.decoder;

import io.icewarn.decoder.model.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A diagnostic with everything the knowledge base says about it.
 *
 * @param diagnostic what was parsed
 * @param severity how serious it is, with its flags judged in context
 * @param verdict one or two sentences: what happened and the most likely cause
 * @param code the meaning of its ID, when it has one
 * @param iceWarn the ICEWarn (or QoE IceWarningFlags) decomposition, every bit judged in context
 * @param fields every raw field with its meaning; unknown keys are kept and marked unknown
 * @param checklist ordered, de-duplicated remediation steps, most likely cause first; steps on the same
 *     topic are merged into one
 * @param notes caveats on the reading (undocumented fields, inferred mappings, …)
 * @param summary one line in plain words: what failed and the most likely cause, e.g. {@code Application
 *     sharing failed: both parties outside the network; no TCP path through the A/V Edge}
 * @param remarks sourced remarks of the rules that are notes, not steps, in rule order
 * @param callId the Call-ID of the SIP message that carries it, when the text holds that message
 * @param teams the Teams Direct Routing reading of a {@code TeamsDiagnostic}, empty for every other kind
 */
public record DecodedDiagnostic(
        Diagnostic diagnostic,
        Severity severity,
        String verdict,
        Optional<CodeExplanation> code,
        Optional<IceWarnExplanation> iceWarn,
        List<FieldExplanation> fields,
        List<ChecklistItem> checklist,
        List<String> notes,
        String summary,
        List<ChecklistItem> remarks,
        Optional<String> callId,
        Optional<TeamsExplanation> teams) {
    public DecodedDiagnostic {
        fields = List.copyOf(fields);
        checklist = List.copyOf(checklist);
        notes = List.copyOf(notes);
        Objects.requireNonNull(summary, "summary");
        remarks = List.copyOf(remarks);
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(teams, "teams");
    }

    /** Returns a diagnostic that is not a Teams one, whose summary is its verdict, with no remarks and no Call-ID. */
    public DecodedDiagnostic(
            Diagnostic diagnostic,
            Severity severity,
            String verdict,
            Optional<CodeExplanation> code,
            Optional<IceWarnExplanation> iceWarn,
            List<FieldExplanation> fields,
            List<ChecklistItem> checklist,
            List<String> notes) {
        this(
                diagnostic,
                severity,
                verdict,
                code,
                iceWarn,
                fields,
                checklist,
                notes,
                verdict,
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    /** Returns this diagnostic carried by the SIP message with Call-ID {@code id}. */
    public DecodedDiagnostic withCallId(Optional<String> id) {
        return new DecodedDiagnostic(
                diagnostic, severity, verdict, code, iceWarn, fields, checklist, notes, summary, remarks, id, teams);
    }
}
