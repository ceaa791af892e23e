package io.icewarn.decoder.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A diagnostic written by a server: {@code ms-diagnostics}, {@code ms-diagnostics-public} or the SDP
 * attribute {@code a=x-ms-SDP-diagnostics}.
 *
 * @param span where it was written
 * @param shape {@link Shape#SERVER}, {@link Shape#SERVER_PUBLIC} or {@link Shape#SDP}
 * @param errorId the ErrorId
 * @param subErrorId the SubErrorId of the SDP form {@code <id>.<sub>}, if written
 * @param reason the reason text, if written
 * @param fields the other parameters in order ({@code source}, {@code component}, {@code Domain},
 *     {@code PeerServer}, …)
 * @param sipStatus the SIP status code of the response carrying it, if pasted
 */
public record ServerDiagnostic(
        Span span,
        Shape shape,
        int errorId,
        OptionalInt subErrorId,
        Optional<String> reason,
        Fields fields,
        OptionalInt sipStatus)
        implements Diagnostic {

    public ServerDiagnostic {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(shape, "shape");
        if (shape != Shape.SERVER && shape != Shape.SERVER_PUBLIC && shape != Shape.SDP) {
            throw new IllegalArgumentException("not a server shape: " + shape);
        }
        Objects.requireNonNull(subErrorId, "subErrorId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(sipStatus, "sipStatus");
    }

    @Override
    public String header() {
        return switch (shape) {
            case SERVER_PUBLIC -> "ms-diagnostics-public";
            case SDP -> "x-ms-SDP-diagnostics";
            default -> "ms-diagnostics";
        };
    }

    @Override
    public OptionalInt code() {
        return OptionalInt.of(errorId);
    }

    /** Returns the {@code source} parameter (the FQDN of the server that wrote it), if present. */
    public Optional<String> source() {
        return fields.nonEmpty("source");
    }
}
