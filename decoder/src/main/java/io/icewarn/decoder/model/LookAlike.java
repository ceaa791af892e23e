package io.icewarn.decoder.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A header from another product that looks like a Lync diagnostic, such as HTTP {@code x-ms-diagnostics}
 * from Exchange, Entra, SharePoint or the WebTicket service. It is recognised so that it is never
 * decoded as a Lync SIP diagnostic.
 *
 * @param span where it was written
 * @param header the header name as canonically spelled ({@code x-ms-diagnostics})
 * @param code the number after the colon, when it is one
 * @param reason the reason text, if written
 * @param fields the other parameters ({@code error_category}, …), in order
 */
public record LookAlike(Span span, String header, OptionalInt code, Optional<String> reason, Fields fields)
        implements Diagnostic {

    public LookAlike {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fields, "fields");
    }

    @Override
    public Shape shape() {
        return Shape.LOOK_ALIKE;
    }

    @Override
    public OptionalInt sipStatus() {
        return OptionalInt.empty();
    }
}
