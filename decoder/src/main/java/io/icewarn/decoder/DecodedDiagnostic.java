package io.icewarn.decoder;

import io.icewarn.decoder.model.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A diagnostic with everything the knowledge base says about it.
 *
 * @param diagnostic what was parsed
 * @param severity how serious it is
 * @param verdict one or two sentences: what happened and the most likely cause
 * @param code the meaning of its ID, when it has one
 * @param iceWarn the ICEWarn (or QoE IceWarningFlags) decomposition, when present
 * @param fields every raw field with its meaning; unknown keys are kept and marked unknown
 * @param checklist ordered, de-duplicated remediation steps, most likely cause first
 * @param notes caveats on the reading (undocumented fields, inferred mappings, …)
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
        Optional<TeamsExplanation> teams) {
    public DecodedDiagnostic {
        fields = List.copyOf(fields);
        checklist = List.copyOf(checklist);
        notes = List.copyOf(notes);
        Objects.requireNonNull(teams, "teams");
    }

    /** A decoded diagnostic that is not a Teams one. */
    public DecodedDiagnostic(
            Diagnostic diagnostic,
            Severity severity,
            String verdict,
            Optional<CodeExplanation> code,
            Optional<IceWarnExplanation> iceWarn,
            List<FieldExplanation> fields,
            List<ChecklistItem> checklist,
            List<String> notes) {
        this(diagnostic, severity, verdict, code, iceWarn, fields, checklist, notes, Optional.empty());
    }
}
