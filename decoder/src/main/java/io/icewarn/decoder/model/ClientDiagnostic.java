package io.icewarn.decoder.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A diagnostic written by a Lync / Skype for Business endpoint: {@code ms-client-diagnostics} with
 * its MediaDebug or MediaChanBlob, the Monitoring report form, or a bare MediaDebug fragment.
 *
 * @param span where it was written
 * @param shape one of the client shapes
 * @param code the diagnostic ID; empty for a bare MediaDebug fragment
 * @param reason the reason text, if written
 * @param side which party reported the media data, if known
 * @param media the media label ({@code audio}, {@code application-sharing}, …), if known
 * @param fields media fields flattened in order: MediaDebug entries, report-form parameters, or
 *     UserType/MediaType followed by the MediaChanBlob entries
 * @param info typed views of the known media fields
 * @param sipStatus the SIP status code of the response carrying it, if pasted
 */
public record ClientDiagnostic(
        Span span,
        Shape shape,
        OptionalInt code,
        Optional<String> reason,
        Optional<Side> side,
        Optional<String> media,
        Fields fields,
        MediaInfo info,
        OptionalInt sipStatus)
        implements Diagnostic {

    /** The canonical header name of client diagnostics. */
    public static final String HEADER = "ms-client-diagnostics";

    public ClientDiagnostic {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(sipStatus, "sipStatus");
    }

    @Override
    public String header() {
        return HEADER;
    }
}
