package io.icewarn.decoder.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One diagnostic found in text. The permitted types are the closed set of things a paste can hold;
 * consume them with {@code instanceof} patterns.
 */
public sealed interface Diagnostic permits ClientDiagnostic, ServerDiagnostic, QoeReport, LookAlike, TeamsDiagnostic {
    /** Returns where in the scanned text the diagnostic was written. */
    Span span();

    /** Returns the written form it was found in. */
    Shape shape();

    /**
     * Returns the canonical header name: {@code ms-client-diagnostics}, {@code ms-diagnostics},
     * {@code ms-diagnostics-public}, {@code x-ms-SDP-diagnostics}, {@code QoE}, the look-alike's own, or the
     * namespace of a Teams diagnostic ({@code teams-direct-routing}, {@code Q.850}).
     */
    String header();

    /** Returns the diagnostic ID, when the form carries one. */
    OptionalInt code();

    /** Returns the reason text with quotes and wraps undone, when present. */
    Optional<String> reason();

    /** Returns the raw fields other than the ID and reason, in order. */
    Fields fields();

    /** Returns the SIP status code of the response line just before it (e.g. 101, 488), when one was pasted. */
    OptionalInt sipStatus();
}
