package io.icewarn.decoder.flow;

import io.icewarn.decoder.DecodedDiagnostic;
import io.icewarn.decoder.model.Span;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A SIP message as read, before its dialog's parties are worked out.
 *
 * @param local the log writer's own address, when the log gives it
 * @param peer the address it went to or came from, when the log gives it
 * @param callId the Call-ID; empty when it had none
 * @param fromUri the URI of its From header; empty when absent
 * @param toUri the URI of its To header; empty when absent
 * @param recordRoute the hosts of its Record-Route headers, top first
 * @param via the hosts of its Via headers, top first
 * @param seq its place in the order of reading (inputs in turn, each from its start)
 */
record Draft(
        int input,
        Span span,
        Optional<LocalDateTime> time,
        Direction direction,
        String local,
        String peer,
        String method,
        OptionalInt status,
        String reasonPhrase,
        String requestUri,
        String callId,
        OptionalLong cseq,
        String fromUri,
        Optional<String> fromTag,
        String toUri,
        Optional<String> toTag,
        List<String> recordRoute,
        List<String> via,
        List<Header> msHeaders,
        List<DecodedDiagnostic> diagnostics,
        long seq) {

    boolean isRequest() {
        return status.isEmpty();
    }

    /** Returns the message with its parties. */
    SipMessage toMessage(Party from, Party to) {
        return new SipMessage(
                input,
                span,
                time,
                direction,
                from,
                to,
                method,
                status,
                reasonPhrase,
                requestUri,
                cseq,
                fromTag,
                toTag,
                msHeaders,
                diagnostics);
    }

    /**
     * Returns true when {@code o} is the same message read from another input (two pastes that overlap): same
     * time, direction, peer, start line, CSeq and tags.
     */
    boolean sameMessageAs(Draft o) {
        return input != o.input
                && time.isPresent()
                && time.equals(o.time)
                && direction == o.direction
                && peer.equals(o.peer)
                && method.equals(o.method)
                && status.equals(o.status)
                && cseq.equals(o.cseq)
                && fromTag.equals(o.fromTag)
                && toTag.equals(o.toTag)
                && callId.equals(o.callId);
    }

    /** Returns true when it says its request failed, as {@link SipMessage#failure()} does. */
    boolean failure() {
        return toMessage(new Party(Party.Kind.USER, ""), new Party(Party.Kind.USER, ""))
                .failure();
    }
}
