package io.icewarn.decoder.flow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SIP messages of one Call-ID, ordered by time, and the parties between which they went.
 *
 * @param callId the Call-ID as written; empty for the messages that had none (shown together)
 * @param parties the ladder's columns, left to right: the side that started the dialog first; each
 *     message's {@code from} and {@code to} is one of them
 * @param messages the messages kept, ordered by time when every one has a time, else in the order they were
 *     written; at most {@link FlowReader#MAX_MESSAGES_PER_DIALOG}
 * @param omittedMessages how many more messages of this Call-ID were read but not kept
 */
public record Dialog(String callId, List<Party> parties, List<SipMessage> messages, int omittedMessages) {
    public Dialog {
        Objects.requireNonNull(callId, "callId");
        parties = List.copyOf(parties);
        messages = List.copyOf(messages);
        if (omittedMessages < 0) {
            throw new IllegalArgumentException("negative omittedMessages");
        }
        for (SipMessage m : messages) {
            if (!parties.contains(m.from()) || !parties.contains(m.to())) {
                throw new IllegalArgumentException("a message's party is not among the dialog's parties");
            }
        }
    }

    /** Returns the method of the first request (INVITE, REGISTER, …), or of the first message when none is a request. */
    public String method() {
        for (SipMessage m : messages) {
            if (m.isRequest()) {
                return m.method();
            }
        }
        return messages.isEmpty() ? "" : messages.get(0).method();
    }

    /** Returns the first message that says the request failed (see {@link SipMessage#failure()}), if any. */
    public Optional<SipMessage> firstFailure() {
        return messages.stream().filter(SipMessage::failure).findFirst();
    }

    /** Returns true when a message of this dialog carries a diagnostic. */
    public boolean hasDiagnostic() {
        return messages.stream().anyMatch(m -> !m.diagnostics().isEmpty());
    }
}
