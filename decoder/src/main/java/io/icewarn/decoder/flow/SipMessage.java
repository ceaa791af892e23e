package io.icewarn.decoder.flow;

import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.model.Span;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One SIP message of a dialog, as a log or a paste shows it.
 *
 * @param input which input of the {@link FlowReader} it was read from, from 0 ({@code span} is an offset in it)
 * @param span where it was written: from its log frame ({@code Sending Packet}, {@code $$begin_record}) or start
 *     line to its last line
 * @param time when the log says it was sent or received, if it says
 * @param direction which way it went, from the side that wrote the log
 * @param from the party that sent it
 * @param to the party it went to
 * @param method the request's method, or for a response the method of its {@code CSeq}; empty when not written
 * @param status the response's status code (100–699); empty for a request
 * @param reasonPhrase the response's reason phrase as written; empty for a request
 * @param requestUri the request's Request-URI; empty for a response
 * @param cseq the sequence number of its {@code CSeq}, if readable
 * @param fromTag the {@code tag} of its {@code From} header, if any
 * @param toTag the {@code tag} of its {@code To} header, if any
 * @param msHeaders its {@code ms-*} headers in order, at most {@link FlowReader#MAX_MS_HEADERS}
 * @param diagnostics the diagnostics written within {@code span}, in order, explained
 */
public record SipMessage(
        int input,
        Span span,
        Optional<LocalDateTime> time,
        Direction direction,
        Party from,
        Party to,
        String method,
        OptionalInt status,
        String reasonPhrase,
        String requestUri,
        OptionalLong cseq,
        Optional<String> fromTag,
        Optional<String> toTag,
        List<Header> msHeaders,
        List<DecodedDiagnostic> diagnostics) {

    public SipMessage {
        if (input < 0) {
            throw new IllegalArgumentException("negative input " + input);
        }
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reasonPhrase, "reasonPhrase");
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(cseq, "cseq");
        Objects.requireNonNull(fromTag, "fromTag");
        Objects.requireNonNull(toTag, "toTag");
        msHeaders = List.copyOf(msHeaders);
        diagnostics = List.copyOf(diagnostics);
        if (status.isPresent() && (status.getAsInt() < 100 || status.getAsInt() > 699)) {
            throw new IllegalArgumentException("not a SIP status: " + status.getAsInt());
        }
    }

    /** Returns true for a request, false for a response. */
    public boolean isRequest() {
        return status.isEmpty();
    }

    /**
     * Returns true when this message says the request failed: a final response of 400 or more other than the
     * authentication challenges 401 and 407 (a normal step of signing in) and 487 (the answer to a CANCEL),
     * or a diagnostic it carries that the knowledge base judges a failure.
     */
    public boolean failure() {
        if (status.isPresent()) {
            int s = status.getAsInt();
            if (s >= 400 && s != 401 && s != 407 && s != 487) {
                return true;
            }
        }
        for (DecodedDiagnostic d : diagnostics) {
            if (d.severity() == Severity.FAILURE) {
                return true;
            }
        }
        return false;
    }
}
