package io.icewarn.decoder.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The connectivity part of a pasted QoE report ({@code <Ice>} and {@code <IceWarningFlags>}).
 *
 * @param span where the elements were written
 * @param iceWarningFlags the flags value, read as decimal unless written as hex
 * @param ice the {@code <Ice>} status ({@code FAILED}, {@code DIRECT}, {@code RELAY}, {@code HTTP-PROXY}), if present
 * @param fields the connectivity elements as raw fields, in order
 */
public record QoeReport(Span span, Optional<IceWarn> iceWarningFlags, Optional<String> ice, Fields fields)
        implements Diagnostic {

    public QoeReport {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(iceWarningFlags, "iceWarningFlags");
        Objects.requireNonNull(ice, "ice");
        Objects.requireNonNull(fields, "fields");
    }

    @Override
    public Shape shape() {
        return Shape.QOE_REPORT;
    }

    @Override
    public String header() {
        return "QoE";
    }

    @Override
    public OptionalInt code() {
        return OptionalInt.empty();
    }

    @Override
    public Optional<String> reason() {
        return Optional.empty();
    }

    @Override
    public OptionalInt sipStatus() {
        return OptionalInt.empty();
    }
}
