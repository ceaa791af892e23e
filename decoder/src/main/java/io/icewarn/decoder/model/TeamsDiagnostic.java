package io.icewarn.decoder.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Teams Direct Routing call failure: a SIP response code with Microsoft's response code, as the Teams admin
 * center, the PSTN usage report and its export, call records and SBC logs show them, or the Q.850 cause of a
 * SIP {@code Reason} header. Its codes have their own namespace ({@link #header()}): a Microsoft response code
 * such as {@code 10037} is never an {@code ms-diagnostics} ID.
 *
 * @param span where it was written (for a CSV row, the row)
 * @param shape {@link Shape#TEAMS_REPORT}, {@link Shape#TEAMS_CSV_ROW}, {@link Shape#TEAMS_CALL_RECORD} or
 *     {@link Shape#Q850_REASON}
 * @param sipCode the final SIP response code (CallEndReason), or the status of the response a Q.850 reason
 *     came in, if known
 * @param microsoftCode Microsoft's response code (CallEndSubReason), if written
 * @param q850Cause the Q.850 cause of a {@code Reason} header, if written
 * @param phrase the final SIP phrase, or the reason text of a Q.850 reason after Teams' correlation ID
 * @param correlationId the call's correlation ID, when the paste carries one
 * @param fields the fields as written, in order (for a CSV row, its diagnostic columns)
 */
public record TeamsDiagnostic(
        Span span,
        Shape shape,
        OptionalInt sipCode,
        OptionalInt microsoftCode,
        OptionalInt q850Cause,
        Optional<String> phrase,
        Optional<String> correlationId,
        Fields fields)
        implements Diagnostic {

    /** The namespace of Microsoft response codes. */
    public static final String HEADER = "teams-direct-routing";

    /** The namespace of Q.850 causes. */
    public static final String Q850_HEADER = "Q.850";

    private static final Set<Shape> SHAPES =
            EnumSet.of(Shape.TEAMS_REPORT, Shape.TEAMS_CSV_ROW, Shape.TEAMS_CALL_RECORD, Shape.Q850_REASON);

    public TeamsDiagnostic {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(shape, "shape");
        if (!SHAPES.contains(shape)) {
            throw new IllegalArgumentException("not a Teams shape: " + shape);
        }
        Objects.requireNonNull(sipCode, "sipCode");
        Objects.requireNonNull(microsoftCode, "microsoftCode");
        Objects.requireNonNull(q850Cause, "q850Cause");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(fields, "fields");
        if (shape == Shape.Q850_REASON ? q850Cause.isEmpty() : sipCode.isEmpty() && microsoftCode.isEmpty()) {
            throw new IllegalArgumentException("a Teams diagnostic needs its code");
        }
    }

    /** Returns {@value #Q850_HEADER} for a Q.850 reason, else {@value #HEADER}. */
    @Override
    public String header() {
        return shape == Shape.Q850_REASON ? Q850_HEADER : HEADER;
    }

    /** Returns the Q.850 cause of a Q.850 reason, else the Microsoft response code. */
    @Override
    public OptionalInt code() {
        return shape == Shape.Q850_REASON ? q850Cause : microsoftCode;
    }

    @Override
    public Optional<String> reason() {
        return phrase;
    }

    /** Returns the final SIP response code. */
    @Override
    public OptionalInt sipStatus() {
        return sipCode;
    }
}
